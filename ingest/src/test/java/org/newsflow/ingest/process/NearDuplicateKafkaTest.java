package org.newsflow.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.slf4j.LoggerFactory;

/**
 * Through a real broker: files -> IngestService with the language and near-duplicate processors -> the raw topic;
 * then a restart (a new processor) rebuilt from the raw topic still marks the next copy.
 */
class NearDuplicateKafkaTest {
    private static final Topics TOPICS = new Topics("dedup.raw", "dedup.enriched", "dedup.dlq");
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        // The broker logs hundreds of INFO lines per start; this module has no logback-test.xml of its own.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPICS.raw(), 3, TOPICS.dlq(), 1));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static IngestConfig config() {
        return new IngestConfig(broker.bootstrapServers(), TOPICS, "dedup-test");
    }

    private static void write(Path dir, String name, String url, String title, String body) throws Exception {
        Map<String, String> json = new HashMap<>();
        json.put("url", url);
        json.put("title", title);
        json.put("body", body);
        Files.write(dir.resolve(name), Json.toBytes(json));
    }

    /** Everything on the raw topic now, latest record per id. */
    private static Map<String, RawArticle> rawTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        Map<String, RawArticle> byId = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(TOPICS.raw()).stream().map(i -> new TopicPartition(TOPICS.raw(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    RawArticle a = Json.read(r.value(), RawArticle.class);
                    assertThat(r.key()).isEqualTo(a.id());
                    byId.put(a.id(), a);
                }
            }
        }
        return byId;
    }

    @Test
    void aCopyPublishedFromFilesIsMarkedOnTheRawTopicAndARestartedIngestRemembers(@TempDir Path dir) throws Exception {
        Path batch1 = Files.createDirectories(dir.resolve("1"));
        write(batch1, "a-wire.json", "https://wire.example/kharkiv-strike", WireStories.STRIKE_TITLE, WireStories.STRIKE);
        write(batch1, "b-outlet.json", "https://outlet.example/world/kharkiv", "Eight dead as drones hit Kharkiv",
                WireStories.strikeCopies().get("added paragraph"));
        write(batch1, "c-talks.json", "https://wire.example/istanbul-talks", "Prisoner swap talks in Istanbul", WireStories.TALKS);

        NearDuplicateProcessor dedup = new NearDuplicateProcessor(NearDuplicateProcessor.Config.defaults());
        LanguageProcessor languages = new LanguageProcessor();
        IngestService.Summary s = new IngestService(config(), List.of(languages, dedup)).ingest(List.of(batch1));
        assertThat(s.published()).isEqualTo(3);
        // Ids by URL: the summary lists them in the order Kafka acknowledged them, which varies across partitions.
        String wireId = org.newsflow.contract.ArticleIds.of("https://wire.example/kharkiv-strike", null, null);
        String outletId = org.newsflow.contract.ArticleIds.of("https://outlet.example/world/kharkiv", null, null);
        String talksId = org.newsflow.contract.ArticleIds.of("https://wire.example/istanbul-talks", null, null);
        assertThat(s.ids()).containsExactlyInAnyOrder(wireId, outletId, talksId);

        Map<String, RawArticle> raw = rawTopic();
        assertThat(raw.get(wireId).duplicateOf()).isNull();
        assertThat(raw.get(outletId).duplicateOf()).isEqualTo(wireId);
        assertThat(raw.get(outletId).duplicateSimilarity()).isGreaterThanOrEqualTo(0.6);
        assertThat(raw.get(talksId).duplicateOf()).isNull();
        assertThat(raw.values()).allSatisfy(a -> assertThat(a.language()).isEqualTo("en"));

        // Restart: a new processor knows nothing until it replays the raw topic.
        Path batch2 = Files.createDirectories(dir.resolve("2"));
        write(batch2, "d-other-outlet.json", "https://another.example/kharkiv", "Kharkiv drone attack",
                WireStories.strikeCopies().get("credit line and app trailer"));
        write(batch2, "e-wire-again.json", "https://wire.example/kharkiv-strike", WireStories.STRIKE_TITLE, WireStories.STRIKE);
        NearDuplicateProcessor forgetful = new NearDuplicateProcessor(NearDuplicateProcessor.Config.defaults());
        RawArticle otherCopy = WireStories.article("https://another.example/kharkiv", "Kharkiv drone attack",
                WireStories.strikeCopies().get("credit line and app trailer"));
        assertThat(forgetful.process(otherCopy).duplicateOf()).isNull(); // what a restart without replay would publish

        // Assembled as a service would be: the standard processors replay the raw topic before they are returned.
        List<ArticleProcessor> processors = StandardProcessors.create(config(), Settings.of(Map.of("INGEST_DEDUP_WINDOW_HOURS", "24")));
        assertThat(processors).hasSize(2).first().isInstanceOf(LanguageProcessor.class);
        NearDuplicateProcessor restarted = (NearDuplicateProcessor) processors.get(1);
        assertThat(restarted.config().window()).isEqualTo(Duration.ofHours(24));
        assertThat(restarted.size()).isEqualTo(3);
        IngestService.Summary s2 = new IngestService(config(), processors).ingest(List.of(batch2));
        raw = rawTopic();
        String otherId = org.newsflow.contract.ArticleIds.of("https://another.example/kharkiv", null, null);
        assertThat(s2.ids()).containsExactlyInAnyOrder(otherId, wireId);
        assertThat(raw.get(otherId).duplicateOf()).isEqualTo(wireId);
        // The wire story itself again: an upsert of the same id, still not a duplicate of anything.
        assertThat(raw.get(wireId).duplicateOf()).isNull();
        // And the copy restored from the topic kept its mark: re-ingesting it answers the same.
        assertThat(restarted.process(raw.get(outletId)).duplicateOf()).isEqualTo(wireId);
    }

    @Test
    void theReplayReadsOnlyTheWindow() {
        Topics topics = new Topics("dedup.window.raw", "dedup.window.enriched", "dedup.window.dlq");
        broker.createTopics(Map.of(topics.raw(), 2));
        RawArticle old = WireStories.article("https://wire.example/belgorod", "Belgorod depot ablaze", WireStories.COUNTERSTRIKE);
        RawArticle recent = WireStories.article("https://wire.example/istanbul", "Istanbul talks", WireStories.TALKS);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            // Record timestamps (CreateTime) say when ingest published them: three days ago and one hour ago.
            producer.send(new ProducerRecord<>(topics.raw(), null, now - Duration.ofDays(3).toMillis(), old.id(), Json.toBytes(old)));
            producer.send(new ProducerRecord<>(topics.raw(), null, now - Duration.ofHours(1).toMillis(), recent.id(), Json.toBytes(recent)));
            producer.send(new ProducerRecord<>(topics.raw(), null, now, "txt-0123456789abcdef0123456789abcdef", "{not json".getBytes()));
        }
        NearDuplicateProcessor restarted = new NearDuplicateProcessor(NearDuplicateProcessor.Config.defaults());
        assertThat(RecentRawArticles.replay(broker.bootstrapServers(), topics.raw(), restarted, Clock.systemUTC(), Duration.ofSeconds(30)))
                .isEqualTo(1);
        assertThat(restarted.process(WireStories.article("x", "BELGOROD (AFP) - " + WireStories.COUNTERSTRIKE)).duplicateOf()).isNull();
        assertThat(restarted.process(WireStories.article("y", "ISTANBUL (AFP) - " + WireStories.TALKS)).duplicateOf()).isEqualTo(recent.id());
        assertThat(RecentRawArticles.replay(broker.bootstrapServers(), "dedup.no.such.topic", restarted, Clock.systemUTC(), Duration.ofSeconds(5)))
                .isZero();
        // No broker there: ingest starts with an empty index instead of not starting.
        assertThat(RecentRawArticles.replay("127.0.0.1:1", topics.raw(), restarted, Clock.systemUTC(), Duration.ofSeconds(2))).isZero();
        // Switched off by settings: no processors, and nothing read from Kafka.
        assertThat(StandardProcessors.create(new IngestConfig("127.0.0.1:1", topics, "off"),
                Settings.of(Map.of("INGEST_LANGUAGE", "false", "INGEST_DEDUP", "false")))).isEmpty();
    }
}
