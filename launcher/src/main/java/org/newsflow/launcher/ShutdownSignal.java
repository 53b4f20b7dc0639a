package org.newsflow.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) or SIGTERM into an orderly stop of a long-running command. Without it the JVM exits as soon
 * as the signal arrives, the command's try-with-resources never closes, and the embedded broker leaves its data in
 * {@code /tmp/newsflow-kafka-*}.
 *
 * <p>The shutdown hook interrupts the command's thread (which waits in {@link #await()} or is still working) and then
 * holds the JVM until the command has closed its resources, in the reverse order of opening, and called
 * {@link #close()}, or until the grace period ends.
 *
 * <pre>{@code
 * try (ShutdownSignal signal = ShutdownSignal.install(Duration.ofSeconds(30));
 *      Broker broker = ...; Service service = ...) {
 *     signal.await(); // returns on Ctrl-C
 * }
 * }</pre>
 */
final class ShutdownSignal implements AutoCloseable {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownSignal(Thread worker, Duration grace) {
        this.hook = new Thread(() -> {
            requested.countDown();
            worker.interrupt();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-shutdown");
    }

    /** Watches for the signal on behalf of the calling thread. */
    static ShutdownSignal install(Duration grace) {
        ShutdownSignal signal = new ShutdownSignal(Thread.currentThread(), grace);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Blocks until the process is asked to stop; returns normally then (the interrupt is consumed). */
    void await() {
        try {
            requested.await();
        } catch (InterruptedException e) {
            // the hook's interrupt: the stop we were waiting for
        }
    }

    /** True once a stop was requested (the thread's interrupt may already have been consumed by a library). */
    boolean requested() {
        return requested.getCount() == 0;
    }

    /** The command has closed everything: let the JVM exit (or, without a signal, remove the hook). */
    @Override
    public void close() {
        finished.countDown();
        if (!requested()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting for another reason; the hook will find us finished
            }
        }
        Thread.interrupted(); // an interrupt that arrived during closing is spent
    }
}
