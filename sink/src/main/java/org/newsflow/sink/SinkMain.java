package org.newsflow.sink;

import java.util.function.IntConsumer;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.Settings;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;

/**
 * {@code sink [--store sqlite:./data/newsflow.db | --store postgresql://host:5432/db?user=..] [--bootstrap-servers H:P]
 * [--group G] [--http-host H] [--http-port P] [--no-http]}: runs the sink until SIGTERM/SIGINT. Options override
 * the NEWSFLOW_* settings (see {@link SinkConfig}).
 */
public final class SinkMain {
    private SinkMain() {}

    public static void main(String[] args) throws InterruptedException {
        SinkConfig config;
        try {
            config = parse(args, Settings.fromEnvironment());
        } catch (IllegalArgumentException e) {
            System.err.println("sink: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(usage());
            return;
        }
        ArticleStore store = openWithRetry(config);
        SinkService service;
        try {
            service = new SinkService(config, store).start();
        } catch (IllegalArgumentException e) { // for example an API bound beyond loopback without a token
            System.err.println("sink: " + Secrets.redact(e.getMessage()));
            store.close();
            System.exit(2);
            return;
        }
        runUntilStopped(service, store, config.exitOnFailure(), System::exit);
    }

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
        Thread hook = new Thread(() -> {
            service.close();
            store.close();
        }, "newsflow-sink-shutdown");
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

    /** The configuration for these arguments, or null when help was asked for. */
    public static SinkConfig parse(String[] args, Settings settings) {
        Settings s = settings;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--no-http" -> s = s.with("SINK_HTTP_ENABLED", "false");
                case "--store", "--bootstrap-servers", "--group", "--http-host", "--http-port" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    String name = switch (arg) {
                        case "--store" -> "SINK_STORE";
                        case "--bootstrap-servers" -> "BOOTSTRAP_SERVERS";
                        case "--group" -> "SINK_GROUP";
                        case "--http-host" -> "SINK_HTTP_HOST";
                        default -> "SINK_HTTP_PORT";
                    };
                    s = s.with(name, value);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return SinkConfig.from(s);
    }

    public static String usage() {
        return """
                usage: sink [--store URL] [--bootstrap-servers HOST:PORT] [--group ID] [--http-host HOST] [--http-port PORT] [--no-http]
                  --store              sqlite:./data/newsflow.db (default) or postgresql://host:5432/db?user=U&currentSchema=S
                  --bootstrap-servers  Kafka (default localhost:9092, env NEWSFLOW_BOOTSTRAP_SERVERS)
                  --group              consumer group (default newsflow-sink, env NEWSFLOW_SINK_GROUP)
                  --http-host/--http-port  query API (default 127.0.0.1:8083, env NEWSFLOW_SINK_HTTP_HOST/PORT)
                  --no-http            no query API
                """;
    }
}
