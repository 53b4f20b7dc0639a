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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.sink.api.SinkApi;
import org.newsflow.sink.store.ArticleStore;

/** The dashboard page as the sink serves it: its Content-Security-Policy allows exactly its own inline script. */
class DashboardTest {
    @TempDir
    Path dir;

    @Test
    void the_page_is_served_with_a_policy_that_hashes_its_inline_script_and_style() throws Exception {
        try (ArticleStore store = ArticleStore.open("sqlite:" + dir.resolve("dash.db"));
             SinkApi api = new SinkApi(store, null, Dashboard.staticFiles()).start("127.0.0.1", 0)) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            String script = between(html, "<script>", "</script>");
            String style = between(html, "<style>", "</style>");
            String csp = page.headers().firstValue("content-security-policy").orElseThrow();
            // The browser hashes the element's text exactly as served.
            assertThat(csp).contains("script-src 'self' 'sha256-" + sha256(script) + "'")
                    .contains("style-src 'self' 'sha256-" + sha256(style) + "'")
                    .contains("connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(page.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(page.headers().firstValue("x-frame-options")).contains("DENY");
            // JSON answers keep the strict policy.
            HttpResponse<String> json = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/articles")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.headers().firstValue("content-security-policy").orElseThrow()).startsWith("default-src 'none'");
        }
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        assertThat(start).as(open).isNotNegative();
        return text.substring(start + open.length(), text.indexOf(close, start));
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
