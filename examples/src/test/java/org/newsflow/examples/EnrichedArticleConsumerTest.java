package org.newsflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The example consumer against a real broker, with what a downstream team meets in production: records of an
 * aborted transaction (must not be seen), a value it cannot read (skipped, not a crash loop) and fields it does
 * not know (ignored).
 */
class EnrichedArticleConsumerTest {
    private static final String TOPIC = "news.articles.enriched";
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPIC, 1));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static byte[] enriched(String id, String title) {
        return ("{\"schemaVersion\":1,\"id\":\"" + id + "\",\"article\":{\"schemaVersion\":1,\"id\":\"" + id + "\",\"title\":\""
                + title + "\",\"body\":\"Armenia and Azerbaijan.\"},\"language\":\"en\",\"enrichedAt\":\"2026-11-29T00:00:00Z\","
                + "\"enricher\":\"test\",\"countries\":[],\"people\":[],\"organizations\":[],\"locations\":[],\"events\":[],"
                + "\"eventCounts\":{},\"credits\":[],\"aFieldFromANewerMinorVersion\":42}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void seesOnlyCommittedReadableRecordsAndSkipsUnreadableOnes() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "a1", enriched("a1", "first")));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "a2", enriched("a2", "aborted")));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "bad", "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(TOPIC, "a3", enriched("a3", "third")));
            producer.commitTransaction();
        }

        List<EnrichedArticle> seen = new CopyOnWriteArrayList<>();
        EnrichedArticleConsumer consumer = new EnrichedArticleConsumer(broker.bootstrapServers(), "example-group", TOPIC, seen::add);
        Thread thread = new Thread(consumer, "example-consumer");
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // anything the aborted transaction would wrongly deliver arrives in this window too
        consumer.close();
        thread.join(10_000);

        assertThat(seen).extracting(EnrichedArticle::id).containsExactly("a1", "a3");
        assertThat(seen.get(0).article().title()).isEqualTo("first");
        assertThat(consumer.skipped()).isEqualTo(1);
    }
}
