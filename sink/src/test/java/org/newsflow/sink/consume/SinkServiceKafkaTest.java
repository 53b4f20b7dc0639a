package org.newsflow.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.FaultyStore;
import org.newsflow.sink.PostgresTestSupport;
import org.newsflow.sink.api.SinkApi;
import org.newsflow.sink.TcpProxy;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.store.ArticlePage;
import org.newsflow.sink.store.ArticleQuery;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.ArticleVersion;
import org.newsflow.sink.store.StatSeries;
import org.newsflow.sink.store.StatsQuery;
import org.newsflow.sink.store.StoreException;
import org.newsflow.sink.store.UpsertResult;

/** The sink against a real (embedded, KRaft) Kafka broker and real stores. Each test has its own topics and group. */
class SinkServiceKafkaTest {
    static EmbeddedKafkaBroker broker;
    @TempDir
    static Path dir;
    static final AtomicInteger run = new AtomicInteger();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static SinkConfig config(String name, String store) {
        Topics topics = new Topics(Topics.RAW, "enriched-" + name, "dlq-" + name);
        broker.createTopics(Map.of(topics.enriched(), 3, topics.dlq(), 1));
        return SinkConfig.from(Settings.of(Map.of()))
                .withBootstrapServers(broker.bootstrapServers())
                .withTopics(topics)
                .withGroupId("sink-" + name)
                .withStore(store)
                .withHttp("127.0.0.1", 0, false)
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private static void send(SinkConfig config, List<ProducerRecord<String, byte[]>> records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(SinkConfig config, EnrichedArticle a) {
        return new ProducerRecord<>(config.topics().enriched(), a.id(), Json.toBytes(a));
    }

    /** Committed offsets of the group equal the end offsets of the topic: everything consumed was committed. */
    private static void assertAllCommitted(SinkConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                assertThat(committed).hasSize(3);
                committed.forEach((tp, o) -> assertThat(o.offset()).as(tp.toString()).isEqualTo(ends.get(tp).offset()));
            });
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readDlq(SinkConfig config, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + run.incrementAndGet());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(config.topics().dlq()));
            long deadline = System.currentTimeMillis() + 20_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void stores_every_valid_record_once_sends_bad_ones_to_the_dlq_and_commits_after_the_database_on_postgresql() throws Exception {
        SinkConfig config = config("pg", PostgresTestSupport.freshSchemaUrl("sink_kafka_test")).withMaxPollRecords(25);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(record(config, TestArticles.article("pg-" + i).countries("AM", "AZ").event("ASSAULT", "AZ", "AM").build()));
            if (i == 100) {
                records.add(new ProducerRecord<>(config.topics().enriched(), "garbage", "{not json".getBytes(StandardCharsets.UTF_8)));
            }
            if (i == 200) {
                records.add(new ProducerRecord<>(config.topics().enriched(), "no-body", "{\"id\":\"no-body\"}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        send(config, records);
        try (ArticleStore store = ArticleStore.open(config.store())) {
            // First run stops part-way; a second instance in the same group carries on: nothing lost, nothing doubled.
            // (Small batches for the first one, so that it is stopped with most records still to do.)
            try (SinkService sink = new SinkService(config.withMaxPollRecords(5), store).start()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2)).until(() -> store.count() > 0);
            }
            assertThat(store.count()).isLessThan(300);
            SinkService sink = new SinkService(config, store).start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> store.count() == 300);
                assertAllCommitted(config);
            } finally {
                sink.close();
            }
            assertThat(store.find("pg-150")).isPresent();
            assertThat(store.search(new ArticleQuery("AZ", null, null, "ASSAULT", null, null, null, null, null, 500)).items()).hasSize(300);
            List<ConsumerRecord<String, byte[]>> dead = readDlq(config, 2);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("garbage", "no-body");
            ConsumerRecord<String, byte[]> garbage = dead.stream().filter(r -> r.key().equals("garbage")).findFirst().orElseThrow();
            assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(DeadLetters.header(garbage.headers(), DeadLetters.STAGE)).contains("sink");
            assertThat(DeadLetters.header(garbage.headers(), DeadLetters.REASON)).hasValueSatisfying(r -> assertThat(r).contains("EnrichedArticle"));
            assertThat(DeadLetters.header(garbage.headers(), DeadLetters.SOURCE_TOPIC)).contains(config.topics().enriched());
        }
    }

    @Test
    void records_postgresql_rejects_go_to_the_dlq_while_the_pipeline_writes_the_rest() throws Exception {
        // Batches of 25, written while the next one is parsed; two records carry a NUL character, which PostgreSQL
        // rejects (a data error in the COPY): their batches are written one by one, and only those two are dead.
        SinkConfig config = config("pgreject", PostgresTestSupport.freshSchemaUrl("sink_kafka_reject_test")).withMaxPollRecords(25);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TestArticles.Builder b = TestArticles.article("rj-" + i).countries("AM").event("ASSAULT", "AZ", "AM");
            if (i == 61 || i == 63) {
                b.source("bad\u0000source");
            }
            if (i % 10 == 0) { // and an older version after each tenth article: stale, neither stored nor dead
                records.add(record(config, b.build()));
                b.enrichedAt("2022-11-07T08:00:00Z").countries("RU");
            }
            records.add(record(config, b.build()));
        }
        send(config, records);
        try (ArticleStore store = ArticleStore.open(config.store()); SinkService sink = new SinkService(config, store).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count() == 198);
            assertAllCommitted(config);
            assertThat(store.find("rj-61")).isEmpty();
            assertThat(store.find("rj-62")).isPresent();
            assertThat(store.search(new ArticleQuery("RU", null, null, null, null, null, null, null, null, 500)).items()).isEmpty();
            assertThat(store.search(new ArticleQuery("AM", null, null, null, null, null, null, null, null, 500)).items()).hasSize(198);
            List<ConsumerRecord<String, byte[]>> dead = readDlq(config, 2);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("rj-61", "rj-63");
            assertThat(dead).allSatisfy(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("rejected by the database")));
            assertThat(sink.metrics().deadLetters()).isEqualTo(2);
        }
    }

    @Test
    void exports_jvm_process_kafka_client_meters_lag_per_partition_and_latency_histograms() throws Exception {
        SinkConfig config = config("meters", "sqlite:" + dir.resolve("meters.db"));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(record(config, TestArticles.article("meters-" + i).countries("KE").build()));
        }
        send(config, records);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ArticleStore store = ArticleStore.open(config.store()); SinkService sink = new SinkService(config, store, registry).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count() == 30);
            String scrape = registry.scrape();
            assertThat(scrape).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "process_cpu_usage", "process_uptime_seconds", "process_files_open_files",
                    "kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_",
                    "newsflow_sink_batch_seconds_bucket{le=", "newsflow_sink_store_write_seconds_bucket{le=");
            // Every partition of the topic is held by this sink and reported, by group, at 0 once all is consumed.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String now = registry.scrape();
                for (int p = 0; p < 3; p++) {
                    assertThat(now).contains("newsflow_sink_partition_lag{group=\"" + config.groupId() + "\",partition=\"" + p
                            + "\",topic=\"" + config.topics().enriched() + "\"} 0.0");
                }
            });
            assertThat(sink.metrics().lag()).isZero();
        }
        assertThat(registry.scrape()).doesNotContain("newsflow_sink_partition_lag{").doesNotContain("kafka_consumer_fetch_manager_records_consumed_total");
    }

    @Test
    void replayed_and_out_of_order_versions_leave_each_article_once_with_its_latest_tags() throws Exception {
        SinkConfig config = config("replay", "sqlite:" + dir.resolve("replay.db"));
        List<ProducerRecord<String, byte[]>> versions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = "replay-" + i;
            versions.add(record(config, TestArticles.article(id).enrichedAt("2022-11-07T12:00:00Z").countries("AM", "AZ").build()));
            versions.add(record(config, TestArticles.article(id).enrichedAt("2022-11-07T09:00:00Z").countries("RU").build()));
            versions.add(record(config, TestArticles.article(id).enrichedAt("2022-11-07T10:00:00Z").countries("UA").build()));
        }
        // Every version twice, the whole set shuffled: old versions arrive after new ones.
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>(versions);
        all.addAll(versions);
        Collections.shuffle(all, new Random(7));
        send(config, all);
        try (ArticleStore store = ArticleStore.open(config.store()); SinkService sink = new SinkService(config, store).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.metrics().written() + sink.metrics().stale() == 300);
            assertThat(store.count()).isEqualTo(50);
            for (int i = 0; i < 50; i++) {
                assertThat(store.find("replay-" + i).orElseThrow().countries()).extracting(CountryTag::code).containsExactly("AM", "AZ");
            }
            assertThat(store.search(new ArticleQuery("RU", null, null, null, null, null, null, null, null, 100)).items()).isEmpty();
            assertThat(store.search(new ArticleQuery("AM", null, null, null, null, null, null, null, null, 100)).items()).hasSize(50);
            assertAllCommitted(config);
        }
    }

    @Test
    void keeps_retrying_while_the_database_is_down_and_loses_nothing() throws Exception {
        SinkConfig config = config("flaky", "sqlite:" + dir.resolve("flaky.db"));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(record(config, TestArticles.article("flaky-" + i).countries("GE").build()));
        }
        send(config, records);
        try (ArticleStore real = ArticleStore.open(config.store())) {
            FaultyStore store = new FaultyStore(real);
            store.down = true;
            try (SinkService sink = new SinkService(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sink.metrics().storeFailures() >= 5 && sink.isRetrying());
                assertThat(real.count()).isZero();
                // An outage is for readiness: live (a restart would not help), not ready.
                assertThat(sink.health().live()).isTrue();
                assertThat(sink.health().ready()).isFalse();
                Thread.sleep(500); // well into the backoff: still in the group, nothing committed
                store.down = false;
                await().atMost(Duration.ofSeconds(30)).until(() -> real.count() == 200);
                assertAllCommitted(config);
                assertThat(sink.isRetrying()).isFalse();
                assertThat(sink.health().ready()).isTrue();
                assertThat(sink.metrics().written()).isEqualTo(200);
            }
        }
    }

    @Test
    void survives_a_real_postgresql_outage_without_losing_or_skipping_records() throws Exception {
        String schemaUrl = PostgresTestSupport.freshSchemaUrl("sink_outage_test");
        System.setProperty("newsflow.sink.db.timeout.ms", "1000");
        try (TcpProxy proxy = new TcpProxy(Integer.parseInt(PostgresTestSupport.HOST.substring(PostgresTestSupport.HOST.indexOf(':') + 1)))) {
            SinkConfig config = config("outage", schemaUrl.replace(PostgresTestSupport.HOST, "127.0.0.1:" + proxy.port()));
            List<ProducerRecord<String, byte[]>> first = new ArrayList<>();
            List<ProducerRecord<String, byte[]>> second = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                first.add(record(config, TestArticles.article("outage-a" + i).countries("IR").build()));
                second.add(record(config, TestArticles.article("outage-b" + i).countries("IR").build()));
            }
            send(config, first);
            try (ArticleStore store = ArticleStore.open(config.store()); SinkService sink = new SinkService(config, store).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.metrics().written() == 100);
                proxy.down(); // the database goes away: open connections cut, new ones refused
                send(config, second);
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.metrics().storeFailures() >= 2 && sink.isRetrying());
                assertThat(sink.isRunning()).isTrue();
                proxy.up();
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.metrics().written() == 200);
                assertThat(store.count()).isEqualTo(200);
                assertAllCommitted(config);
            }
        } finally {
            System.clearProperty("newsflow.sink.db.timeout.ms");
        }
    }

    @Test
    void carries_on_after_the_broker_restarts() throws Exception {
        SinkConfig config = config("restart", "sqlite:" + dir.resolve("restart.db"));
        List<ProducerRecord<String, byte[]>> before = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> after = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            before.add(record(config, TestArticles.article("restart-a" + i).countries("TR").build()));
            after.add(record(config, TestArticles.article("restart-b" + i).countries("TR").build()));
        }
        send(config, before);
        try (ArticleStore store = ArticleStore.open(config.store()); SinkService sink = new SinkService(config, store).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count() == 50);
            broker.restart();
            send(config, after);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count() == 100);
            assertThat(sink.isRunning()).isTrue();
            assertAllCommitted(config);
        }
    }

    private static ProducerRecord<String, byte[]> raw(SinkConfig config, String key, String json) {
        return new ProducerRecord<>(config.topics().enriched(), key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return DeadLetters.header(r.headers(), name).orElse("");
    }

    @Test
    void poison_records_go_to_the_dlq_with_their_reason_and_the_good_ones_around_them_are_stored() throws Exception {
        // Issue #11: publishedAt +999999999-12-31T23:59:59Z overflowed Instant.toEpochMilli in the store, the loop
        // died and every restart died on the same record. Now it is one dead letter among stored neighbours, like
        // every other kind of bad record here.
        SinkConfig config = config("poison", "sqlite:" + dir.resolve("poison.db")).withMaxRecordBytes(8_000)
                .withHttp("127.0.0.1", 0, true);
        String good = Json.toString(TestArticles.article("template").countries("AM").build());
        assertThat(good).contains("\"publishedAt\":\"2022-11-07T10:00:00Z\"");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(record(config, TestArticles.article("good-" + i).countries("AM").build()));
            switch (i) {
                case 3 -> records.add(raw(config, "future", good.replace("template", "future")
                        .replace("\"publishedAt\":\"2022-11-07T10:00:00Z\"", "\"publishedAt\":\"+999999999-12-31T23:59:59Z\"")));
                case 7 -> records.add(raw(config, "enriched-future", good.replace("template", "enriched-future")
                        .replace("\"enrichedAt\":\"2022-11-07T10:05:00Z\"", "\"enrichedAt\":\"3000-01-01T00:00:00Z\"")));
                case 11 -> records.add(raw(config, "bad id", good.replace("template", "bad id/../x")));
                case 15 -> records.add(raw(config, "v2", good.replace("template", "v2").replace("\"schemaVersion\":1,\"id\":\"v2\",\"article\"",
                        "\"schemaVersion\":2,\"id\":\"v2\",\"article\"")));
                case 19 -> records.add(record(config, TestArticles.article("huge").title("x".repeat(10_000)).build()));
                case 23 -> records.add(raw(config, "tombstone", null));
                case 27 -> records.add(raw(config, "other", good.replaceFirst("\"id\":\"template\"", "\"id\":\"other\"")));
                default -> { }
            }
        }
        send(config, records);
        try (ArticleStore store = ArticleStore.open(config.store()); SinkService sink = new SinkService(config, store).start();
                SinkApi api = api(sink, config, store)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.metrics().deadLetters() == 7 && store.count() == 30);
            assertAllCommitted(config);
            assertThat(sink.isRunning()).isTrue();
            assertThat(sink.failure()).isNull();
            assertThat(sink.health().live()).isTrue();
            HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/api/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);
            Map<String, ConsumerRecord<String, byte[]>> dead = readDlq(config, 7).stream()
                    .collect(Collectors.toMap(r -> String.valueOf(r.key()), r -> r));
            assertThat(dead).hasSize(7);
            assertThat(header(dead.get("future"), DeadLetters.REASON)).contains("publishedAt", "+999999999-12-31T23:59:59Z", "outside the accepted range");
            assertThat(header(dead.get("enriched-future"), DeadLetters.REASON)).contains("enrichedAt");
            assertThat(header(dead.get("bad id"), DeadLetters.REASON)).contains("invalid article id");
            assertThat(header(dead.get("v2"), DeadLetters.REASON)).contains("schemaVersion 2");
            assertThat(header(dead.get("huge"), DeadLetters.REASON)).contains("exceeds", "8000 bytes", "NEWSFLOW_SINK_MAX_RECORD_BYTES");
            assertThat(header(dead.get("tombstone"), DeadLetters.REASON)).contains("empty record value");
            assertThat(header(dead.get("other"), DeadLetters.REASON)).contains("another id");
            assertThat(dead.values()).allSatisfy(r -> assertThat(header(r, DeadLetters.STAGE)).isEqualTo("sink"));
            // The original bytes, untouched, so the record can be replayed after a fix.
            assertThat(new String(dead.get("future").value(), StandardCharsets.UTF_8)).contains("+999999999-12-31T23:59:59Z");
            assertThat(store.find("future")).isEmpty();
        }
    }

    @Test
    void a_record_whose_write_throws_an_unexpected_exception_is_dead_lettered_after_bounded_retries() throws Exception {
        // Not a database outage (retried for as long as it lasts) and not a data error: say, a bug the record
        // triggers. Retried maxAttempts times, then this record alone goes to the DLQ and its partition moves on.
        SinkConfig config = config("bug", PostgresTestSupport.freshSchemaUrl("sink_kafka_bug_test")).withMaxAttempts(3);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(record(config, TestArticles.article("bug-" + i).countries("GE").build()));
        }
        send(config, records);
        try (ArticleStore real = ArticleStore.open(config.store())) {
            FaultyStore store = new FaultyStore(real);
            store.poisoned.add("bug-17");
            store.poison = () -> new IllegalStateException("simulated bug for bug-17");
            try (SinkService sink = new SinkService(config, store).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> real.count() == 39 && sink.metrics().deadLetters() == 1);
                assertAllCommitted(config);
                assertThat(sink.isRunning()).isTrue();
                // 3 attempts with its batch, then 3 on its own (or only the latter if it came alone): bounded.
                assertThat(store.poisonedAttempts.get()).isBetween(3, 6);
                List<ConsumerRecord<String, byte[]>> dead = readDlq(config, 1);
                assertThat(dead).extracting(ConsumerRecord::key).containsExactly("bug-17");
                assertThat(header(dead.get(0), DeadLetters.REASON))
                        .contains("could not be stored after 3 attempts", "java.lang.IllegalStateException", "simulated bug");
                assertThat(real.find("bug-17")).isEmpty();
                assertThat(real.find("bug-18")).isPresent();
            }
        }
    }

    @Test
    void when_the_loop_dies_liveness_fails_and_the_standalone_service_exits_non_zero() throws Exception {
        // An Error is not isolated per record (the JVM may be in no state to go on): the loop stops. Before issue #11
        // the API went on answering "ok"; now the probes fail and the standalone sink exits with 70 for its supervisor.
        SinkConfig config = config("fatal", "sqlite:" + dir.resolve("fatal.db")).withHttp("127.0.0.1", 0, true);
        send(config, List.of(record(config, TestArticles.article("fatal-1").build())));
        try (ArticleStore real = ArticleStore.open(config.store())) {
            FaultyStore store = new FaultyStore(real);
            store.poisoned.add("fatal-1");
            store.poison = () -> new LinkageError("simulated fatal error");
            try (SinkService sink = new SinkService(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
                    SinkApi api = api(sink, config, store)) {
                HttpClient http = HttpClient.newHttpClient();
                URI live = URI.create("http://127.0.0.1:" + api.port() + "/api/health/live");
                Throwable failure = sink.stopped().get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(failure).isInstanceOf(LinkageError.class);
                assertThat(sink.isRunning()).isFalse();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(503);
                var body = Json.MAPPER.readTree(r.body());
                assertThat(body.get("status").asText()).isEqualTo("DOWN");
                assertThat(body.get("components").get("consumer").get("status").asText()).isEqualTo("DOWN");
                assertThat(body.get("components").get("consumer").get("detail").asText()).contains("LinkageError");
                HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(all.statusCode()).isEqualTo(503);
                AtomicInteger exitCode = new AtomicInteger(-1);
                SinkLifecycle.runUntilStopped(sink, store, true, exitCode::set);
                assertThat(exitCode.get()).isEqualTo(SinkLifecycle.EXIT_LOOP_DIED);
            }
        }
    }

    /** The query API next to the loop, as the launcher wires them: its health endpoints report the loop. */
    private static SinkApi api(SinkService sink, SinkConfig config, ArticleStore store) {
        return new SinkApi(store, sink.registry(), c -> {}, config.apiSecurity(), sink::health).start("127.0.0.1", 0);
    }
}
