package org.newsflow.sink.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.newsflow.contract.ServiceMetrics;

/**
 * The sink's Micrometer meters (Prometheus names in brackets), plus the JVM, process and Kafka client meters
 * ({@link ServiceMetrics}). Latencies are histograms ({@code _bucket} series), so that replicas can be aggregated.
 */
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
    private final MeterRegistry registry;
    /** records of each assigned partition not yet consumed [newsflow_sink_partition_lag{group,topic,partition}] */
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();

    public SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        ServiceMetrics.bindJvm(registry);
        consumed = Counter.builder("newsflow.sink.records.consumed").description("records polled from the enriched topic").register(registry);
        written = Counter.builder("newsflow.sink.upserts").tag("result", "written").description("article versions stored").register(registry);
        stale = Counter.builder("newsflow.sink.upserts").tag("result", "stale").description("article versions older than the stored one").register(registry);
        deadLetters = Counter.builder("newsflow.sink.dead.letters").description("records sent to the dead-letter topic").register(registry);
        storeFailures = Counter.builder("newsflow.sink.store.failures").description("failed store writes (retried)").register(registry);
        commitFailures = Counter.builder("newsflow.sink.commit.failures").description("failed offset commits").register(registry);
        batch = Timer.builder("newsflow.sink.batch").description("poll-to-commit time of a batch")
                .publishPercentileHistogram().register(registry);
        storeWrite = Timer.builder("newsflow.sink.store.write").description("store upsert time of a batch")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * Refreshes the lag gauges from the consumer's own view (last stable offset minus position, from its latest
     * fetch), on the polling thread: a consumer must not be called from the scrape thread. Partitions no longer
     * assigned drop out, since their lag is now another consumer's to report.
     */
    void updateLag(Consumer<?, ?> consumer, String group) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : assigned) {
            OptionalLong behind = consumer.currentLag(tp); // empty until a fetch for the partition has returned
            if (behind.isPresent()) {
                lag.computeIfAbsent(tp, p -> gauge(group, p)).set(behind.getAsLong());
            }
        }
        lag.keySet().removeIf(tp -> {
            if (assigned.contains(tp)) {
                return false;
            }
            Gauge g = lagGauges.remove(tp);
            if (g != null) {
                registry.remove(g);
            }
            return true;
        });
    }

    /** The consumer is closed: it holds no partition, so it reports no lag (a stale 0 would hide a stopped sink). */
    void forgetLag() {
        lag.clear();
        lagGauges.values().forEach(registry::remove);
        lagGauges.clear();
    }

    private AtomicLong gauge(String group, TopicPartition tp) {
        AtomicLong value = new AtomicLong();
        lagGauges.put(tp, Gauge.builder("newsflow.sink.partition.lag", value, AtomicLong::get)
                .tags(Tags.of("group", group, "topic", tp.topic(), "partition", Integer.toString(tp.partition())))
                .description("enriched records of the partition not yet consumed by the sink").register(registry));
        return value;
    }

    /** The client's own meters until it closes (see {@link ServiceMetrics#bindKafkaClient}). */
    KafkaClientMetrics bindClient(Consumer<?, ?> consumer) {
        return ServiceMetrics.bindKafkaClient(registry, consumer);
    }

    KafkaClientMetrics bindClient(Producer<?, ?> producer) {
        return ServiceMetrics.bindKafkaClient(registry, producer);
    }

    /** Records not yet consumed, over the partitions this sink holds. */
    public long lag() {
        return lag.values().stream().mapToLong(AtomicLong::get).sum();
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
