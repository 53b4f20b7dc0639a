package org.newsflow.launcher.dlq;

import org.newsflow.contract.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and replays the dead-letter topic. Reading assigns every partition directly (no consumer group), so
 * listing never moves anybody's offsets. Replay republishes the original key and bytes to the topic the record
 * failed on, with an idempotent {@code acks=all} producer, and marks each copy with {@value #REPLAYED_FROM} so a
 * record that fails again can be traced to its earlier dead letter.
 */
public final class DeadLetterTopic {
    public static final String REPLAYED_FROM = "newsflow.replayed.from";
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaClients kafka;
    private final String topic;
    private final Duration timeout;

    public DeadLetterTopic(KafkaClients kafka, String topic, Duration timeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
    }

    public DeadLetterTopic(String bootstrapServers, String topic, Duration timeout) {
        this(KafkaClients.of(bootstrapServers), topic, timeout);
    }

    /** Every dead letter that passes the filter, oldest first within each partition. */
    public List<DeadLetter> read(Predicate<DeadLetter> filter) {
        // Dead letters are written inside enrich's transactions: only committed ones are real (read_committed).
        Properties p = kafka.consumer("newsflow-dlq-reader").apiTimeout(timeout).build();
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist at " + kafka.bootstrapServers());
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topic + " after " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    DeadLetter d = DeadLetter.of(r);
                    if (filter.test(d)) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    /** The dead letter at {@code partition@offset}. */
    public DeadLetter find(String position) {
        int at = position.indexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException("expected PARTITION@OFFSET, got '" + position + "'");
        }
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(position.substring(0, at));
            offset = Long.parseLong(position.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected PARTITION@OFFSET, got '" + position + "'");
        }
        return read(d -> d.partition() == partition && d.offset() == offset).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dead letter at " + position + " in " + topic));
    }

    /**
     * Republishes the dead letters to {@code target} when given, else to the topic each failed on; returns how
     * many were sent. A dead letter without a source topic (rejected before it reached Kafka, e.g. an unreadable
     * file) needs an explicit target: its bytes are the original input, not a topic record.
     */
    public int replay(List<DeadLetter> letters, String target) {
        for (DeadLetter d : letters) {
            if (target == null && d.sourceTopic().isEmpty()) {
                throw new IllegalArgumentException("dead letter " + d.position() + " (stage " + d.stage()
                        + ") never reached a topic; give --to TOPIC, or fix the input and ingest it again");
            }
        }
        Properties p = kafka.producer("newsflow-dlq-replay").bounded(timeout, Duration.ofMillis(Math.max(timeout.toMillis(), 20_000))).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (DeadLetter d : letters) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(target != null ? target : d.sourceTopic().get(), d.key(), d.value());
                r.headers().add(REPLAYED_FROM, (topic + "-" + d.position()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                acks.add(producer.send(r));
            }
            for (var ack : acks) {
                ack.get();
            }
            return letters.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a replayed record: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        // Transaction markers occupy offsets too: position() moves past them, so compare positions, not counts.
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
