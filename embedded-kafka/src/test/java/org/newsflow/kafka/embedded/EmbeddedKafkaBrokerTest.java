package org.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBrokerOnFixedPortsComesBackAtTheSameAddressWithItsTopicsAfterAFullClose(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int port;
        int controllerPort;
        try (java.net.ServerSocket a = new java.net.ServerSocket(0); java.net.ServerSocket b = new java.net.ServerSocket(0)) {
            port = a.getLocalPort();
            controllerPort = b.getLocalPort();
        }
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir, port, controllerPort)) {
            assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            first.createTopics(Map.of("kept", 2));
        }
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dir, port, controllerPort);
                org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                        Map.of("bootstrap.servers", second.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(20, java.util.concurrent.TimeUnit.SECONDS)).contains("kept");
        }
    }

    @Test
    void bootstrapServersIsLoopback() {
        assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void readCommittedSeesCommittedButNotAbortedTransactions() {
        String topic = "tx-" + UUID.randomUUID();
        broker.createTopics(Map.of(topic, 3));
        broker.createTopics(Map.of(topic, 3)); // idempotent

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            sendInTransaction(producer, topic, "committed-a", true);
            sendInTransaction(producer, topic, "aborted", false);
            sendInTransaction(producer, topic, "committed-b", true);
        }

        List<ConsumerRecord<String, String>> records = consumeReadCommitted(topic, 12);
        assertThat(records).extracting(ConsumerRecord::value)
                .hasSize(12)
                .allMatch(v -> v.startsWith("committed-"))
                .noneMatch(v -> v.startsWith("aborted"));
        // The consumer group got all three partitions and each received data.
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
    }

    @Test
    void committedRecordsSurviveStopAndRestart() {
        String topic = "restart-" + UUID.randomUUID();
        broker.createTopics(Map.of(topic, 3));
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            sendInTransaction(producer, topic, "before-restart", true);
        }

        String bootstrap = broker.bootstrapServers();
        broker.stop();
        broker.restart();
        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);

        assertThat(consumeReadCommitted(topic, 6)).extracting(ConsumerRecord::value)
                .hasSize(6)
                .allMatch(v -> v.startsWith("before-restart"));

        // The restarted broker still accepts new transactions on the same topic.
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            sendInTransaction(producer, topic, "after-restart", true);
        }
        assertThat(consumeReadCommitted(topic, 12)).extracting(ConsumerRecord::value)
                .filteredOn(v -> v.startsWith("after-restart")).hasSize(6);
    }

    @Test
    void idempotentProducerAndTwoConsumersInOneGroupShareThePartitions() {
        String topic = "group-" + UUID.randomUUID();
        broker.createTopics(Map.of(topic, 3));
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, "v" + i));
            }
        }

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "shared-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> c1 = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer());
             KafkaConsumer<String, String> c2 = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            c1.subscribe(List.of(topic));
            c2.subscribe(List.of(topic));
            // Poll both from this thread until the group has settled with work for each member.
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && (c1.assignment().isEmpty() || c2.assignment().isEmpty() || values.size() < 30)) {
                c1.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
                c2.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
            }
            assertThat(c1.assignment()).isNotEmpty();
            assertThat(c2.assignment()).isNotEmpty();
            assertThat(c1.assignment().size() + c2.assignment().size()).isEqualTo(3);
            // Without offset commits a rebalance may redeliver, so check completeness, not count.
            assertThat(values).containsAll(IntStream.range(0, 30).mapToObj(i -> "v" + i).toList());
        }
    }

    /** Sends two records to each of the 3 partitions, then commits or aborts. */
    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic,
                                          String prefix, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < 6; i++) {
            producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, prefix + "-" + i));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush(); // make sure the records really reach the log before the abort
            producer.abortTransaction();
        }
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-tx-" + UUID.randomUUID());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Reads from the beginning in a fresh group until {@code expected} records arrived (or 15 s). */
    private static List<ConsumerRecord<String, String>> consumeReadCommitted(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-group-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more short poll: anything beyond `expected` (e.g. a leaked aborted record) shows up.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }
}
