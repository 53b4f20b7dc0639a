package org.newsflow.launcher;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.launcher.dashboard.PipelineHealth;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.store.ArticleStore;

/**
 * The demo's stack for the browser tests: an embedded broker, enrich (the shared CoreNLP pipeline), the sink with
 * the dashboard and its pipeline panel, on 127.0.0.1; {@link #ingest} feeds files through the real ingest path.
 */
final class BrowserStack implements AutoCloseable {
    static final Topics TOPICS = Topics.defaults();
    static final int STALL_SECONDS = 20;

    final EmbeddedKafkaBroker broker;
    final Settings settings;
    final ArticleStore store;
    final PipelineHealth health;
    final SinkServer sink;
    final EnrichService enrich;
    private final Path dir;
    private int files;

    BrowserStack(Path dir) {
        this.dir = dir;
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPICS.raw(), 2, TOPICS.enriched(), 2, TOPICS.dlq(), 1));
        // A short stall threshold, so that the stall check can see one within the test.
        settings = Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(), "ENRICH_THREADS", "2",
                "DASHBOARD_STALL_SECONDS", String.valueOf(STALL_SECONDS)));
        String url = "sqlite:" + dir.resolve("browser.db");
        store = ArticleStore.open(url);
        SinkConfig config = SinkConfig.from(settings).withStore(url).withHttp("127.0.0.1", 0, true);
        health = Dashboard.pipelineHealth(config, settings);
        sink = new SinkServer(config, store, new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT), Dashboard.staticFiles(health, store)).start();
        enrich = new EnrichService(EnrichConfig.from(settings), Enricher.shared());
        enrich.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + sink.httpPort() + "/";
    }

    /** Ingests the files and waits until every article is in the store; returns their ids. */
    List<String> ingest(Path... inputs) throws Exception {
        IngestService.Summary s = new IngestService(IngestConfig.from(settings)).ingest(List.of(inputs));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> s.ids().stream().allMatch(id -> store.find(id).isPresent()));
        return s.ids();
    }

    /** Writes one JSON article to a file of its own and ingests it. */
    String ingestJson(String json) throws Exception {
        Path f = Files.writeString(Files.createDirectories(dir.resolve("in-" + files++)).resolve("article.json"), json, StandardCharsets.UTF_8);
        return ingest(f).get(0);
    }

    /**
     * Publishes an article straight to the raw topic, as a client of the topic could (ingest would turn markup in
     * the title and text into plain text first); waits until it is stored.
     */
    String publishRaw(String id, String title, String body) throws Exception {
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, null, "Hostile Wire", title, body, "en",
                Instant.parse("2022-11-08T10:00:00Z"), Instant.now(), null, null, null);
        send(id, Json.toBytes(raw));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> store.find(id).isPresent());
        return id;
    }

    /** A record that is not an article, straight onto the raw topic: enrich dead-letters it. */
    void sendGarbage(String text) throws Exception {
        send("garbage-key", text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String key, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPICS.raw(), key, value)).get();
        }
    }

    /** A consumer group that committed offset 0 on the raw topic and never comes back: records wait for it. */
    void leaveAStuckGroup(String group) {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, group);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new java.util.HashMap<>();
            for (var info : consumer.partitionsFor(TOPICS.raw())) {
                offsets.put(new org.apache.kafka.common.TopicPartition(TOPICS.raw(), info.partition()), new org.apache.kafka.clients.consumer.OffsetAndMetadata(0));
            }
            consumer.commitSync(offsets);
        }
    }

    @Override
    public void close() {
        enrich.close();
        sink.close();
        health.close();
        store.close();
        broker.close();
    }
}
