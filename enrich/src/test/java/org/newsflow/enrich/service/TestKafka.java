package org.newsflow.enrich.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.KafkaClients;

/** The enrich service tests' own Kafka clients (what ingest writes, what a downstream reader sees), made once. */
final class TestKafka {
    private TestKafka() {}

    /** An idempotent {@code acks=all} producer of raw records; {@code tweak} adds to it (a transactional id, ...). */
    static KafkaProducer<String, byte[]> producer(String bootstrapServers, UnaryOperator<KafkaClients.ProducerProperties> tweak) {
        return new KafkaProducer<>(tweak.apply(KafkaClients.of(bootstrapServers).producer("enrich-test-producer")).build(),
                new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return producer(bootstrapServers, b -> b);
    }

    /**
     * What a downstream service sees: read_committed, from the start, in a fresh group; after {@code expected}
     * records (or the timeout) keeps reading for {@code settle}, since duplicates would arrive after the expected count.
     */
    static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrapServers, String topic, int expected, Duration timeout,
            Duration settle) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaClients.of(bootstrapServers).consumer("enrich-test-reader").group("reader-" + topic + "-" + System.nanoTime()).build(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            long until = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }
}
