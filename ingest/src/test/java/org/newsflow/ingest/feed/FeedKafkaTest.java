package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.fetch.FixtureServer;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Feed items through the real collector and a real (embedded KRaft) broker: they arrive on the raw topic, a page
 * with no article on the dead-letter topic, and a collector stopped in the middle of a feed and started again
 * delivers the rest and republishes nothing.
 */
class FeedKafkaTest {
    private static EmbeddedKafkaBroker broker;
    private static final Topics TOPICS = Topics.defaults();

    @TempDir
    Path state;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(Map.of(TOPICS.raw(), 3, TOPICS.dlq(), 1));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String items(String base, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = to; i >= from; i--) { // newest first, as feeds list them
            b.append(FeedTesting.item("guid-" + i, "Story " + i, base + "/story/" + i, "Summary " + i + ".", null));
        }
        return b.toString();
    }

    @Test
    void feedItemsReachTheRawTopicAndARestartMidFeedRepublishesNothing() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            String base = server.base();
            java.util.concurrent.atomic.AtomicReference<String> feed = new java.util.concurrent.atomic.AtomicReference<>(
                    FeedTesting.rss("Kafka Times", items(base, 1, 6) + FeedTesting.item("junk", "Junk", base + "/junk", "x", null)));
            server.on("/feed", x -> FixtureServer.send(x, 200, "application/rss+xml", feed.get().getBytes(StandardCharsets.UTF_8)));
            List<String> pageRequests = new CopyOnWriteArrayList<>();
            for (int i = 1; i <= 9; i++) {
                int n = i;
                server.on("/story/" + i, x -> {
                    pageRequests.add("/story/" + n);
                    Thread.sleep(100); // slow pages, so the first collector can be stopped in the middle of the feed
                    FixtureServer.send(x, 200, "text/html", FeedTesting.page("Story " + n, FeedTesting.LONG_PARAGRAPH + " Story " + n + ".")
                            .getBytes(StandardCharsets.UTF_8));
                });
            }
            server.content("/junk", "text/html", "<html><body><p>Cookie settings</p></body></html>");
            FeedConfig config = FeedTesting.config(state).withOnce(false);
            IngestConfig ingest = new IngestConfig(broker.bootstrapServers(), TOPICS, "feed-test");

            // First collector: stopped after a few pages, in the middle of the feed's six stories.
            Running first = start(ingest, config, server);
            await().atMost(Duration.ofSeconds(20)).until(() -> pageRequests.size() >= 3);
            first.stop();
            int delivered = countRecords(TOPICS.raw());
            assertThat(delivered).as("stopped mid-feed").isBetween(2, 5);

            // Second collector on the same state; the feed meanwhile has three more stories.
            feed.set(FeedTesting.rss("Kafka Times", items(base, 1, 9) + FeedTesting.item("junk", "Junk", base + "/junk", "x", null)));
            Running second = start(ingest, config, server);
            await().atMost(Duration.ofSeconds(30)).until(() -> countRecords(TOPICS.raw()) >= 9);
            Thread.sleep(500); // several more polls: nothing may come twice
            second.stop();

            List<RawArticle> raw = read(TOPICS.raw()).stream().map(r -> Json.read(r.value(), RawArticle.class)).toList();
            Map<String, Long> perTitle = raw.stream().collect(Collectors.groupingBy(RawArticle::title, Collectors.counting()));
            assertThat(perTitle).containsOnlyKeys(IntStream.rangeClosed(1, 9).mapToObj(i -> "Story " + i).toArray(String[]::new));
            assertThat(perTitle.values()).as("each story exactly once").containsOnly(1L);
            assertThat(raw).allSatisfy(a -> {
                assertThat(a.source()).isEqualTo("Kafka Times");
                assertThat(a.body()).startsWith(FeedTesting.LONG_PARAGRAPH);
            });
            // the page without an article is dead-lettered once, with its reason
            List<ConsumerRecord<String, byte[]>> dlq = read(TOPICS.dlq());
            assertThat(dlq).hasSize(1);
            String reason = new String(dlq.get(0).headers().lastHeader("newsflow.dlq.reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("no article").contains("/junk");
            // pages already published were not fetched again by the second collector
            assertThat(pageRequests.stream().distinct().count()).isEqualTo(pageRequests.size());
        }
    }

    private record Running(IngestService service, CompletableFuture<IngestService.Summary> done) {
        void stop() throws Exception {
            service.stop();
            done.get();
        }
    }

    private Running start(IngestConfig ingest, FeedConfig config, FixtureServer server) throws Exception {
        IngestService service = new IngestService(ingest);
        FeedSource source = new FeedSource(List.of(new FeedSubscription(server.uri("/feed"), "kafka-times", null)), config,
                FeedTesting.fetcher(), Extractors.standard(), new SimpleMeterRegistry(), DeliveryBarrier.NONE);
        CompletableFuture<IngestService.Summary> done = CompletableFuture.supplyAsync(() -> {
            try {
                return service.run(List.of(source));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Running(service, done);
    }

    private static int countRecords(String topic) {
        return read(topic).size();
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
        }
        return out;
    }
}
