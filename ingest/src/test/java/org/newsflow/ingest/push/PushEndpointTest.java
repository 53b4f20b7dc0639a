package org.newsflow.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.TopicsForTests;
import org.newsflow.ingest.health.IngestServer;
import org.newsflow.ingest.process.ArticleProcessor;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/** The push endpoint over real HTTP (JDK client) against the real server on 127.0.0.1, publishing to a real broker. */
class PushEndpointTest {
    static EmbeddedKafkaBroker broker;
    static final AtomicInteger RUN = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();
    final List<AutoCloseable> open = new ArrayList<>();
    IngestConfig config;
    int port;

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

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A server on a free port with fresh topics; a processor marks every article it saw (source = "pushed"). */
    private void serve(Map<String, String> extra) {
        String p = "push" + RUN.incrementAndGet();
        broker.createTopics(Map.of(p + ".raw", 2, p + ".dlq", 1));
        Map<String, String> s = new HashMap<>(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(), "TOPIC_RAW", p + ".raw",
                "TOPIC_DLQ", p + ".dlq", "INGEST_CLIENT_ID", p, "INGEST_HTTP_PORT", "0"));
        s.putAll(extra);
        config = IngestConfig.from(Settings.of(s));
        ArticleProcessor marks = a -> new RawArticle(a.schemaVersion(), a.id(), a.url(), "pushed", a.title(), a.body(), a.language(),
                a.publishedAt(), a.ingestedAt(), a.origin());
        IngestService service = new IngestService(config, List.of(marks));
        open.add(service);
        IngestServer server = new IngestServer(service, service.registry()).start();
        open.add(server);
        port = server.port();
    }

    private HttpResponse<String> post(String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<RawArticle> raw() {
        return TopicsForTests.readAll(broker.bootstrapServers(), config.topics().raw()).stream()
                .map(r -> Json.read(r.value(), RawArticle.class)).toList();
    }

    private List<ConsumerRecord<String, byte[]>> dead() {
        return TopicsForTests.readAll(broker.bootstrapServers(), config.topics().dlq());
    }

    @Test
    void oneJsonArticleIsOnTheRawTopicWhenTheAnswerComes() throws Exception {
        serve(Map.of());
        HttpResponse<String> r = post("application/json; charset=utf-8",
                "{\"title\": \"Talks\", \"body\": \"<p>Chile and Peru met.</p>\", \"url\": \"https://Example.com/a?utm_source=x\", \"publishedAt\": \"2022-11-07\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(r.body());
        String id = body.get("id").asText();
        assertThat(id).startsWith("url-");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        // Acknowledged only after Kafka had it: readable at once, no waiting.
        List<RawArticle> raw = raw();
        assertThat(raw).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.body()).isEqualTo("Chile and Peru met.");
            assertThat(a.url()).isEqualTo("https://example.com/a");
            assertThat(a.source()).isEqualTo("pushed"); // the same processors as every other source
        });
    }

    @Test
    void jsonLinesPublishEveryLineAndABadLineIsA400NamingItWhileTheOthersArePublished() throws Exception {
        serve(Map.of());
        HttpResponse<String> ok = post("application/x-ndjson", "{\"title\": \"a\", \"body\": \"A.\"}\n{\"title\": \"b\", \"body\": \"B.\"}\n");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(ok.body()).get("ids")).hasSize(2);

        HttpResponse<String> bad = post("application/x-ndjson", "{\"title\": \"c\", \"body\": \"C.\"}\n{\"title\": \"broken\n{\"title\": \"d\", \"body\": \"D.\"}\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = Json.MAPPER.readTree(bad.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:newsflow:problem:malformed-json");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).startsWith("line 2: ").contains("not JSON");
        assertThat(problem.get("errors")).singleElement().satisfies(e -> assertThat(e.get("line").asInt()).isEqualTo(2));
        assertThat(problem.get("ids")).hasSize(2);

        assertThat(raw()).extracting(RawArticle::title).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(dead()).singleElement().satisfies(d -> {
            assertThat(new String(d.value())).isEqualTo("{\"title\": \"broken");
            assertThat(d.key()).startsWith("rejected-");
            assertThat(DeadLetters.header(d.headers(), DeadLetters.REASON).orElseThrow()).contains("line 2", "not JSON");
        });
    }

    @Test
    void missingBodiesAre422AndTheRejectedArticleIsADeadLetter() throws Exception {
        serve(Map.of());
        HttpResponse<String> noField = post("application/json", "{\"title\": \"no body\"}");
        assertThat(noField.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(noField.body()).get("detail").asText()).contains("missing required field 'body'");
        HttpResponse<String> empty = post("application/json", "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(empty.body()).get("type").asText()).isEqualTo("urn:newsflow:problem:missing-body");
        HttpResponse<String> future = post("application/x-ndjson", "{\"body\": \"x\", \"publishedAt\": \"2999-01-01\"}\n");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(future.body()).get("errors").get(0).get("reason").asText()).contains("outside the accepted range");
        assertThat(dead()).hasSize(2);
        assertThat(raw()).isEmpty();
    }

    @Test
    void anOversizeRequestIs413AndItsFirstBytesAreADeadLetter() throws Exception {
        serve(Map.of("INGEST_MAX_REQUEST_BYTES", "10000", "INGEST_MAX_DEAD_LETTER_BYTES", "1000"));
        String big = "{\"title\": \"big\", \"body\": \"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> r = post("application/json", big);
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode problem = Json.MAPPER.readTree(r.body());
        assertThat(problem.get("detail").asText()).contains(big.length() + " bytes", "NEWSFLOW_INGEST_MAX_REQUEST_BYTES");
        assertThat(problem.get("deadLettered").asBoolean()).isTrue();
        assertThat(dead()).singleElement().satisfies(d -> {
            assertThat(d.value()).hasSize(1000);
            assertThat(DeadLetters.header(d.headers(), "newsflow.dlq.original.bytes")).contains(Integer.toString(big.length()));
            assertThat(DeadLetters.header(d.headers(), "newsflow.dlq.truncated")).contains("true");
        });
        assertThat(raw()).isEmpty();
    }

    @Test
    void theTokenIsRequiredWhenSet() throws Exception {
        serve(Map.of("INGEST_TOKEN", "s3cret-token"));
        String article = "{\"title\": \"t\", \"body\": \"b\"}";
        HttpResponse<String> none = post("application/json", article);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(post("application/json", article, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post("application/json", article, "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(raw()).hasSize(1);
        assertThat(get("/health/live").statusCode()).isEqualTo(200); // probes need no token
    }

    @Test
    void wrongMethodsAndTypesGetProblems() throws Exception {
        serve(Map.of());
        HttpResponse<String> getIngest = get("/api/ingest");
        assertThat(getIngest.statusCode()).isEqualTo(405);
        assertThat(getIngest.headers().firstValue("Allow")).contains("POST");
        assertThat(getIngest.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(Json.MAPPER.readTree(getIngest.body()).get("status").asInt()).isEqualTo(405);
        HttpResponse<String> postHealth = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).contains("GET");
        assertThat(post("text/plain", "hello").statusCode()).isEqualTo(415);
        HttpResponse<String> missing = get("/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void healthAndMetrics() throws Exception {
        serve(Map.of());
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/health/ready").statusCode() == 200);
        post("application/json", "{\"title\": \"t\", \"body\": \"b\"}");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("newsflow_ingest_records_total{outcome=\"published\",source=\"push\"} 1.0")
                .contains("newsflow_ingest_push_requests_total{status=\"200\"} 1.0")
                .contains("newsflow_ingest_ready 1.0");
    }

    @Test
    void readinessIsDownWithTheReasonWhenNoBrokerAnswers() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        IngestConfig c = IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", "127.0.0.1:" + closed, "INGEST_HTTP_PORT", "0",
                "INGEST_MAX_BLOCK_MS", "1000")));
        IngestService service = new IngestService(c);
        open.add(service);
        IngestServer server = new IngestServer(service, service.registry()).start();
        open.add(server);
        port = server.port();
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health/ready").body().contains("no Kafka broker answered"));
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void bindingBeyondLoopbackNeedsAToken() {
        IngestConfig c = IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", broker.bootstrapServers(), "INGEST_HTTP_HOST", "0.0.0.0")));
        IngestService service = new IngestService(c);
        open.add(service);
        assertThatThrownBy(() -> new IngestServer(service, service.registry()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NEWSFLOW_INGEST_TOKEN");
    }
}
