package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
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
        assertThat(json(missing).get("error").asText()).isEqualTo("not_found");
        assertThat(json(missing).get("message").asText()).contains("nope");
        assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
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
                new Case("/api/stats/events?includeHypothetical=maybe", "includeHypothetical", "true or false"))) {
            HttpResponse<String> r = get(c.query());
            assertThat(r.statusCode()).as(c.query()).isEqualTo(400);
            JsonNode body = json(r);
            assertThat(body.get("error").asText()).isEqualTo("bad_request");
            assertThat(body.get("parameter").asText()).as(c.query()).isEqualTo(c.parameter());
            assertThat(body.get("message").asText()).as(c.query()).contains(c.says());
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
        assertThat(json(get("/api/health")).get("articles").asLong()).isEqualTo(7);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    }
}
