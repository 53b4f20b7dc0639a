package org.newsflow.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap and resident-set measurements of this process: heap used sampled every 20 ms (its maximum is the peak
 * heap of a stage), live heap after a full GC, and the kernel's resident-set high-water mark (VmHWM), which
 * {@link #resetRssPeak()} resets to the current RSS where the kernel allows it (Linux, /proc/self/clear_refs).
 */
final class MemoryProbe implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeapUsed = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    MemoryProbe() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        peakHeapUsed.accumulateAndGet(used, Math::max);
    }

    /** Starts a new stage: the sampled peak restarts from the current heap use. */
    void resetHeapPeak() {
        peakHeapUsed.set(MEMORY.getHeapMemoryUsage().getUsed());
    }

    long peakHeapUsed() {
        sample();
        return peakHeapUsed.get();
    }

    static long heapCommitted() {
        return MEMORY.getHeapMemoryUsage().getCommitted();
    }

    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Heap still reachable after full collections: what the loaded models and the running services hold. */
    static long liveHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Resets VmHWM to the current RSS; false where the kernel does not allow it. */
    static boolean resetRssPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** VmHWM (peak resident set) in bytes, or -1 when /proc is not available. */
    static long rssPeak() {
        return procStatus("VmHWM:");
    }

    /** VmRSS (current resident set) in bytes, or -1. */
    static long rss() {
        return procStatus("VmRSS:");
    }

    private static long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
