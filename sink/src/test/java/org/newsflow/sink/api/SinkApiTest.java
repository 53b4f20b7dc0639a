package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.sink.RawHttp;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.store.ArticleStore;

class SinkApiTest {
    @TempDir
    static Path dir;
    static ArticleStore store;
    static SinkApi api;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = ArticleStore.open("sqlite:" + dir.resolve("api.db"));
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            articles.add(TestArticles.article("api-" + i).published("2022-11-07T0" + i + ":30:00Z")
                    .countries(i < 4 ? "AM" : "AZ").person("Nikol Pashinian", "AM").organization("European Union", "EU")
                    .event(i % 2 == 0 ? "ASSAULT" : "CONSULT", "AZ", "AM").build());
        }
        store.upsertArticles(articles);
        api = new SinkApi(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), cfg -> {}).start("127.0.0.1", 0);
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

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return Json.MAPPER.readTree(response.body());
    }

    /** An RFC 9457 problem: the media type, and type/title/status/detail/instance with the answer's status. */
    static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("instance").asText()).startsWith("/");
        return body;
    }

    static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lists_newest_first_with_a_cursor() throws Exception {
        HttpResponse<String> first = get("/api/articles?country=am&limit=3");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode page = json(first);
        assertThat(page.get("items")).extracting(n -> n.get("id").asText()).containsExactly("api-3", "api-2", "api-1");
        assertThat(page.get("items").get(0).get("countries").get(0).get("code").asText()).isEqualTo("AM");
        String cursor = page.get("nextCursor").asText();
        JsonNode next = json(get("/api/articles?country=AM&limit=3&cursor=" + cursor));
        assertThat(next.get("items")).extracting(n -> n.get("id").asText()).containsExactly("api-0");
        assertThat(next.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void filters_by_person_organization_event_language_source_and_time() throws Exception {
        assertThat(json(get("/api/articles?person=" + URLEncoder.encode("Nikol Pashinian", StandardCharsets.UTF_8))).get("items")).hasSize(7);
        assertThat(json(get("/api/articles?organization=eu&eventType=assault")).get("items")).hasSize(4);
        assertThat(json(get("/api/articles?language=en&source=France%2024&from=2022-11-07T02:00:00Z&to=2022-11-07T05:00:00Z")).get("items"))
                .extracting(n -> n.get("id").asText()).containsExactly("api-4", "api-3", "api-2");
        JsonNode full = json(get("/api/articles?limit=1&view=full"));
        assertThat(full.get("items").get(0).get("article").get("body").asText()).isEqualTo("Body of api-6");
    }

    @Test
    void full_record_and_404() throws Exception {
        HttpResponse<String> ok = get("/api/articles/api-2");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.read(ok.body(), EnrichedArticle.class)).isEqualTo(store.find("api-2").orElseThrow());
        HttpResponse<String> missing = get("/api/articles/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(problem(missing).get("detail").asText()).contains("nope");
        HttpResponse<String> unknownRoute = get("/api/nothing-here");
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(problem(unknownRoute).get("instance").asText()).isEqualTo("/api/nothing-here");
        HttpResponse<String> badId = get("/api/articles/" + URLEncoder.encode("no spaces <b>", StandardCharsets.UTF_8));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(problem(badId).get("parameter").asText()).isEqualTo("id");
    }

    @Test
    void bad_parameters_are_400_with_what_is_wrong() throws Exception {
        record Case(String query, String parameter, String says) {}
        for (Case c : List.of(
                new Case("/api/articles?country=Armenia", "country", "alpha-2"),
                new Case("/api/articles?eventType=FIGHT", "eventType", "PLOVER"),
                new Case("/api/articles?from=yesterday", "from", "ISO-8601"),
                new Case("/api/articles?from=2022-11-08&to=2022-11-07", "to", "must be after"),
                new Case("/api/articles?limit=0", "limit", "between 1 and 500"),
                new Case("/api/articles?limit=ten", "limit", "integer"),
                new Case("/api/articles?cursor=garbage!", "cursor", "not a cursor"),
                new Case("/api/articles?contry=AM", "contry", "unknown parameter"),
                new Case("/api/stats/countries?bucket=week", "bucket", "hour or day"),
                new Case("/api/stats/countries?from=2000-01-01&to=2022-01-01", "from", "at most 2000"),
                new Case("/api/stats/events?includeHypothetical=maybe", "includeHypothetical", "true or false"),
                // Issue #11: these gave 500 "long overflow" with the exception class in the body.
                new Case("/api/articles?from=%2B999999999-12-31T23:59:59Z", "from", "between"),
                new Case("/api/articles?to=-999999999-01-01T00:00:00Z", "to", "between"),
                new Case("/api/stats/countries?from=%2B999999999-12-31T23:59:59Z", "from", "between"),
                new Case("/api/stats/events?to=%2B10000-01-01T00:00:00Z", "to", "between"),
                new Case("/api/articles?source=a%00b", "source", "control characters"),
                new Case("/api/articles?limit=99999999999999999999", "limit", "integer"))) {
            HttpResponse<String> r = get(c.query());
            assertThat(r.statusCode()).as(c.query()).isEqualTo(400);
            JsonNode body = problem(r);
            assertThat(body.get("title").asText()).isEqualTo("Bad Request");
            assertThat(body.get("parameter").asText()).as(c.query()).isEqualTo(c.parameter());
            assertThat(body.get("detail").asText()).as(c.query()).contains(c.says());
        }
    }

    @Test
    void stats_by_hour_and_day() throws Exception {
        JsonNode countries = json(get("/api/stats/countries?from=2022-11-07&to=2022-11-08&bucket=hour"));
        assertThat(countries.get("bucket").asText()).isEqualTo("hour");
        assertThat(countries.get("items")).extracting(n -> n.get("key").asText()).containsExactly("AM", "AZ");
        assertThat(countries.get("items").get(0).get("total").asLong()).isEqualTo(4);
        assertThat(countries.get("items").get(0).get("buckets").get(1).get("start").asText()).isEqualTo("2022-11-07T01:00:00Z");
        JsonNode events = json(get("/api/stats/events?from=2022-11-01&to=2022-12-01&bucket=day&country=AM"));
        assertThat(events.get("items")).extracting(n -> n.get("key").asText() + "=" + n.get("total").asLong())
                .containsExactly("ASSAULT=4", "CONSULT=3");
        JsonNode people = json(get("/api/stats/people?from=2022-11-07&bucket=day"));
        assertThat(people.get("items").get(0).get("label").asText()).isEqualTo("Nikol Pashinian");
        assertThat(people.get("to").asText()).isEqualTo("2022-12-07T00:00:00Z");
    }

    @Test
    void openapi_health_and_metrics() throws Exception {
        JsonNode doc = json(get("/api/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").fieldNames()).toIterable()
                .contains("/api/articles", "/api/articles/{id}", "/api/stats/countries", "/api/stats/people", "/api/stats/events");
        JsonNode health = json(get("/api/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("store").get("status").asText()).isEqualTo("UP");
        assertThat(get("/api/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/api/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    }

    @Test
    void the_latest_and_earliest_times_a_request_may_name_are_answered() throws Exception {
        // The edges of the accepted range work (and the stats window after 9999-12-31 does not overflow).
        assertThat(get("/api/articles?from=0001-01-01&to=9999-12-31T23:59:59.999Z").statusCode()).isEqualTo(200);
        assertThat(get("/api/stats/countries?from=9999-12-31&bucket=day").statusCode()).isEqualTo(200);
        assertThat(get("/api/stats/countries?to=0001-01-02&bucket=day").statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_method_is_405_with_allow_and_an_unknown_path_is_404_for_any_method() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/articles", "/api/articles/api-1", "/api/stats/events", "/api/health", "/metrics")) {
                HttpResponse<String> r = send(method, path);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(r.headers().firstValue("allow")).as(method + " " + path).contains("GET");
                assertThat(problem(r).get("detail").asText()).contains(method);
            }
            assertThat(send(method, "/api/nothing").statusCode()).as(method).isEqualTo(404);
        }
    }

    @Test
    void every_answer_has_the_security_headers() throws Exception {
        for (String path : List.of("/api/articles", "/api/articles?limit=0", "/api/nothing", "/api/health/live", "/metrics", "/")) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("x-content-type-options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("x-frame-options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("referrer-policy")).as(path).contains("no-referrer");
            assertThat(r.headers().firstValue("content-security-policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        }
        assertThat(get("/api/articles").headers().firstValue("content-security-policy")).contains(SinkApi.API_CSP);
        assertThat(send("DELETE", "/api/articles").headers().firstValue("x-content-type-options")).contains("nosniff");
    }

    @Test
    void a_host_not_on_the_allow_list_is_refused_with_421() throws Exception {
        // DNS rebinding: the browser sends the attacker's host name. Loopback names (any port) are the default list.
        RawHttp.Response evil = RawHttp.send(api.port(), "GET", "/api/articles", Map.of("Host", "evil.example:" + api.port()));
        assertThat(evil.status()).isEqualTo(421);
        assertThat(evil.header("content-type")).startsWith("application/problem+json");
        assertThat(Json.MAPPER.readTree(evil.body()).get("status").asInt()).isEqualTo(421);
        assertThat(evil.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(RawHttp.send(api.port(), "GET", "/", Map.of("Host", "evil.example")).status()).isEqualTo(421);
        assertThat(RawHttp.send(api.port(), "GET", "/metrics", Map.of("Host", "evil.example")).status()).isEqualTo(421);
        // The probes answer whatever the Host (Kubernetes sends the pod IP): they hold no data.
        assertThat(RawHttp.send(api.port(), "GET", "/api/health/live", Map.of("Host", "10.1.2.3:8083")).status()).isEqualTo(200);
        for (String host : List.of("localhost:" + api.port(), "127.0.0.1", "[::1]:" + api.port(), "LOCALHOST")) {
            assertThat(RawHttp.send(api.port(), "GET", "/api/articles", Map.of("Host", host)).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void with_a_token_the_api_and_metrics_need_it_and_the_probes_do_not() throws Exception {
        try (SinkApi secured = new SinkApi(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), cfg -> {},
                ApiSecurity.of("127.0.0.1", "s3cret-token-0123456789", List.of(), false), null).start("127.0.0.1", 0)) {
            for (String path : List.of("/api/articles", "/api/articles/api-1", "/api/health", "/api/stats/map", "/metrics", "//metrics")) {
                RawHttp.Response none = RawHttp.send(secured.port(), "GET", path, Map.of());
                assertThat(none.status()).as(path).isEqualTo(401);
                assertThat(none.header("www-authenticate")).as(path).startsWith("Bearer");
                assertThat(none.header("content-type")).startsWith("application/problem+json");
                assertThat(RawHttp.send(secured.port(), "GET", path, Map.of("Authorization", "Bearer wrong")).status()).as(path).isEqualTo(401);
            }
            assertThat(RawHttp.send(secured.port(), "GET", "/api/articles", Map.of("Authorization", "Bearer s3cret-token-0123456789")).status()).isEqualTo(200);
            assertThat(RawHttp.send(secured.port(), "GET", "/metrics", Map.of("Authorization", "bearer s3cret-token-0123456789")).status()).isEqualTo(200);
            assertThat(RawHttp.send(secured.port(), "GET", "/api/health/live", Map.of()).status()).isEqualTo(200);
            assertThat(RawHttp.send(secured.port(), "GET", "/api/health/ready", Map.of()).status()).isEqualTo(200);
            // The description and its browser hold no data, and a browser cannot send the token to open them.
            assertThat(RawHttp.send(secured.port(), "GET", "/api/openapi.json", Map.of()).status()).isEqualTo(200);
            assertThat(RawHttp.send(secured.port(), "GET", "/api/docs", Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void beyond_loopback_the_api_refuses_to_start_without_a_token_unless_told_to() {
        assertThatThrownBy(() -> ApiSecurity.of("0.0.0.0", null, List.of(), false)).hasMessageContaining("NEWSFLOW_API_TOKEN");
        assertThatThrownBy(() -> ApiSecurity.of("0.0.0.0", "change-me", List.of(), false)).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> ApiSecurity.of("127.0.0.1", "short", List.of(), false)).hasMessageContaining("at least 16");
        assertThat(ApiSecurity.of("0.0.0.0", null, List.of(), true).token()).isNull();
        assertThat(ApiSecurity.of("0.0.0.0", "t".repeat(16), List.of(), false).allowedHosts()).containsOnly("localhost", "127.0.0.1", "::1", "[::1]");
        assertThat(ApiSecurity.of("10.1.2.3", "t".repeat(16), List.of(), false).allowedHosts()).contains("10.1.2.3");
        assertThat(ApiSecurity.of("0.0.0.0", "t".repeat(16), List.of("sink", "News.Example"), false).hostAllowed("news.example:8080")).isTrue();
        assertThat(ApiSecurity.of("0.0.0.0", "t".repeat(16), List.of("*"), false).hostAllowed("anything")).isTrue();
    }
}
