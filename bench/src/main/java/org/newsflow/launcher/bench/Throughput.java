package org.newsflow.launcher.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a per-article job over the corpus with N threads sharing one engine, in whole passes: threads take the next
 * article from one queue, and the run stops at the first pass boundary after both the minimum number of passes and
 * the minimum time, so every article is measured equally often and a thread idles only at the very end.
 */
final class Throughput {
    /** The work on article {@code index}; returns its token count. */
    interface Job {
        int run(int index) throws Exception;
    }

    /**
     * @param cpuSeconds CPU time of the worker threads (not of GC or JIT threads): on a machine shared with other
     *     work, articles per CPU-second is the steadier measure of the cost per article
     */
    /** @param jitSeconds and @param gcSeconds JIT compilation and GC (collection time) during the run, for the record */
    record Result(String label, int threads, long articles, long tokens, double seconds, int passes, double cpuSeconds,
            double processCpuSeconds, double jitSeconds, double gcSeconds) {
        double articlesPerSecond() {
            return articles / seconds;
        }

        double articlesPerCpuSecond() {
            return articles / cpuSeconds;
        }

        /** Articles per CPU-second of the whole process (worker threads plus GC, JIT and everything else in it). */
        double articlesPerProcessCpuSecond() {
            return articles / processCpuSeconds;
        }

        double tokensPerSecond() {
            return tokens / seconds;
        }
    }

    private Throughput() {}

    static Result run(String label, int corpusSize, int threads, int minPasses, double minSeconds, Job job)
            throws InterruptedException {
        Dispenser dispenser = new Dispenser(corpusSize, minPasses, (long) (minSeconds * 1e9));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-" + label.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Future<long[]>> parts = new ArrayList<>();
        long processCpuStart = processCpuNanos();
        long jitStart = jitMillis();
        long gcStart = gcMillis();
        long start = System.nanoTime();
        dispenser.start(start);
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long articles = 0;
                long tokens = 0;
                for (int task = dispenser.next(); task >= 0; task = dispenser.next()) {
                    tokens += job.run(task % corpusSize);
                    articles++;
                }
                return new long[] {articles, tokens, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        long articles = 0;
        long tokens = 0;
        long cpuNanos = 0;
        try {
            for (Future<long[]> part : parts) {
                long[] r = part.get();
                articles += r[0];
                tokens += r[1];
                cpuNanos += r[2];
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(label + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double processCpu = (processCpuNanos() - processCpuStart) / 1e9;
        return new Result(label, threads, articles, tokens, seconds, (int) (articles / corpusSize), cpuNanos / 1e9, processCpu,
                (jitMillis() - jitStart) / 1e3, (gcMillis() - gcStart) / 1e3);
    }

    static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** CPU time of this whole process so far, in ns (-1 if the JVM does not tell). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Hands out task numbers; stops at a pass boundary once enough passes and time have gone by. */
    private static final class Dispenser {
        private final int corpusSize;
        private final int minPasses;
        private final long minNanos;
        private long start;
        private int next;
        private boolean done;

        Dispenser(int corpusSize, int minPasses, long minNanos) {
            this.corpusSize = corpusSize;
            this.minPasses = Math.max(1, minPasses);
            this.minNanos = minNanos;
        }

        synchronized void start(long startNanos) {
            this.start = startNanos;
        }

        synchronized int next() {
            if (done) {
                return -1;
            }
            if (next % corpusSize == 0 && next / corpusSize >= minPasses && System.nanoTime() - start >= minNanos) {
                done = true;
                return -1;
            }
            return next++;
        }
    }
}
