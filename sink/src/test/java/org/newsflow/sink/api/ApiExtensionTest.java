package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import org.newsflow.sink.store.ArticleStore;

/** A route another module contributes through {@link ApiExtension}: registered, guarded and documented like the sink's. */
class ApiExtensionTest {
    private static final String TOKEN = "extension-test-token-0123";

    @TempDir
    Path dir;

    /** A customizer as the launcher's dashboard writes one: a documented route with its own schema and tag. */
    record Echo() implements Consumer<JavalinConfig>, ApiExtension {
        @Override
        public void accept(JavalinConfig config) {}

        @Override
        public List<ApiOperation> operations() {
            return List.of(new ApiOperation("/api/echo/{word}", "getEcho", "extra", "Echo a word", "Answers the word.",
                    List.of(ApiParameter.path("word", "any word")), "Echo", "application/json", false, false,
                    ctx -> ctx.json(Map.of("word", ctx.pathParam("word")))));
        }

        @Override
        public Map<String, Object> schemas() {
            return Map.of("Echo", Map.of("type", "object", "required", List.of("word"),
                    "properties", Map.of("word", Map.of("type", "string"))));
        }

        @Override
        public Map<String, String> tags() {
            return Map.of("extra", "Routes of a test extension");
        }
    }

    @Test
    void a_contributed_route_is_served_behind_the_token_and_documented() throws Exception {
        try (ArticleStore store = ArticleStore.open("sqlite:" + dir.resolve("ext.db"));
             SinkApi api = new SinkApi(store, null, new Echo(), ApiSecurity.of("127.0.0.1", TOKEN, List.of(), false), null)
                     .start("127.0.0.1", 0)) {
            assertThat(get(api, "/api/echo/hello", null).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = get(api, "/api/echo/hello", TOKEN);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"word\":\"hello\"}");
            assertThat(ok.headers().firstValue("content-security-policy").orElseThrow()).isEqualTo(SinkApi.API_CSP);
            assertThat(get(api, "/api/echo/hello/more", TOKEN).statusCode()).isEqualTo(404);

            JsonNode doc = Json.MAPPER.readTree(get(api, "/api/openapi.json", null).body());
            JsonNode op = doc.at("/paths/~1api~1echo~1{word}/get");
            assertThat(op.get("operationId").asText()).isEqualTo("getEcho");
            assertThat(op.at("/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Echo");
            assertThat(op.at("/responses/401").isMissingNode()).isFalse();
            assertThat(doc.at("/components/schemas/Echo/required/0").asText()).isEqualTo("word");
            assertThat(doc.at("/components/schemas/Problem").isMissingNode()).as("the sink's schemas stay").isFalse();
            assertThat(doc.get("tags").findValuesAsText("name")).contains("articles", "extra");
            // Every route Javalin has is documented (Swagger UI's page and files aside).
            List<String> registered = api.app().unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint)
                    .filter(e -> e.method.isHttpMethod()).map(e -> e.path).filter(p -> !ApiDocs.isDocs(p)).toList();
            assertThat(registered).contains("/api/echo/{word}", "/api/articles");
            registered.forEach(p -> assertThat(doc.get("paths").has(p)).as(p).isTrue());
        }
    }

    private static HttpResponse<String> get(SinkApi api, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
