package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Topics;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine;

/** {@code newsflow ingest --feed URL --once PAGE_URL} against a real broker, with the demo's fixture feeds on 127.0.0.1. */
class IngestFeedsCommandTest {
    @TempDir
    Path state;

    @Test
    void feedsAndPageUrlsArePublishedAndASecondRunOfTheFeedPublishesNothingNew() throws Exception {
        Topics topics = Topics.defaults();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                DemoFeeds feeds = DemoFeeds.serve(Path.of("../samples/feeds"))) {
            broker.createTopics(Map.of(topics.raw(), 2, topics.dlq(), 1));
            String[] common = {"ingest", "--bootstrap-servers", broker.bootstrapServers(), "--once", "--feed-state", state.toString(),
                    "--host-interval", "10ms", "--user-agent", "newsflow-test"};
            int first = new CommandLine(new Newsflow()).execute(concat(common, "--feed", feeds.base() + "/world-wire.xml",
                    feeds.base() + "/pages/italy-floods.html"));
            assertThat(first).isZero();
            List<RawArticle> raw = read(broker, topics.raw());
            assertThat(raw).extracting(RawArticle::title).containsExactlyInAnyOrder(
                    "Kenya and Tanzania agree to reopen border crossing at Namanga",
                    "Chile and Peru hold talks on fishing rights in the Pacific",
                    "Flooding forces evacuations in northern Italy");

            int second = new CommandLine(new Newsflow()).execute(concat(common, "--feed", feeds.base() + "/world-wire.xml"));
            assertThat(second).isZero();
            assertThat(read(broker, topics.raw())).hasSize(3);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<RawArticle> read(EmbeddedKafkaBroker broker, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<RawArticle> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(100)).forEach(r -> out.add(Json.read(r.value(), RawArticle.class)));
            }
        }
        return out;
    }
}
