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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.ContractSchemas;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.IngestService;
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

    @BeforeAll
    static void startPipeline() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPICS.raw(), 3, TOPICS.enriched(), 3, TOPICS.dlq(), 1));
        settings = Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(), "ENRICH_THREADS", "2"));
        String storeUrl = "sqlite:" + tmp.resolve("e2e.db");
        store = ArticleStore.open(storeUrl);
        sink = new SinkService(SinkConfig.from(settings).withStore(storeUrl).withHttp("127.0.0.1", 0, false), store).start();
        enrich = new EnrichService(EnrichConfig.from(settings), Enricher.shared());
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

        IngestService.Summary ingested = new IngestService(IngestConfig.from(settings)).ingest(List.of(input));
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
