package org.newsflow.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Exactly-once from raw to enriched through failures: the enrich service is stopped and replaced mid-stream, and
 * the broker itself is restarted mid-stream. A read_committed consumer of the enriched topic must then see every
 * article exactly once, and the poison record exactly once in the dead-letter topic.
 */
class EnrichServiceExactlyOnceTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final int ARTICLES = 40;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPICS.raw(), 3, TOPICS.enriched(), 3, TOPICS.dlq(), 1));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void everyArticleIsEnrichedExactlyOnceAcrossServiceAndBrokerRestarts() throws Exception {
        List<String> ids = produceRawArticles();
        Settings settings = Settings.of(Map.of(
                "BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "ENRICH_THREADS", "2",
                "ENRICH_MAX_BATCH", "3",
                "ENRICH_INSTANCE", "eos-test"));
        Enricher enricher = Enricher.shared();

        EnrichService first = new EnrichService(EnrichConfig.from(settings), enricher);
        first.start();
        waitFor(() -> first.metrics().committedRecords() >= 6, Duration.ofMinutes(2));
        first.close(); // a replica goes away mid-stream

        EnrichService second = new EnrichService(EnrichConfig.from(settings), enricher);
        second.start();
        waitFor(() -> second.metrics().committedRecords() >= 3, Duration.ofMinutes(2));
        long doneBeforeBrokerStop = first.metrics().committedRecords() + second.metrics().committedRecords();
        broker.stop(); // the broker goes away mid-stream, with transactions in flight
        Thread.sleep(2_000);
        broker.restart();

        assertThat(doneBeforeBrokerStop).as("work left when the broker stopped").isLessThan(ARTICLES);
        Map<String, Integer> seen = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> enriched = readCommitted(TOPICS.enriched(), ARTICLES, Duration.ofMinutes(3));
        second.close();
        for (ConsumerRecord<String, byte[]> r : enriched) {
            EnrichedArticle a = Json.read(r.value(), EnrichedArticle.class);
            assertThat(a.id()).isEqualTo(r.key());
            seen.merge(r.key(), 1, Integer::sum);
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen.values()).allMatch(n -> n == 1);

        List<ConsumerRecord<String, byte[]>> dead = readCommitted(TOPICS.dlq(), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"schemaVersion\":1}");
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON).orElseThrow()).contains("id");
    }

    private static List<String> produceRawArticles() throws Exception {
        String[] countries = {"Kenya", "Uganda", "Chile", "Peru", "Norway", "Sweden", "Japan", "Vietnam", "Egypt", "Sudan"};
        List<String> ids = new ArrayList<>();
        // One request in flight: on a loaded machine, a NOT_LEADER_OR_FOLLOWER right after topic creation followed by
        // retries of several in-flight batches once ended in OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout, and
        // a raw article was never written (seen 2026-11-29); the test then blamed enrich for it.
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer(broker.bootstrapServers(),
                b -> b.set(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
            for (int i = 0; i < ARTICLES; i++) {
                String a = countries[i % countries.length];
                String b = countries[(i + 3) % countries.length];
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < 25; k++) { // ~600 tokens: enrichment takes long enough for failures to hit mid-stream
                    text.append("Officials from ").append(a).append(" met their counterparts from ").append(b)
                            .append(" on Tuesday to discuss trade, the foreign ministry of ").append(a)
                            .append(" said in statement number ").append(i).append('.').append(k).append(". ");
                }
                String body = text.toString().strip();
                String id = ArticleIds.of(null, "Talks " + i, body);
                RawArticle raw = new RawArticle(1, id, null, "test", "Talks " + i, body, "en",
                        Instant.parse("2024-05-07T10:00:00Z"), Instant.now(), "test");
                sent.add(producer.send(new ProducerRecord<>(TOPICS.raw(), id, Json.toBytes(raw))));
                ids.add(id);
                if (i == ARTICLES / 2) {
                    // A poison record in the middle: it must be dead-lettered once, and not block its partition.
                    producer.send(new ProducerRecord<>(TOPICS.raw(), "poison", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
        for (java.util.concurrent.Future<?> f : sent) {
            f.get(); // every raw article is on the topic, else the test fails here, naming the cause
        }
        return ids;
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic, int expected, Duration timeout) {
        return TestKafka.readCommitted(broker.bootstrapServers(), topic, expected, timeout, Duration.ofSeconds(3));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
