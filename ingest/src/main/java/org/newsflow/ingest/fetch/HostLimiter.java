package org.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Politeness: at most one request per interval to each host, whatever feed or page asks for it and whichever thread
 * asks. A caller reserves the next free slot of the host and then waits for it, so threads queue fairly and never
 * burst. A host's interval can be raised (robots.txt Crawl-delay), never lowered below the default.
 */
public final class HostLimiter {
    private final long defaultNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();
    private final Map<String, Long> intervalByHost = new HashMap<>();

    public HostLimiter(Duration interval) {
        this.defaultNanos = interval.toNanos();
    }

    /** Raises the interval for one host (e.g. from robots.txt Crawl-delay). */
    public synchronized void slowDown(String host, Duration interval) {
        if (interval.toNanos() > defaultNanos) {
            intervalByHost.put(host, interval.toNanos());
        }
    }

    /**
     * Waits until the host may be asked again. Returns false (without a request slot being used) when
     * {@code stopped} turns true while waiting, or the wait would end after {@code deadlineNanos}.
     */
    public boolean acquire(String host, BooleanSupplier stopped, long deadlineNanos) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot.getOrDefault(host, now));
            if (slot - deadlineNanos > 0) {
                return false;
            }
            nextSlot.put(host, slot + intervalByHost.getOrDefault(host, defaultNanos));
        }
        while (true) {
            long wait = slot - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            if (stopped.getAsBoolean()) {
                return false;
            }
            // Short naps so that a stop request is seen within 50 ms even when the host is slow to come round.
            Thread.sleep(Math.min(50, Math.max(1, wait / 1_000_000)));
        }
    }
}
