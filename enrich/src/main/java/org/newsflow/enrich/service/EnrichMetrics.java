package org.newsflow.enrich.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Meters of the enrich service (Micrometer; served in Prometheus format by {@link MetricsEndpoint}), with plain
 * getters for the launcher, the benchmark and the tests.
 */
public final class EnrichMetrics {
    private final Timer enrichTime;
    private final Timer ingestToEnriched;
    private final Counter deadLettered;
    private final Counter committedRecords;
    private final Counter aborted;
    private final Counter workerFailures;

    public EnrichMetrics() {
        this(new SimpleMeterRegistry());
    }

    public EnrichMetrics(MeterRegistry registry) {
        enrichTime = Timer.builder("newsflow.enrich.article").description("enrichment time per article")
                .publishPercentiles(0.5, 0.99).register(registry);
        ingestToEnriched = Timer.builder("newsflow.enrich.lag").description("ingestedAt to enriched, per article")
                .publishPercentiles(0.5, 0.99).register(registry);
        deadLettered = Counter.builder("newsflow.enrich.dead.letters").description("records sent to the dead-letter topic").register(registry);
        committedRecords = Counter.builder("newsflow.enrich.committed").description("records whose results and offsets are committed").register(registry);
        aborted = Counter.builder("newsflow.enrich.transactions.aborted").description("aborted (and retried) transactions").register(registry);
        workerFailures = Counter.builder("newsflow.enrich.worker.failures").description("workers that stopped on an error").register(registry);
    }

    void recordEnriched(long nanos, Duration sinceIngest) {
        enrichTime.record(nanos, TimeUnit.NANOSECONDS);
        if (sinceIngest != null && !sinceIngest.isNegative()) {
            ingestToEnriched.record(sinceIngest);
        }
    }

    void recordDeadLetter() {
        deadLettered.increment();
    }

    void recordCommit(int records) {
        committedRecords.increment(records);
    }

    void recordAbort() {
        aborted.increment();
    }

    void recordWorkerFailure() {
        workerFailures.increment();
    }

    public long enriched() {
        return enrichTime.count();
    }

    public long deadLettered() {
        return (long) deadLettered.count();
    }

    /** Records whose results and offsets are committed. */
    public long committedRecords() {
        return (long) committedRecords.count();
    }

    public long abortedTransactions() {
        return (long) aborted.count();
    }

    public long workerFailures() {
        return (long) workerFailures.count();
    }

    public double meanEnrichMillis() {
        return enrichTime.mean(TimeUnit.MILLISECONDS);
    }
}
