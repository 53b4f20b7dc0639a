package org.newsflow.launcher.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.Secrets;

/**
 * Follows the dead-letter topic: counts every committed dead letter (markers of enrich's transactions take offsets
 * too, so offsets cannot be subtracted) and keeps the latest few, with their reasons. Reads incrementally: each
 * {@link #catchUp} only polls what arrived since the last one. Assigns partitions itself (no consumer group), so
 * it never moves anybody's offsets. Used from one thread only (the sampler); {@link #find} opens its own consumer.
 */
final class DeadLetterTail implements AutoCloseable {
    static final int LATEST = 20;
    /** A dead letter's value shown in the browser is cut here: the topic allows up to 256 KiB. */
    static final int MAX_SHOWN_CHARS = 20_000;

    private final String bootstrapServers;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deque<Map<String, Object>> latest = new ArrayDeque<>();
    private List<TopicPartition> assigned = List.of();
    private long count;

    DeadLetterTail(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(props(bootstrapServers, 500), new org.apache.kafka.common.serialization.StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Properties props(String bootstrapServers, int maxPoll) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted dead letters are not real
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-dashboard-dlq");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return p;
    }

    /** Reads what is new, up to the end offsets given (or for at most {@code budget}). */
    void catchUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end, Duration budget) {
        if (!partitions.equals(assigned)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = partitions;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.getOrDefault(tp, 0L))) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                count++;
                latest.addFirst(summary(r));
                if (latest.size() > LATEST) {
                    latest.removeLast();
                }
            }
        }
    }

    long count() {
        return count;
    }

    List<Map<String, Object>> latest() {
        return new ArrayList<>(latest);
    }

    private static Map<String, Object> summary(ConsumerRecord<String, byte[]> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", r.partition());
        m.put("offset", r.offset());
        m.put("stage", header(r, DeadLetters.STAGE));
        m.put("reason", Secrets.redact(header(r, DeadLetters.REASON)));
        m.put("at", Instant.ofEpochMilli(r.timestamp()).toString());
        m.put("key", r.key());
        return m;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** One dead letter with its headers and its value as text (redacted, cut to {@link #MAX_SHOWN_CHARS}). */
    Optional<Map<String, Object>> find(int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, byte[]> one = new KafkaConsumer<>(props(bootstrapServers, 1),
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            if (one.partitionsFor(topic).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            one.assign(List.of(tp));
            one.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : one.poll(Duration.ofMillis(200))) {
                    return r.offset() == offset ? Optional.of(full(r)) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> full(ConsumerRecord<String, byte[]> r) {
        Map<String, Object> m = summary(r);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), Secrets.redact(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
        }
        m.put("headers", headers);
        String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
        m.put("bytes", r.value() == null ? 0 : r.value().length);
        m.put("truncated", value.length() > MAX_SHOWN_CHARS);
        m.put("value", Secrets.redact(value.length() > MAX_SHOWN_CHARS ? value.substring(0, MAX_SHOWN_CHARS) : value));
        return m;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
