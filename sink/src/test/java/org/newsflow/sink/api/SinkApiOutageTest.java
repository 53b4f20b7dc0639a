package org.newsflow.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Json;
import org.newsflow.sink.PostgresTestSupport;
import org.newsflow.sink.TcpProxy;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.store.ArticleStore;

/** The API over a real PostgreSQL that goes away (a TCP proxy in between is cut): 503, not 500, and back to 200. */
class SinkApiOutageTest {
    static final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void clear() {
        System.clearProperty("newsflow.sink.db.timeout.ms");
    }

    static HttpResponse<String> get(SinkApi api, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_database_outage_is_503_with_retry_after_and_readiness_fails_while_liveness_holds() throws Exception {
        String url = PostgresTestSupport.freshSchemaUrl("sink_api_outage_test");
        System.setProperty("newsflow.sink.db.timeout.ms", "1000"); // a pooled connection is waited for 1 s, not 5
        int pgPort = Integer.parseInt(PostgresTestSupport.HOST.substring(PostgresTestSupport.HOST.indexOf(':') + 1));
        try (TcpProxy proxy = new TcpProxy(pgPort);
             ArticleStore store = ArticleStore.open(url.replace(PostgresTestSupport.HOST, "127.0.0.1:" + proxy.port()));
             SinkApi api = new SinkApi(store, null, cfg -> {}).start("127.0.0.1", 0)) {
            store.upsertArticles(List.of(TestArticles.article("pg-api-1").countries("AM").build()));
            assertThat(get(api, "/api/articles?country=AM").statusCode()).isEqualTo(200);
            assertThat(get(api, "/api/health/ready").statusCode()).isEqualTo(200);

            proxy.down();
            for (String path : List.of("/api/articles?country=AM", "/api/articles/pg-api-1", "/api/stats/countries")) {
                HttpResponse<String> r = get(api, path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("retry-after")).as(path).isPresent();
                assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
                JsonNode body = Json.MAPPER.readTree(r.body());
                assertThat(body.get("status").asInt()).isEqualTo(503);
                // Nothing about the driver or the database in the answer: that goes to the log, redacted.
                assertThat(r.body()).doesNotContain("Exception", "postgres", "jdbc");
            }
            Thread.sleep(1_100); // past the one-second cache of the store ping
            HttpResponse<String> ready = get(api, "/api/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(Json.MAPPER.readTree(ready.body()).get("components").get("store").get("status").asText()).isEqualTo("NOT_READY");
            assertThat(get(api, "/api/health/live").statusCode()).isEqualTo(200); // a restart would not bring the database back

            proxy.up();
            long deadline = System.currentTimeMillis() + 20_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline && (status = get(api, "/api/articles?country=AM").statusCode()) != 200) {
                Thread.sleep(200);
            }
            assertThat(status).isEqualTo(200);
        }
    }
}
