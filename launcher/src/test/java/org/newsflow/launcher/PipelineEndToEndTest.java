package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.ContractSchemas;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.enrich.service.EnrichMetrics;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.feed.FeedMetrics;
import org.newsflow.ingest.health.IngestServer;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;

/**
 * The whole pipeline on a real (in-process) Kafka broker: ingest -> raw topic -> enrich -> enriched topic -> sink -> SQLite,
 * with malformed input on both the ingest and the enrich side, which must end in the dead-letter topic with a reason
 * while the good articles still arrive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Topics TOPICS = Topics.defaults();

    @TempDir
    static Path tmp;

    static EmbeddedKafkaBroker broker;
    static ArticleStore store;
    static SinkService sink;
    static EnrichService enrich;
    static Settings settings;
    /** Each service's registry, as its process serves it at /metrics. */
    static final PrometheusMeterRegistry INGEST_METRICS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    static final PrometheusMeterRegistry ENRICH_METRICS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeAll
    static void startPipeline() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPICS.raw(), 3, TOPICS.enriched(), 3, TOPICS.dlq(), 1));
        settings = Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(), "ENRICH_THREADS", "2"));
        String storeUrl = "sqlite:" + tmp.resolve("e2e.db");
        store = ArticleStore.open(storeUrl);
        sink = new SinkService(SinkConfig.from(settings).withStore(storeUrl).withHttp("127.0.0.1", 0, false), store).start();
        enrich = new EnrichService(EnrichConfig.from(settings), Enricher.shared(), new EnrichMetrics(ENRICH_METRICS));
        enrich.start();
    }

    @AfterAll
    static void stopPipeline() {
        if (enrich != null) {
            enrich.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void articlesFlowToTheStoreAndBadInputEndsInTheDeadLetterTopic() throws Exception {
        // A directory with the samples plus two inputs ingest must reject.
        Path input = Files.createDirectories(tmp.resolve("input"));
        try (var files = Files.list(SAMPLES)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        Files.writeString(input.resolve("broken.json"), "{\"title\": \"no closing brace\"", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("empty.json"), "{\"title\": \"no body\"}", StandardCharsets.UTF_8);

        IngestService.Summary ingested = new IngestService(IngestConfig.from(settings), List.of(), INGEST_METRICS).ingest(List.of(input));
        assertThat(ingested.published()).isEqualTo(4);
        assertThat(ingested.rejected()).isEqualTo(2);

        // A record that passed no ingest at all: garbage written straight to the raw topic must not stop enrich.
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPICS.raw(), "garbage-key", "this is not JSON".getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> ingested.ids().stream().allMatch(id -> store.find(id).isPresent()));
        assertThat(store.count()).isEqualTo(4);

        EnrichedArticle seed = ingested.ids().stream().map(id -> store.find(id).orElseThrow())
                .filter(a -> a.article().body().contains("Pashinian")).findFirst().orElseThrow();
        assertThat(seed.countries()).extracting(CountryTag::code).contains("AM", "AZ", "US", "RU").doesNotContain("FR");
        assertThat(seed.countries()).filteredOn(CountryTag::focus).extracting(CountryTag::code).containsExactlyInAnyOrder("AM", "AZ");
        assertThat(seed.people()).extracting(PersonTag::name)
                .contains("Nikol Pashinian", "Ilham Aliyev", "Antony Blinken", "Vladimir Putin");
        assertThat(seed.credits()).contains("AFP");
        // Evidence offsets point into the body.
        seed.countries().forEach(c -> c.evidence().forEach(m ->
                assertThat(seed.article().body().substring(m.begin(), m.end())).isEqualTo(m.text())));
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, seed)).isEmpty();

        List<ConsumerRecord<String, byte[]>> dead = readAll(TOPICS.dlq(), 3);
        assertThat(dead).hasSize(3);
        assertThat(dead).allSatisfy(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON)).isPresent());
        assertThat(dead).anySatisfy(r -> {
            assertThat(DeadLetters.header(r.headers(), DeadLetters.STAGE)).contains("enrich");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
            assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON).orElseThrow()).contains("not a valid RawArticle JSON");
        });
        assertThat(dead).filteredOn(r -> DeadLetters.header(r.headers(), DeadLetters.STAGE).orElse("").equals("ingest"))
                .hasSize(2)
                .anySatisfy(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON).orElseThrow()).contains("body"));
    }

    /**
     * Every metric the alert rules and the Grafana panels ask for is one the services export: the names in their
     * expressions against the three registries after the run above, in the exposition format /metrics serves. The
     * serving ingest process adds its server's meters (IngestServer, not started here) and the feed meters, which
     * only the feed poller records (FeedMetrics, given one of each event here).
     */
    @Test
    @Order(2)
    void everyMetricTheAlertsAndGrafanaUseIsExported() throws Exception {
        new IngestServer(new IngestService(IngestConfig.from(settings), List.of(), INGEST_METRICS), INGEST_METRICS);
        FeedMetrics feeds = new FeedMetrics(INGEST_METRICS);
        java.time.Instant now = java.time.Instant.now();
        feeds.fetched("s", "rss", "ok");
        feeds.failed("s", "rss", "timeout");
        feeds.item("s", "new");
        feeds.succeeded("s", now);
        feeds.lag("s", now.minusSeconds(60), now);
        feeds.feeds(1, 0, 0);
        System.gc(); // jvm_gc_pause_seconds appears with the first collection the binder sees
        Set<String> used = new TreeSet<>();
        Path deploy = Path.of("..", "deploy");
        Pattern metric = Pattern.compile("\\b(?:newsflow|kafka|jvm|process)_[a-z0-9_]+");
        String rules = Files.readString(deploy.resolve("prometheus/alerts.yml"));
        metric.matcher(rules.substring(rules.indexOf("groups:"))).results().map(m -> m.group()).forEach(used::add);
        for (JsonNode expr : Json.MAPPER.readTree(deploy.resolve("grafana/dashboards/newsflow.json").toFile()).findValues("expr")) {
            metric.matcher(expr.asText()).results().map(m -> m.group()).forEach(used::add);
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(25).contains("newsflow_sink_upserts_total", "newsflow_enrich_partition_lag",
                "kafka_consumer_fetch_manager_records_consumed_total", "jvm_memory_used_bytes");
        Set<String> exported = new TreeSet<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (PrometheusMeterRegistry r : List.of(INGEST_METRICS, ENRICH_METRICS, sink.registry())) {
                r.scrape().lines().filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(l -> l.split("[{ ]", 2)[0]).forEach(exported::add);
            }
            // Some appear a little later: a partition's lag once its consumer has fetched from it.
            assertThat(exported).as("exported metric names").containsAll(used);
        });
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // A little longer, to catch records that should not be there.
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }
}
