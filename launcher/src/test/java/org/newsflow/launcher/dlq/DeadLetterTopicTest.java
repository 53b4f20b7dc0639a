package org.newsflow.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.DeadLetters;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/** The dead-letter tool against a real broker: list with filters, find one, replay to the source topic. */
class DeadLetterTopicTest {
    private static EmbeddedKafkaBroker broker;
    private static final String RAW = "t.raw";
    private static final String DLQ = "t.dlq";

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(RAW, 1, DLQ, 2));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ConsumerRecord<String, byte[]> failed = new ConsumerRecord<>(RAW, 0, 7L, "url-abc", "{\"broken\":".getBytes(StandardCharsets.UTF_8));
            producer.send(DeadLetters.of(DLQ, "enrich", failed, new IllegalArgumentException("not a valid RawArticle JSON"))).get();
            producer.send(DeadLetters.of(DLQ, "ingest", "rejected-1", new byte[] {(byte) 0xff, 0x00},
                    new IllegalArgumentException("input is not valid UTF-8"))).get();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static DeadLetterTopic dlq() {
        return new DeadLetterTopic(broker.bootstrapServers(), DLQ, Duration.ofSeconds(20));
    }

    @Test
    void listsEveryDeadLetterWithItsReasonAndFiltersByStage() {
        List<DeadLetter> all = dlq().read(d -> true);
        assertThat(all).extracting(DeadLetter::stage).containsExactlyInAnyOrder("enrich", "ingest");
        List<DeadLetter> enrich = dlq().read(d -> d.stage().equals("enrich"));
        assertThat(enrich).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("not a valid RawArticle JSON");
            assertThat(d.sourceTopic()).contains(RAW);
            assertThat(d.text()).contains("{\"broken\":");
        });
        DeadLetter binary = dlq().read(d -> d.stage().equals("ingest")).get(0);
        assertThat(binary.text()).isEmpty();
        assertThat(dlq().find(binary.position()).key()).isEqualTo("rejected-1");
    }

    @Test
    void replaySendsTheOriginalBytesBackToTheSourceTopicMarkedAsReplayed() {
        DeadLetter enrich = dlq().read(d -> d.stage().equals("enrich")).get(0);
        assertThat(dlq().replay(List.of(enrich), null)).isEqualTo(1);

        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(RAW, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            ConsumerRecord<String, byte[]> replayed = records.iterator().next();
            assertThat(replayed.key()).isEqualTo("url-abc");
            assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("{\"broken\":");
            assertThat(new String(replayed.headers().lastHeader(DeadLetterTopic.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                    .isEqualTo(DLQ + "-" + enrich.position());
        }
    }

    @Test
    void inputThatNeverReachedATopicNeedsAnExplicitTarget() {
        DeadLetter ingest = dlq().read(d -> d.stage().equals("ingest")).get(0);
        assertThatThrownBy(() -> dlq().replay(List.of(ingest), null)).hasMessageContaining("--to TOPIC");
        assertThatThrownBy(() -> dlq().find("9@9")).hasMessageContaining("no dead letter at 9@9");
        assertThatThrownBy(() -> dlq().find("x")).hasMessageContaining("PARTITION@OFFSET");
    }
}
