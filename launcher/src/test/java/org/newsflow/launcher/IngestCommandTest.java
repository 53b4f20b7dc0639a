package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine;

/** {@code newsflow ingest} as a user runs it (in-process picocli), against a real broker and against none. */
class IngestCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err, Duration took) {}

    private static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Newsflow()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void withoutABrokerItFailsWithinSecondsInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = Files.writeString(tmp.resolve("a.json"), "{\"title\": \"t\", \"body\": \"b\"}");
        Run r = run("ingest", "--bootstrap-servers", "127.0.0.1:" + port, file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines().filter(l -> l.startsWith("newsflow ingest:")))
                .containsExactly("newsflow ingest: no Kafka broker answered at 127.0.0.1:" + port
                        + " within 5 s (NEWSFLOW_BOOTSTRAP_SERVERS or --bootstrap-servers; NEWSFLOW_INGEST_MAX_BLOCK_MS bounds the wait)");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void oneShotPublishesAndSummarisesAndNothingToIngestIsAUsageError() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(Map.of("news.articles.raw", 2, "news.articles.dlq", 1));
            Files.writeString(tmp.resolve("a.json"), "{\"title\": \"t\", \"body\": \"b\"}");
            Files.writeString(tmp.resolve("b.jsonl"), "{\"title\": \"u\", \"body\": \"c\"}\n{\"title\": \"no body\"}\n");
            Run r = run("ingest", "--bootstrap-servers", broker.bootstrapServers(), tmp.toString());
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("2 articles published, 1 inputs rejected to news.articles.dlq, 0 not delivered");
        }
        assertThat(run("ingest").exit()).isEqualTo(2);
    }
}
