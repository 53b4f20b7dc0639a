package org.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.ingest.process.ArticleProcessor;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.publish.BrokerUnavailableException;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.ingest.source.InputLimits;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/** Bad input of every kind through a real broker: the good articles are published, each bad one is a dead letter. */
class IngestReliabilityTest {
    static EmbeddedKafkaBroker broker;
    static final AtomicInteger RUN = new AtomicInteger();

    @TempDir
    Path tmp;

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

    /** Fresh topics per test, default limits. */
    private static IngestConfig config() {
        String p = "rel" + RUN.incrementAndGet();
        broker.createTopics(Map.of(p + ".raw", 2, p + ".dlq", 1));
        return IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(), "TOPIC_RAW", p + ".raw",
                "TOPIC_DLQ", p + ".dlq", "INGEST_CLIENT_ID", p)));
    }

    @Test
    void goodArticlesArePublishedAndEveryBadOneIsADeadLetterWithItsReason() throws Exception {
        IngestConfig config = config();
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("a-good.json"), "{\"title\": \"Talks\", \"body\": \"Chile and Peru met in Lima.\", \"publishedAt\": \"2022-11-07\"}");
        // The 20 MB file of issue #11: rejected from its size, the run goes on.
        try (OutputStream out = Files.newOutputStream(dir.resolve("b-huge.txt"))) {
            byte[] chunk = "A very long line of text that repeats. ".repeat(1_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 20L << 20; written += chunk.length) {
                out.write(chunk);
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("c-mixed.jsonl"))) {
            line(out, "{\"title\": \"one\", \"body\": \"First story.\"}");
            line(out, "{\"title\": \"huge line\", \"body\": \"" + "z".repeat(5 << 20) + "\"}"); // over the 4 MB line limit
            out.write("{\"title\": \"S\u00e3o Paulo\", \"body\": \"Latin-1, not UTF-8: ".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xE3, 'o', '"', '}', '\n'});
            line(out, "{\"title\": \"html\", \"body\": \"<div><script>var who = 'Vladimir Putin';</script><p>Floods hit Italy.</p><p>Rain fell.</p></div>\"}");
            line(out, "{\"title\": \"future\", \"body\": \"Tomorrow's news.\", \"publishedAt\": \"" + Instant.now().plus(Duration.ofDays(400)) + "\"}");
            line(out, "{\"title\": \"bad url\", \"body\": \"Some story.\", \"url\": \"htp:/broken url\"}");
            line(out, "{\"title\": \"bad id\", \"body\": \"A processor breaks its id.\"}");
            line(out, "{\"title\": \"two\", \"body\": \"Second story.\"}");
        }
        // A real processor that corrupts one article's id: the checks after the processors catch it before publishing.
        ArticleProcessor breaksIds = a -> a.title().equals("bad id")
                ? new RawArticle(a.schemaVersion(), "../" + a.id(), a.url(), a.source(), a.title(), a.body(), a.language(), a.publishedAt(), a.ingestedAt(), a.origin())
                : a;

        IngestService.Summary s = new IngestService(config, List.of(breaksIds)).ingest(List.of(dir));

        assertThat(s.files()).isEqualTo(3);
        assertThat(s.published()).isEqualTo(4);
        assertThat(s.rejected()).isEqualTo(6);
        assertThat(s.failed()).isZero();
        assertThat(s.complete()).isTrue();

        List<RawArticle> raw = TopicsForTests.readAll(broker.bootstrapServers(), config.topics().raw()).stream()
                .map(r -> Json.read(r.value(), RawArticle.class)).toList();
        assertThat(raw).extracting(RawArticle::title).containsExactlyInAnyOrder("Talks", "one", "html", "two");
        assertThat(raw).extracting(RawArticle::id).containsExactlyInAnyOrderElementsOf(s.ids());
        assertThat(raw).allSatisfy(a -> assertThat(a.schemaVersion()).isEqualTo(RawArticle.SCHEMA_VERSION));
        RawArticle html = raw.stream().filter(a -> a.title().equals("html")).findFirst().orElseThrow();
        assertThat(html.body()).isEqualTo("Floods hit Italy.\n\nRain fell.");

        List<ConsumerRecord<String, byte[]>> dead = TopicsForTests.readAll(broker.bootstrapServers(), config.topics().dlq());
        assertThat(dead).hasSize(6);
        assertThat(dead).allSatisfy(r -> {
            assertThat(r.key()).startsWith("rejected-").doesNotContain("/").doesNotContain(tmp.toString());
            assertThat(r.serializedValueSize()).isLessThan(1 << 20);
            assertThat(DeadLetters.header(r.headers(), DeadLetters.STAGE)).contains("ingest");
        });
        assertThat(reasons(dead)).anySatisfy(m -> assertThat(m).contains("file is", "over the limit", "NEWSFLOW_INGEST_MAX_FILE_BYTES", "keeps the first 262144"))
                .anySatisfy(m -> assertThat(m).contains("line 2 is", "NEWSFLOW_INGEST_MAX_LINE_BYTES"))
                .anySatisfy(m -> assertThat(m).contains("line 3", "not valid UTF-8"))
                .anySatisfy(m -> assertThat(m).contains("publishedAt", "outside the accepted range"))
                .anySatisfy(m -> assertThat(m).contains("invalid url 'htp:/broken url'"))
                .anySatisfy(m -> assertThat(m).contains("invalid article id '../"));
        ConsumerRecord<String, byte[]> huge = dead.stream().filter(r -> reason(r).contains("NEWSFLOW_INGEST_MAX_FILE_BYTES")).findFirst().orElseThrow();
        assertThat(huge.value()).hasSize(InputLimits.DEFAULT_DEAD_LETTER_BYTES);
        assertThat(DeadLetters.header(huge.headers(), ArticlePublisher.TRUNCATED)).contains("true");
        assertThat(Long.parseLong(DeadLetters.header(huge.headers(), ArticlePublisher.ORIGINAL_BYTES).orElseThrow())).isGreaterThanOrEqualTo(20L << 20);
        ConsumerRecord<String, byte[]> latin1 = dead.stream().filter(r -> reason(r).contains("UTF-8")).findFirst().orElseThrow();
        assertThat(latin1.value()[latin1.value().length - 4]).isEqualTo((byte) 0xE3); // the original bytes, untouched
        assertThat(DeadLetters.header(latin1.headers(), ArticlePublisher.TRUNCATED)).isEmpty();
    }

    @Test
    void noBrokerFailsWithinSecondsWithOneClearLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        IngestConfig config = IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", "127.0.0.1:" + port, "INGEST_MAX_BLOCK_MS", "2000")));
        Path file = Files.writeString(tmp.resolve("a.json"), "{\"title\": \"t\", \"body\": \"b\"}");
        long start = System.nanoTime();
        assertThatThrownBy(() -> new IngestService(config).ingest(List.of(file)))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessage("no Kafka broker answered at 127.0.0.1:" + port + " within 2 s (NEWSFLOW_BOOTSTRAP_SERVERS or --bootstrap-servers;"
                        + " NEWSFLOW_INGEST_MAX_BLOCK_MS bounds the wait)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anUnusableTopicStopsAOneShotRunAtTheFirstFailure() throws Exception {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "TOPIC_RAW", "not/a topic", "TOPIC_DLQ", "not/a dlq", "INGEST_MAX_BLOCK_MS", "1500")));
        IngestService.Summary s = new IngestService(config).ingest(List.of(manyArticles(50)));
        assertThat(s.complete()).isFalse();
        assertThat(s.published()).isZero();
        assertThat(s.failed()).isBetween(1L, 50L);
        assertThat(s.failure()).contains("Kafka refused a record, stopped reading", "not/a topic");
    }

    @Test
    void aBrokerThatGoesAwayCostsOneTimeoutNotOnePerArticle() throws Exception {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "TOPIC_RAW", "gone.raw", "TOPIC_DLQ", "gone.dlq", "INGEST_MAX_BLOCK_MS", "1500")));
        Path file = manyArticles(50);
        broker.stop();
        try {
            long start = System.nanoTime();
            IngestService.Summary s;
            try (IngestService service = new IngestService(config)) {
                s = service.run(List.of(new org.newsflow.ingest.source.FileSource(List.of(file)))); // no start-up check: the broker "went away" after it
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(s.complete()).isFalse();
            assertThat(s.published()).isZero();
            assertThat(s.failure()).contains("Kafka did not take a record in time, stopped reading");
        } finally {
            broker.restart();
        }
    }

    private Path manyArticles(int n) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append("{\"title\": \"t").append(i).append("\", \"body\": \"body ").append(i).append("\"}\n");
        }
        return Files.writeString(tmp.resolve("many.jsonl"), lines);
    }

    @Test
    void theDeadlineStopsAOneShotRunAndSaysSo() throws Exception {
        IngestConfig config = config().withDeadline(Duration.ofMillis(1));
        Path file = Files.writeString(tmp.resolve("a.json"), "{\"title\": \"t\", \"body\": \"b\"}");
        Thread.sleep(5);
        IngestService.Summary s = new IngestService(config).ingest(List.of(file, file));
        assertThat(s.complete()).isFalse();
        assertThat(s.failure()).contains("deadline", "NEWSFLOW_INGEST_DEADLINE_MS");
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static List<String> reasons(List<ConsumerRecord<String, byte[]>> dead) {
        return dead.stream().map(IngestReliabilityTest::reason).toList();
    }

    private static String reason(ConsumerRecord<String, byte[]> r) {
        return DeadLetters.header(r.headers(), DeadLetters.REASON).orElse("");
    }
}
