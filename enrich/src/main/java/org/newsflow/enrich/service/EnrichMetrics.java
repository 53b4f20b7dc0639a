package org.newsflow.enrich.service;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the enrich service, read by the launcher's status output and the benchmark. */
public final class EnrichMetrics {
    private final AtomicLong enriched = new AtomicLong();
    private final AtomicLong enrichNanos = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong committedRecords = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong workerFailures = new AtomicLong();

    void recordEnriched(long nanos) {
        enriched.incrementAndGet();
        enrichNanos.addAndGet(nanos);
    }

    void recordDeadLetter() {
        deadLettered.incrementAndGet();
    }

    void recordCommit(int records) {
        committedRecords.addAndGet(records);
    }

    void recordAbort() {
        aborted.incrementAndGet();
    }

    void recordWorkerFailure() {
        workerFailures.incrementAndGet();
    }

    public long enriched() {
        return enriched.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Records whose results and offsets are committed. */
    public long committedRecords() {
        return committedRecords.get();
    }

    public long abortedTransactions() {
        return aborted.get();
    }

    public long workerFailures() {
        return workerFailures.get();
    }

    public double meanEnrichMillis() {
        long n = enriched.get();
        return n == 0 ? 0 : enrichNanos.get() / 1e6 / n;
    }
}
