package org.newsflow.sink.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The sink's Micrometer meters (Prometheus names in brackets). */
public final class SinkMetrics {
    /** records polled from the enriched topic [newsflow_sink_records_consumed_total] */
    final Counter consumed;
    /** versions that became the stored version [newsflow_sink_upserts_total{result="written"}] */
    final Counter written;
    /** versions ignored as older than or equal to the stored one [newsflow_sink_upserts_total{result="stale"}] */
    final Counter stale;
    /** records sent to the dead-letter topic [newsflow_sink_dead_letters_total] */
    final Counter deadLetters;
    /** failed store writes, each followed by a retry [newsflow_sink_store_failures_total] */
    final Counter storeFailures;
    /** offset commits that failed (the records are redelivered and upserted again) [newsflow_sink_commit_failures_total] */
    final Counter commitFailures;
    /** poll-to-commit time of one batch [newsflow_sink_batch_seconds] */
    final Timer batch;
    /** time in the store's upsert (database transaction) per batch [newsflow_sink_store_write_seconds] */
    final Timer storeWrite;

    public SinkMetrics(MeterRegistry registry) {
        consumed = Counter.builder("newsflow.sink.records.consumed").description("records polled from the enriched topic").register(registry);
        written = Counter.builder("newsflow.sink.upserts").tag("result", "written").description("article versions stored").register(registry);
        stale = Counter.builder("newsflow.sink.upserts").tag("result", "stale").description("article versions older than the stored one").register(registry);
        deadLetters = Counter.builder("newsflow.sink.dead.letters").description("records sent to the dead-letter topic").register(registry);
        storeFailures = Counter.builder("newsflow.sink.store.failures").description("failed store writes (retried)").register(registry);
        commitFailures = Counter.builder("newsflow.sink.commit.failures").description("failed offset commits").register(registry);
        batch = Timer.builder("newsflow.sink.batch").description("poll-to-commit time of a batch").register(registry);
        storeWrite = Timer.builder("newsflow.sink.store.write").description("store upsert time of a batch").register(registry);
    }

    public long consumed() {
        return (long) consumed.count();
    }

    public long written() {
        return (long) written.count();
    }

    public long stale() {
        return (long) stale.count();
    }

    public long deadLetters() {
        return (long) deadLetters.count();
    }

    /** Seconds spent in batches (poll to commit) and in store writes, for the benchmark. */
    public double batchSeconds() {
        return batch.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
    }

    public double storeWriteSeconds() {
        return storeWrite.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
    }

    public long batches() {
        return batch.count();
    }

    public long storeFailures() {
        return (long) storeFailures.count();
    }
}
