package org.newsflow.sink.consume;

import java.util.function.IntConsumer;
import org.newsflow.contract.Secrets;
import org.newsflow.sink.store.ArticleStore;

/**
 * The standalone sink's process lifecycle, for the launcher's {@code newsflow sink} (the only main): wait for the
 * database at start, and end the process when the consumer loop dies so that a supervisor restarts it.
 */
public final class SinkLifecycle {
    private SinkLifecycle() {}

    /** Exit status when the consumer loop died: EX_SOFTWARE of sysexits.h, so a supervisor restarts the process. */
    public static final int EXIT_LOOP_DIED = 70;

    /**
     * Blocks until the service stops. A shutdown signal closes the service and the store (shutdown hook); if the
     * consumer loop dies by itself and {@code exitOnFailure} (NEWSFLOW_SINK_EXIT_ON_FAILURE, default true), calls
     * {@code exit} with {@link #EXIT_LOOP_DIED}: a sink whose API answers but which no longer consumes is worse than
     * one that restarts. Otherwise the process stays up with its liveness probe failing.
     */
    public static void runUntilStopped(SinkService service, ArticleStore store, boolean exitOnFailure, IntConsumer exit)
            throws InterruptedException {
        runUntilStopped(service, () -> {
            service.close();
            store.close();
        }, exitOnFailure, exit);
    }

    /** As above, with {@code shutdown} closing everything (the loop, the API next to it, the store) in order. */
    public static void runUntilStopped(SinkService service, Runnable shutdown, boolean exitOnFailure, IntConsumer exit)
            throws InterruptedException {
        Thread hook = new Thread(shutdown, "newsflow-sink-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Throwable failure;
        try {
            failure = service.stopped().get();
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        if (failure == null) { // closed by the shutdown hook: the JVM is exiting already
            Thread.currentThread().join();
            return;
        }
        if (exitOnFailure) {
            System.err.println("sink: the consumer loop died (" + Secrets.message(failure) + "); exiting with status "
                    + EXIT_LOOP_DIED + " so that the supervisor restarts it (NEWSFLOW_SINK_EXIT_ON_FAILURE=false keeps it up)");
            exit.accept(EXIT_LOOP_DIED);
        } else {
            System.err.println("sink: the consumer loop died (" + Secrets.message(failure) + "); /api/health/live now fails");
            Thread.currentThread().join();
        }
    }

    /** The database may come up after the sink: keep trying with backoff (up to 30 s between attempts). */
    public static ArticleStore openWithRetry(SinkConfig config) throws InterruptedException {
        long delay = config.retryInitial().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return ArticleStore.open(config.store());
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException) {
                    throw e;
                }
                // Redacted: the store URL may carry a password (postgresql://user:pw@host/db or ?password=), and so may
                // a driver's message.
                System.err.println("sink: store " + Secrets.redact(config.store())
                        + " not available (attempt " + attempt + "): " + Secrets.message(e) + "; retrying in " + delay + " ms");
                Thread.sleep(delay);
                delay = Math.min(config.retryMax().toMillis(), delay * 2);
            }
        }
    }
}
