package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.RecordChecks;
import org.newsflow.sink.PostgresTestSupport;
import org.newsflow.sink.RawHttp;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.store.ArticleStore;

/**
 * Properties of the query API's parameters, over generated requests against a real PostgreSQL store (the stricter
 * of the two: it rejects NUL characters, for one). The rule above all: no request, however odd, gets a 5xx.
 */
class SinkApiPropertiesTest {
    static ArticleStore store;
    static SinkApi api;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> ENDPOINTS = List.of("/api/articles", "/api/stats/countries", "/api/stats/people", "/api/stats/events");
    static final List<String> NAMES = List.of("country", "person", "organization", "eventType", "language", "source", "from", "to",
            "limit", "cursor", "view", "bucket", "includeHypothetical");

    @BeforeContainer
    static void start() {
        store = ArticleStore.open(PostgresTestSupport.freshSchemaUrl("sink_api_props_test"));
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            articles.add(TestArticles.article("prop-" + i).published("2022-11-07T0" + i + ":00:00Z").countries("AM")
                    .person("Nikol Pashinian", "AM").event("ASSAULT", "AZ", "AM").build());
        }
        store.upsertArticles(articles);
        api = new SinkApi(store, null, cfg -> {}).start("127.0.0.1", 0);
    }

    @AfterContainer
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** 200 with JSON, or a 4xx problem-details answer naming its status. */
    static void assertWellFormed(int status, String contentType, String body, String request) throws Exception {
        assertThat(status).as(request).isLessThan(500);
        if (status >= 400) {
            assertThat(contentType).as(request).startsWith("application/problem+json");
            JsonNode problem = Json.MAPPER.readTree(body);
            assertThat(problem.get("status").asInt()).as(request).isEqualTo(status);
            assertThat(problem.get("detail").asText()).as(request).isNotBlank();
        } else {
            assertThat(status).as(request).isEqualTo(200);
            assertThat(contentType).as(request).startsWith("application/json");
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> instants = Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(s -> Instant.ofEpochSecond(s).toString());
        Arbitrary<String> dates = Arbitraries.integers().between(-999_999_999, 999_999_999)
                .map(y -> (y > 9999 ? "+" : "") + String.format("%04d", y) + "-12-31");
        Arbitrary<String> numbers = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(30)), new java.math.BigInteger("1" + "0".repeat(30))).map(String::valueOf));
        Arbitrary<String> words = Arbitraries.of("AM", "am", "ASSAULT", "full", "summary", "day", "hour", "true", "maybe", "en",
                "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2022-11-07", "2022-11-07T10:00:00+14:00",
                "MTIzOmFiYw", "OTIyMzM3MjAzNjg1NDc3NTgwNzp4", "LTkyMjMzNzIwMzY4NTQ3NzU4MDg6", "", " ", "\u0000", "%", "'; DROP TABLE articles; --");
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> longText = Arbitraries.strings().alpha().ofMinLength(290).ofMaxLength(320);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, words), net.jqwik.api.Tuple.of(2, instants), net.jqwik.api.Tuple.of(2, dates),
                net.jqwik.api.Tuple.of(2, numbers), net.jqwik.api.Tuple.of(3, anything), net.jqwik.api.Tuple.of(1, longText));
    }

    @Provide
    Arbitrary<Map<String, String>> params() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(NAMES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)));
        return Arbitraries.maps(names, values()).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300)
    void no_generated_query_gets_a_5xx(@ForAll("endpoints") String endpoint, @ForAll("params") Map<String, String> params) throws Exception {
        String request = endpoint + "?" + query(params);
        HttpResponse<String> r = get(request);
        assertWellFormed(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), request);
    }

    @Property(tries = 200)
    void no_time_window_gets_a_5xx(@ForAll("endpoints") String endpoint, @ForAll("values") String from, @ForAll("values") String to)
            throws Exception {
        // The generic property above rarely pairs an extreme time with otherwise valid parameters; this one always does.
        String request = endpoint + "?" + query(Map.of("from", from, "to", to));
        HttpResponse<String> r = get(request);
        assertWellFormed(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), request);
    }

    @Property(tries = 150)
    void no_raw_request_target_gets_a_5xx(@ForAll("endpoints") String endpoint,
                                          @ForAll("rawQueries") String rawQuery) throws Exception {
        // Sent as typed, not re-encoded: broken percent-escapes, stray '%', '+', ';', and so on.
        RawHttp.Response r = RawHttp.send(api.port(), "GET", endpoint + "?" + rawQuery, Map.of());
        assertThat(r.status()).as(rawQuery).isLessThan(500);
    }

    @Property(tries = 80)
    void no_method_on_any_path_gets_a_5xx(@ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
        RawHttp.Response r = RawHttp.send(api.port(), method, path, Map.of());
        assertThat(r.status()).as(method + " " + path).isLessThan(500);
        if (!method.equals("GET") && !method.equals("HEAD") && r.status() == 405) {
            assertThat(r.header("allow")).as(method + " " + path).contains("GET");
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/", "/api", "/api/", "/api/articles", "/api/articles/prop-1", "/api/articles/", "/api/stats/events",
                "/api/health", "/api/health/live", "/api/health/ready", "/metrics", "/api/openapi.json", "/index.html", "/nothing",
                "/api/../metrics", "//api/articles", "/api/articles/%2e%2e", "/api/articles/a%2Fb");
    }

    @Provide
    Arbitrary<String> rawQueries() {
        // Printable ASCII without space and '#' (a request line cannot carry them raw).
        return Arbitraries.strings().withCharRange('!', '~').excludeChars('#').ofMaxLength(60);
    }

    @Property(tries = 100)
    void any_path_id_is_200_404_or_400(@ForAll("ids") String id) throws Exception {
        String request = "/api/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> r = get(request);
        assertWellFormed(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), request);
        if (RecordChecks.validId(id)) {
            assertThat(r.statusCode()).as(request).isIn(200, 404);
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("abcXYZ019-_.:").ofMinLength(1).ofMaxLength(140),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20), Arbitraries.of("prop-1", "prop-4", "..", "."));
    }

    @Property(tries = 150)
    void a_window_inside_the_accepted_range_is_answered_and_an_inverted_one_is_400(
            @ForAll("times") Instant from, @ForAll("times") Instant to) throws Exception {
        HttpResponse<String> r = get("/api/articles?" + query(Map.of("from", from.toString(), "to", to.toString())));
        if (from.isBefore(to)) {
            assertThat(r.statusCode()).as(from + " " + to).isEqualTo(200);
        } else {
            assertThat(r.statusCode()).as(from + " " + to).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(r.body()).get("parameter").asText()).isEqualTo("to");
        }
    }

    @Provide
    Arbitrary<Instant> times() {
        return Arbitraries.longs().between(Params.EARLIEST.getEpochSecond(), Params.LATEST.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Property(tries = 100)
    void a_time_outside_years_1_to_9999_is_400_naming_the_parameter(@ForAll("outside") Instant t, @ForAll boolean asFrom) throws Exception {
        String name = asFrom ? "from" : "to";
        HttpResponse<String> r = get("/api/stats/events?" + query(Map.of(name, t.toString())));
        assertThat(r.statusCode()).as(t.toString()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("parameter").asText()).isEqualTo(name);
    }

    @Provide
    Arbitrary<Instant> outside() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Params.EARLIEST.getEpochSecond() - 1),
                Arbitraries.longs().between(Params.LATEST.getEpochSecond() + 1, Instant.MAX.getEpochSecond())).map(Instant::ofEpochSecond);
    }

    @Property(tries = 100)
    void limit_is_honoured_between_1_and_500_and_400_outside(@ForAll("limits") long limit) throws Exception {
        HttpResponse<String> r = get("/api/articles?limit=" + limit);
        if (limit >= 1 && limit <= 500) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(r.body()).get("items").size()).isLessThanOrEqualTo((int) limit);
        } else {
            assertThat(r.statusCode()).isEqualTo(400);
        }
    }

    @Provide
    Arbitrary<Long> limits() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 600), Arbitraries.longs());
    }

    @Property(tries = 100)
    void a_stats_window_is_answered_up_to_2000_buckets_and_400_beyond(@ForAll("times") Instant from, @ForAll("hours") long hours,
                                                                     @ForAll boolean byDay) throws Exception {
        Instant to = from.plus(Duration.ofHours(hours));
        long buckets = byDay ? (hours + 23) / 24 : hours;
        HttpResponse<String> r = get("/api/stats/countries?" + query(Map.of("from", from.toString(), "to", to.toString(),
                "bucket", byDay ? "day" : "hour")));
        if (to.isAfter(Params.LATEST)) {
            assertThat(r.statusCode()).isEqualTo(400);
        } else {
            assertThat(r.statusCode()).as(from + " +" + hours + "h").isEqualTo(buckets <= 2000 ? 200 : 400);
        }
    }

    @Provide
    Arbitrary<Long> hours() {
        return Arbitraries.longs().between(1, 24 * 4000);
    }
}
