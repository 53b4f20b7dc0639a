package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.newsflow.contract.Json;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.store.ArticleStore;

/** The dashboard's query endpoints over HTTP (the SQL itself runs on both stores in the store contract suite). */
class SinkApiQueryTest {
    @TempDir
    static Path dir;
    static ArticleStore store;
    static SinkApi api;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String DAY = "from=2022-11-07T00:00:00Z&to=2022-11-08T00:00:00Z";

    @BeforeAll
    static void start() {
        store = ArticleStore.open("sqlite:" + dir.resolve("query.db"));
        List<org.newsflow.contract.EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestArticles.Builder b = TestArticles.article("q-" + i).published("2022-11-07T0" + i + ":30:00Z")
                    .countries(i < 3 ? "AM" : "AZ").person(i % 2 == 0 ? "Nikol Pashinyan" : "Ilham Aliyev", i % 2 == 0 ? "AM" : "AZ")
                    .organization("European Union", "EU")
                    .event("ASSAULT", 4, "AZ", null, "AM", null, false).event("CONSULT", 1, "AM", null, "FR", null, false)
                    .title(i == 4 ? "Shelling <script>alert(1)</script> near the border" : "Report " + i)
                    .body(i == 4 ? "Residents said the shelling lasted hours." : "Quiet day " + i + ".");
            if (i == 5) {
                b.duplicateOf("q-4");
            }
            if (i < 3) {
                b.statement(i < 2 ? "016" : "013", i < 2 ? "AZ" : "AM", i == 2);
            }
            articles.add(b.build());
        }
        store.upsertArticles(articles);
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

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    static JsonNode problem(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        return Json.MAPPER.readTree(r.body());
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void articles_take_several_values_name_parts_sort_and_give_the_total() throws Exception {
        JsonNode page = ok("/api/articles?country=am,az&person=PASHINYAN&limit=2&" + DAY);
        assertThat(ids(page)).containsExactly("q-4", "q-2");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("totalCapped").asBoolean()).isFalse();
        assertThat(page.get("next").asText()).isEqualTo(page.get("nextCursor").asText());
        JsonNode rest = ok("/api/articles?country=am,az&person=PASHINYAN&limit=2&" + DAY + "&cursor=" + page.get("next").asText());
        assertThat(ids(rest)).containsExactly("q-0");
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(ids(ok("/api/articles?sort=oldest&limit=2&quadClass=1,2"))).containsExactly("q-0", "q-1");
        assertThat(ids(ok("/api/articles?duplicates=only"))).containsExactly("q-5");
        assertThat(ok("/api/articles?duplicates=only").get("items").get(0).get("duplicateOf").asText()).isEqualTo("q-4");
        assertThat(ids(ok("/api/articles?duplicates=exclude&organization=union&eventType=assault,aid"))).hasSize(5);
    }

    @Test
    void search_gives_snippets_with_highlight_offsets() throws Exception {
        JsonNode page = ok("/api/articles?q=" + URLEncoder.encode("Shelling", StandardCharsets.UTF_8) + "&sort=relevance");
        assertThat(ids(page)).containsExactly("q-4");
        JsonNode item = page.get("items").get(0);
        String snippet = item.get("snippet").asText();
        assertThat(item.get("highlights")).isNotEmpty();
        item.get("highlights").forEach(h ->
                assertThat(snippet.substring(h.get(0).asInt(), h.get(1).asInt())).isEqualToIgnoringCase("shelling"));
        assertThat(item.get("title").asText()).contains("<script>"); // data, as stored: the page inserts it as text
        assertThat(problem("/api/articles?sort=relevance", 400).get("parameter").asText()).isEqualTo("sort");
        assertThat(problem("/api/articles?q=%21%21%21", 400).get("parameter").asText()).isEqualTo("q");
    }

    @Test
    void statements_are_counted_apart_from_events_and_come_with_the_article() throws Exception {
        JsonNode real = ok("/api/stats/statements?" + DAY + "&bucket=day");
        assertThat(real.get("kind").asText()).isEqualTo("statements");
        assertThat(real.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("key").asText()).isEqualTo("016");
            assertThat(item.get("label").asText()).isEqualTo("deny responsibility");
            assertThat(item.get("total").asLong()).isEqualTo(2);
        });
        assertThat(ok("/api/stats/statements?" + DAY + "&bucket=day&includeHypothetical=true").get("items")).hasSize(2);
        assertThat(ok("/api/stats/statements?" + DAY + "&bucket=day&country=AM&includeHypothetical=true").get("items"))
                .singleElement().satisfies(item -> assertThat(item.get("key").asText()).isEqualTo("013"));
        // event filters select articles here: statements have no PLOVER type
        assertThat(ok("/api/stats/statements?" + DAY + "&bucket=day&eventType=ASSAULT").get("items")).hasSize(1);
        // the events' counts do not see them
        List<String> eventKeys = new ArrayList<>();
        ok("/api/stats/events?" + DAY + "&bucket=day").get("items").forEach(i -> eventKeys.add(i.get("key").asText()));
        assertThat(eventKeys).containsExactlyInAnyOrder("ASSAULT", "CONSULT");
        JsonNode detail = ok("/api/articles/q-0");
        assertThat(detail.get("statements").get(0).get("cameoCode").asText()).isEqualTo("016");
        assertThat(detail.get("statements").get(0).get("quadClass").asInt()).isZero();
        assertThat(ok("/api/articles/q-4").has("statements")).isFalse();
    }

    @Test
    void timeline_map_counterparts_organizations_and_people() throws Exception {
        JsonNode timeline = ok("/api/stats/timeline?" + DAY + "&by=eventType");
        assertThat(timeline.get("bucket").asText()).isEqualTo("hour");
        assertThat(timeline.get("series").get(0).get("buckets")).hasSize(24);
        assertThat(timeline.get("series").get(0).get("key").asText()).isEqualTo("ASSAULT");
        assertThat(timeline.get("series").get(0).get("total").asLong()).isEqualTo(5); // the duplicate is not counted
        JsonNode minutes = ok("/api/stats/timeline?from=2022-11-07T00:00:00Z&to=2022-11-07T06:00:00Z");
        assertThat(minutes.get("bucket").asText()).isEqualTo("minute");
        assertThat(minutes.get("series").get(0).get("buckets")).hasSize(360);
        assertThat(ok("/api/stats/timeline?from=2022-10-01&to=2022-11-08").get("bucket").asText()).isEqualTo("day");
        assertThat(problem("/api/stats/timeline?" + DAY + "&bucket=minute", 400).get("parameter").asText()).isEqualTo("bucket");

        JsonNode map = ok("/api/stats/map?" + DAY + "&duplicates=include");
        assertThat(map.get("items").get(0).get("code").asText()).isEqualTo("AM");
        assertThat(map.get("items").get(0).get("articles").asLong()).isEqualTo(3);
        assertThat(map.get("items").get(0).get("events").asLong()).isEqualTo(12);
        assertThat(map.get("items").get(0).get("quadClass").get("4").asLong()).isEqualTo(6);

        JsonNode counterparts = ok("/api/stats/counterparts?country=AM&" + DAY);
        assertThat(counterparts.get("items").get(0).get("code").asText()).isEqualTo("AZ");
        assertThat(counterparts.get("items").get(0).get("byType").get("ASSAULT").asLong()).isEqualTo(5);
        assertThat(problem("/api/stats/counterparts", 400).get("parameter").asText()).isEqualTo("country");

        JsonNode orgs = ok("/api/stats/organizations?" + DAY);
        assertThat(orgs.get("kind").asText()).isEqualTo("organizations");
        assertThat(orgs.get("items").get(0).get("label").asText()).isEqualTo("European Union");

        JsonNode person = ok("/api/people/nikol_pashinyan?" + DAY);
        assertThat(person.get("name").asText()).isEqualTo("Nikol Pashinyan");
        assertThat(person.get("articles").asLong()).isEqualTo(3);
        assertThat(problem("/api/people/nobody_at_all", 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void bad_filters_are_problems_naming_the_parameter() throws Exception {
        assertThat(problem("/api/articles?quadClass=5", 400).get("parameter").asText()).isEqualTo("quadClass");
        assertThat(problem("/api/stats/map?country=ARM", 400).get("parameter").asText()).isEqualTo("country");
        assertThat(problem("/api/stats/timeline?by=people", 400).get("parameter").asText()).isEqualTo("by");
        assertThat(problem("/api/articles?duplicates=maybe", 400).get("parameter").asText()).isEqualTo("duplicates");
        assertThat(problem("/api/stats/nothing", 404).get("status").asInt()).isEqualTo(404);
    }
}
