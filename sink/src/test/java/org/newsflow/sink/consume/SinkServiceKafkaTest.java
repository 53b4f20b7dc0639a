package org.newsflow.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
            try (SinkService sink = new SinkService(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), c -> {}).start()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sink.metrics().storeFailures() >= 5 && sink.isRetrying());
                assertThat(real.count()).isZero();
                Thread.sleep(500); // well into the backoff: still in the group, nothing committed
                store.down = false;
                await().atMost(Duration.ofSeconds(30)).until(() -> real.count() == 200);
                assertAllCommitted(config);
                assertThat(sink.isRetrying()).isFalse();
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
}
