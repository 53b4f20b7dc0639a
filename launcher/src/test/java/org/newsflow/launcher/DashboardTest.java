package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import org.newsflow.launcher.dashboard.PipelineHealth;
import org.newsflow.sink.api.SinkApi;
import org.newsflow.sink.bench.SyntheticArticles;
import org.newsflow.sink.store.ArticleStore;

/** The dashboard as the sink serves it: same-origin scripts only, ECharts and the map from the jar. */
class DashboardTest {
    @TempDir
    Path dir;

    @Test
    void the_page_its_scripts_and_the_chart_library_are_served_under_a_strict_policy() throws Exception {
        try (ArticleStore store = ArticleStore.open("sqlite:" + dir.resolve("dash.db"));
             SinkApi api = new SinkApi(store, null, Dashboard.staticFiles()).start("127.0.0.1", 0)) {
            HttpResponse<String> page = get(api, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            String csp = page.headers().firstValue("content-security-policy").orElseThrow();
            // Scripts are same-origin files: no inline script, so none may run, and none is allowed.
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
            assertThat(csp).contains("script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-eval");
            String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
            assertThat(scriptSrc).isEqualTo("script-src 'self'");
            assertThat(page.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(page.headers().firstValue("x-frame-options")).contains("DENY");
            // Everything the page loads comes from this server (works offline): ECharts from its WebJar, the map, the modules.
            for (String path : List.of("/webjars/echarts/5.3.1/dist/echarts.min.js", "/world.geo.json", "/js/main.js", "/app.css")) {
                assertThat(get(api, path).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(get(api, "/world.geo.json").body()).contains("\"name\":\"AM\"", "Natural Earth");
            // JSON answers keep the strict policy.
            assertThat(get(api, "/api/articles").headers().firstValue("content-security-policy").orElseThrow()).startsWith("default-src 'none'");
        }
    }

    @Test
    void an_inline_script_would_be_allowed_by_its_hash_only() throws Exception {
        String csp = Dashboard.contentSecurityPolicy("<script>let a = 1;</script><style>b{}</style>");
        assertThat(csp).contains("script-src 'self' 'sha256-" + sha256("let a = 1;") + "'", "style-src 'self' 'sha256-" + sha256("b{}") + "'");
    }

    @Test
    void the_event_stream_tells_about_each_stored_article() throws Exception {
        try (ArticleStore store = ArticleStore.open("sqlite:" + dir.resolve("live.db"));
             SinkApi api = new SinkApi(store, null, Dashboard.staticFiles(null, store)).start("127.0.0.1", 0)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/events/stream"))
                    .header("Accept", "text/event-stream").build();
            HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
            java.util.Iterator<String> lines = stream.body().iterator();
            assertThat(lines.next()).isEqualTo(": connected"); // the client is registered from here on
            store.upsertArticles(List.of(new SyntheticArticles(1, java.time.Instant.parse("2026-01-01T00:00:00Z"))
                    .article("live", 1, java.time.Instant.parse("2026-01-01T00:00:01Z"))));
            java.util.concurrent.CompletableFuture<List<String>> event = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                List<String> got = new java.util.ArrayList<>();
                // Until the blank line that ends the first event (checked before hasNext(), which blocks for more).
                while ((got.isEmpty() || !got.get(got.size() - 1).isEmpty()) && lines.hasNext()) {
                    String line = lines.next();
                    if (!line.isEmpty() || !got.isEmpty()) {
                        got.add(line);
                    }
                }
                return got;
            });
            List<String> got = event.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(got).contains("event: article");
            assertThat(got).anySatisfy(l -> assertThat(l).startsWith("data: ").contains("\"id\":\"" + SyntheticArticles.id("live", 1) + "\""));
            stream.body().close();
        }
    }

    /**
     * Every route the running app has (Javalin's own router, not the route table, so that a route registered past
     * the table is caught) is in /api/openapi.json, with the dashboard's routes contributed through ApiExtension;
     * the description passes Redocly's recommended rules (see {@link OpenApiLint}).
     */
    @Test
    void every_route_the_dashboard_serves_is_in_the_openapi_description() throws Exception {
        try (ArticleStore store = ArticleStore.open("sqlite:" + dir.resolve("routes.db"));
             PipelineHealth health = new PipelineHealth("127.0.0.1:9", org.newsflow.contract.Topics.defaults(), "newsflow-sink",
                     java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(60));
             SinkApi api = new SinkApi(store, new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                     io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT), Dashboard.staticFiles(health, store)).start("127.0.0.1", 0)) {
            HttpResponse<String> response = get(api, "/api/openapi.json");
            JsonNode doc = Json.MAPPER.readTree(response.body());
            java.util.Set<String> documented = new java.util.TreeSet<>();
            doc.get("paths").fieldNames().forEachRemaining(documented::add);
            List<String> registered = api.app().unsafe.internalRouter.allHttpHandlers().stream()
                    .map(e -> e.endpoint).filter(e -> e.method.isHttpMethod())
                    .peek(e -> assertThat(e.method.name()).as(e.path).isEqualTo("GET"))
                    .map(e -> e.path)
                    .filter(p -> !p.equals("/api/docs") && !p.startsWith("/api/docs/")) // Swagger UI's page and files
                    .toList();
            assertThat(registered).contains("/api/pipeline", "/api/pipeline/dead-letters/{partition}/{offset}", "/api/events/stream");
            assertThat(documented).containsAll(registered);
            assertThat(doc.at("/paths/~1api~1pipeline/get/operationId").asText()).isEqualTo("getPipeline");
            assertThat(doc.at("/paths/~1api~1events~1stream/get/responses/200/content").has("text/event-stream")).isTrue();
            assertThat(doc.at("/paths/~1api~1pipeline/get/responses/401").isMissingNode()).as("the token applies").isFalse();
            assertThat(doc.at("/components/schemas/Pipeline/properties/deadLetters").isMissingNode()).isFalse();
            // The pipeline answer (the sampler's first, broker-less snapshot) has the fields its schema requires.
            JsonNode pipeline = Json.MAPPER.readTree(get(api, "/api/pipeline").body());
            doc.at("/components/schemas/Pipeline/required").forEach(f -> assertThat(pipeline.has(f.asText())).as(f.asText()).isTrue());
            OpenApiLint.check(response.body(), Path.of("target", "openapi-dashboard.json"));
        }
    }

    private static HttpResponse<String> get(SinkApi api, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
