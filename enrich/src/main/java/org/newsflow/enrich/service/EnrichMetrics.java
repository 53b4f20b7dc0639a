package org.newsflow.enrich.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.newsflow.contract.ServiceMetrics;

/**
 * Meters of the enrich service (Micrometer; served in Prometheus format by {@link MetricsEndpoint}), with plain
 * getters for the launcher, the benchmark and the tests; plus the JVM, process and Kafka client meters
 * ({@link ServiceMetrics}).
 *
 * <p>Latencies are histograms ({@code _bucket} series), not client-side percentiles: percentiles of several replicas
 * cannot be combined, buckets can ({@code histogram_quantile(0.99, sum by (le) (rate(..._bucket[5m])))}).
 */
public final class EnrichMetrics {
    private final Timer enrichTime;
    private final Timer ingestToEnriched;
    private final Counter deadLettered;
    private final Counter committedRecords;
    private final Counter aborted;
    private final Counter workerFailures;
    private final Counter truncated;
    private final Counter timedOut;
    private final Counter isolated;
    private final MeterRegistry registry;
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();

    public EnrichMetrics() {
        this(new SimpleMeterRegistry());
    }

    public EnrichMetrics(MeterRegistry registry) {
        ServiceMetrics.bindJvm(registry);
        enrichTime = Timer.builder("newsflow.enrich.article").description("enrichment time per article")
                .publishPercentileHistogram().register(registry);
        ingestToEnriched = Timer.builder("newsflow.enrich.lag").description("ingestedAt to enriched, per article")
                .publishPercentileHistogram().register(registry);
        deadLettered = Counter.builder("newsflow.enrich.dead.letters").description("records sent to the dead-letter topic").register(registry);
        committedRecords = Counter.builder("newsflow.enrich.committed").description("records whose results and offsets are committed").register(registry);
        aborted = Counter.builder("newsflow.enrich.transactions.aborted").description("aborted (and retried) transactions").register(registry);
        workerFailures = Counter.builder("newsflow.enrich.worker.failures").description("workers that stopped on an error").register(registry);
        truncated = Counter.builder("newsflow.enrich.truncated").description("enriched records cut down to fit the record size limit").register(registry);
        timedOut = Counter.builder("newsflow.enrich.timed.out").description("articles dead-lettered for running past the time budget").register(registry);
        isolated = Counter.builder("newsflow.enrich.isolated").description("records retried on their own after their batch's transaction failed").register(registry);
        this.registry = registry;
        // The sum over this process's partitions; per partition in newsflow.enrich.partition.lag.
        Gauge.builder("newsflow.enrich.lag.records", this, EnrichMetrics::lag)
                .description("raw records not yet enriched and committed, over this process's partitions (transaction markers not counted)")
                .register(registry);
    }

    /**
     * Records of {@code partition} this process has not yet enriched and committed. Why not the consumer group's
     * lag (end offset minus committed offset): on a transactional topic every commit leaves a marker at the end
     * of the log, so that lag never reads 0 and a "lag = 0" alert misfires. This figure comes from the consumer
     * itself: {@code currentLag} (last stable offset minus position, from the latest fetch; the position moves
     * past markers) plus the records polled but not yet committed.
     */
    void partitionLag(String group, TopicPartition partition, long records) {
        lag.computeIfAbsent(partition, tp -> {
            AtomicLong value = new AtomicLong();
            lagGauges.put(tp, Gauge.builder("newsflow.enrich.partition.lag", value, AtomicLong::get)
                    .tags(Tags.of("group", group, "topic", tp.topic(), "partition", Integer.toString(tp.partition())))
                    .description("raw records of the partition not yet enriched and committed (transaction markers not counted)")
                    .register(registry));
            return value;
        }).set(records);
    }

    /** The partition went to another consumer: its lag is that consumer's to report. */
    void removePartition(TopicPartition partition) {
        lag.remove(partition);
        Gauge g = lagGauges.remove(partition);
        if (g != null) {
            registry.remove(g);
        }
    }

    /** The consumer's own meters until it closes (see {@link ServiceMetrics#bindKafkaClient}). */
    KafkaClientMetrics bindClient(Consumer<?, ?> consumer) {
        return ServiceMetrics.bindKafkaClient(registry, consumer);
    }

    KafkaClientMetrics bindClient(Producer<?, ?> producer) {
        return ServiceMetrics.bindKafkaClient(registry, producer);
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

    void recordTruncated() {
        truncated.increment();
    }

    void recordTimedOut() {
        timedOut.increment();
    }

    void recordIsolated(int records) {
        isolated.increment(records);
    }

    public long truncated() {
        return (long) truncated.count();
    }

    public long timedOut() {
        return (long) timedOut.count();
    }

    public long isolated() {
        return (long) isolated.count();
    }

    /** Raw records not yet enriched and committed, over the partitions this process holds. */
    public long lag() {
        return lag.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Per partition held by this process (see {@link #partitionLag}). */
    public Map<TopicPartition, Long> partitionLags() {
        Map<TopicPartition, Long> copy = new java.util.TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        lag.forEach((tp, v) -> copy.put(tp, v.get()));
        return copy;
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
