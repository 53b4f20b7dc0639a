package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.store.ArticleStore;

/**
 * The generated OpenAPI description against the running API, its lint with Redocly's recommended rules, and the
 * Swagger UI page.
 */
class OpenApiTest {
    @TempDir
    static Path dir;
    static ArticleStore store;
    static SinkApi api;
    static final HttpClient http = HttpClient.newHttpClient();
    /** Where the document is written for the linter (and for tools/openapi-lint/lint.sh). */
    static final Path OUT = Path.of("target", "openapi.json");

    @BeforeAll
    static void start() {
        store = ArticleStore.open("sqlite:" + dir.resolve("openapi.db"));
        store.upsertArticles(List.of(TestArticles.article("doc-1").published(java.time.Instant.now().minusSeconds(600).toString())
                .countries("AM").person("Nikol Pashinyan", "AM").organization("European Union", "EU")
                .event("ASSAULT", 4, "AZ", null, "AM", null, false).body("A doc about the border.").build()));
        api = new SinkApi(store, null, cfg -> {}).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.close();
        store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_description_lists_every_route_with_an_operation_id_and_answers_it_documents() throws Exception {
        HttpResponse<String> r = get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Json.MAPPER.readTree(r.body());
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, r.body(), StandardCharsets.UTF_8);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.get("servers")).isNotEmpty();
        // The records' schemas come from the contract's JSON Schemas, references rewritten into the document.
        assertThat(doc.at("/components/schemas/EnrichedArticle/properties/article/$ref").asText())
                .isEqualTo("#/components/schemas/RawArticle");
        assertThat(r.body()).doesNotContain("\"#/$defs/").doesNotContain("\"$schema\"");

        Set<String> ids = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            assertThat(ids.add(get.get("operationId").asText())).as("unique operationId").isTrue();
            assertThat(get.get("responses").has("200")).isTrue();
            String concrete = path.getKey().replace("{id}", "doc-1").replace("{key}", "nikol_pashinyan");
            try {
                HttpResponse<String> answer = get(concrete);
                assertThat(answer.statusCode()).as(concrete + " " + answer.body()).isIn(200, 400);
                // every documented query parameter is accepted (400 only for its value, never as unknown)
                for (JsonNode p : get.path("parameters")) {
                    if (p.get("in").asText().equals("query")) {
                        HttpResponse<String> withParam = get(concrete + "?" + p.get("name").asText() + "=");
                        assertThat(withParam.body()).as(concrete + " " + p.get("name")).doesNotContain("unknown parameter");
                    }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(ids).contains("listArticles", "getArticle", "statsTimeline", "statsMap", "statsCounterparts",
                "statsOrganizations", "getPerson", "healthLive", "healthReady");
        assertThat(get("/api/articles?notDocumented=1").body()).contains("unknown parameter");
    }

    /**
     * The answers have the shapes the description gives: every required field of the 200 schema, and of the first
     * element of each array whose items are a component with required fields.
     */
    @Test
    void answers_carry_the_fields_their_schemas_require() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(get("/api/openapi.json").body());
        JsonNode schemas = doc.at("/components/schemas");
        int checked = 0;
        for (var it = doc.get("paths").fields(); it.hasNext(); ) {
            var path = it.next();
            JsonNode content = path.getValue().at("/get/responses/200/content/application~1json/schema/$ref");
            if (content.isMissingNode()) {
                continue;
            }
            String concrete = path.getKey().replace("{id}", "doc-1").replace("{key}", "nikol_pashinyan")
                    + (path.getKey().endsWith("counterparts") ? "?country=AM" : "")
                    + (path.getKey().equals("/api/articles") ? "?q=doc" : "");
            HttpResponse<String> r = get(concrete);
            assertThat(r.statusCode()).as(concrete + " " + r.body()).isEqualTo(200);
            checkRequired(Json.MAPPER.readTree(r.body()), schemas.get(content.asText().substring("#/components/schemas/".length())),
                    schemas, concrete);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    private static void checkRequired(JsonNode value, JsonNode schema, JsonNode schemas, String where) {
        for (JsonNode field : schema.path("required")) {
            assertThat(value.has(field.asText())).as(where + " requires " + field.asText() + ": " + value).isTrue();
        }
        for (var it = schema.path("properties").fields(); it.hasNext(); ) {
            var prop = it.next();
            String ref = prop.getValue().at("/items/$ref").asText("");
            JsonNode array = value.get(prop.getKey());
            if (ref.startsWith("#/components/schemas/") && array != null && array.isArray() && !array.isEmpty()) {
                checkRequired(array.get(0), schemas.get(ref.substring("#/components/schemas/".length())), schemas,
                        where + " ." + prop.getKey() + "[0]");
            }
        }
    }

    @Test
    void unknown_routes_and_methods_are_problem_details() throws Exception {
        HttpResponse<String> r = get("/api/no/such/route");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.MAPPER.readTree(r.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void swagger_ui_is_served_from_the_jar_with_a_same_origin_policy() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("/api/docs/swagger-ui-bundle.js").doesNotContain("http");
        String csp = page.headers().firstValue("content-security-policy").orElse("");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe").doesNotContain("http");
        HttpResponse<String> bundle = get("/api/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(get("/api/docs/start.js").body()).contains("/api/openapi.json");
        assertThat(get("/api/docs/swagger-ui.css").statusCode()).isEqualTo(200);
    }

    /**
     * {@code redocly lint} with the recommended rules, from {@code tools/openapi-lint} (npm ci there installs the
     * pinned version): no errors and no warnings. Skipped when it is not installed, unless NEWSFLOW_OPENAPI_LINT=required.
     */
    @Test
    void the_description_passes_redocly_lint_with_the_recommended_rules() throws Exception {
        the_description_lists_every_route_with_an_operation_id_and_answers_it_documents(); // writes OUT
        Path tool = Path.of("..", "tools", "openapi-lint").toAbsolutePath().normalize();
        Path redocly = tool.resolve("node_modules/.bin/redocly");
        boolean required = "required".equals(System.getenv("NEWSFLOW_OPENAPI_LINT"));
        if (!Files.isExecutable(redocly)) {
            assertThat(required).as("NEWSFLOW_OPENAPI_LINT=required but " + redocly + " is missing (npm ci in tools/openapi-lint)").isFalse();
            Assumptions.abort("redocly is not installed (cd tools/openapi-lint && npm ci)");
        }
        Process p = new ProcessBuilder(redocly.toString(), "lint", "--config", tool.resolve("redocly.yaml").toString(),
                "--format", "stylish", OUT.toAbsolutePath().toString())
                .directory(tool.toFile()).redirectErrorStream(true).redirectOutput(new File("target/openapi-lint.txt")).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(Path.of("target/openapi-lint.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).doesNotContainPattern("\\d+:\\d+\\s+(warning|error)").contains("is valid");
    }
}
