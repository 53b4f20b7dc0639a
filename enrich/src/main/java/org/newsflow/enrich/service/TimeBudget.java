package org.newsflow.enrich.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one piece of work (enriching one article) with a wall-clock budget, on a thread of its own so that the
 * worker can give up on it.
 *
 * <p>Why a thread and an interrupt: Java cannot stop a computation from outside except by interrupting it, and
 * CoreNLP checks the interrupt flag in its annotators' loops (it throws {@code RuntimeInterruptedException}), so an
 * interrupted enrichment usually ends within milliseconds. Some code paths never check it; when the work has not
 * ended shortly after the interrupt, its thread is abandoned (it is a daemon, its result is dropped) and the next
 * article gets a fresh thread, so one runaway article can cost CPU but never block its partition.
 */
final class TimeBudget implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimeBudget.class);
    /** How long an interrupted task is given to end before its thread is abandoned. */
    private static final long GRACE_MS = 2_000;

    private final String name;
    private final List<Thread> abandoned = new ArrayList<>();
    private ExecutorService executor;
    private int generation;

    TimeBudget(String name) {
        this.name = name;
        this.executor = newExecutor();
    }

    private ExecutorService newExecutor() {
        int g = generation++;
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-task-" + g);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The task's result; {@link TimeoutException} when it ran past {@code budget} (it has then been interrupted).
     * An exception thrown by the task is rethrown as it is (a RuntimeException or Error), else wrapped.
     */
    <T> T call(Callable<T> task, Duration budget) throws TimeoutException, InterruptedException {
        Thread[] runner = new Thread[1];
        Future<T> future = executor.submit(() -> {
            runner[0] = Thread.currentThread();
            return task.call();
        });
        try {
            return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            future.cancel(true); // interrupts the task's thread
            ExecutorService old = executor;
            old.shutdown();
            if (!old.awaitTermination(GRACE_MS, TimeUnit.MILLISECONDS)) {
                // The task ignores interrupts: leave its thread to finish on its own, give the next task a new one.
                executor = newExecutor();
                synchronized (abandoned) {
                    if (runner[0] != null) {
                        abandoned.add(runner[0]);
                    }
                }
                LOG.warn("{}: timed-out task did not stop on interrupt; its thread is abandoned ({} still running)", name, abandonedRunning());
            } else {
                executor = newExecutor();
            }
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** Threads of timed-out tasks that ignored the interrupt and still run. */
    int abandonedRunning() {
        synchronized (abandoned) {
            abandoned.removeIf(t -> !t.isAlive());
            return abandoned.size();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
