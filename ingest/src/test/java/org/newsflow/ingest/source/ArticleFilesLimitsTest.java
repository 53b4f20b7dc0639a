package org.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesLimitsTest {
    @TempDir
    Path tmp;

    private static final InputLimits SMALL = new InputLimits(2_000, 10_000, 5_000, 50_000, 1_000);
    private final ArticleFiles files = new ArticleFiles(SMALL);

    @Test
    void oversizeTextFileIsRejectedFromItsSizeKeepingOnlyItsFirstBytes() throws IOException {
        Path big = tmp.resolve("big.txt");
        Files.write(big, ("Title\n\n" + "word ".repeat(4_000)).getBytes(StandardCharsets.UTF_8));
        List<SourceItem> items = files.read(big);
        assertThat(items).hasSize(1);
        SourceItem item = items.get(0);
        assertThat(item.ok()).isFalse();
        assertThat(item.error()).contains("20007 bytes", "10000", "NEWSFLOW_INGEST_MAX_FILE_BYTES");
        assertThat(item.original()).hasSize(1_000);
        assertThat(item.originalSize()).isEqualTo(20_007);
        assertThat(item.truncated()).isTrue();
        assertThat(item.key()).startsWith("rejected-").doesNotContain(tmp.toString());
    }

    @Test
    void jsonLinesAreStreamedAndAnOversizeOrNonUtf8LineIsRejectedAlone() throws IOException {
        Path file = tmp.resolve("mixed.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"title\": \"one\", \"body\": \"First body.\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(("{\"title\": \"huge\", \"body\": \"" + "x".repeat(8_000) + "\"}\r\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"title\": \"caf".getBytes(StandardCharsets.UTF_8));
            out.write(0xE9); // Latin-1 e-acute: not UTF-8
            out.write("\", \"body\": \"Latin-1 line.\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("\n   \n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"title\": \"two\", \"body\": \"Second body.\"}".getBytes(StandardCharsets.UTF_8)); // no final newline
        }
        List<SourceItem> items = new ArrayList<>();
        files.read(file, items::add);
        assertThat(items).hasSize(4);
        assertThat(items).filteredOn(SourceItem::ok).extracting(i -> i.article().title()).containsExactly("one", "two");
        assertThat(items.get(1).error()).startsWith("line 2 is 8030 bytes, over the limit of 5000");
        assertThat(items.get(1).original()).hasSize(1_000);
        assertThat(items.get(2).error()).startsWith("line 3: " + ArticleFiles.MALFORMED).contains("UTF-8", "byte 14");
        assertThat(items.get(2).original()[14]).isEqualTo((byte) 0xE9);
        assertThat(items.get(3).origin()).endsWith("mixed.jsonl:6");
    }

    @Test
    void articleOverTheArticleLimitIsRejectedWithTheSetting() {
        SourceItem item = files.read("a.json", "t", ("{\"title\": \"t\", \"body\": \"" + "y".repeat(2_500) + "\"}").getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(item.error()).contains("NEWSFLOW_INGEST_MAX_ARTICLE_BYTES", "2501 bytes");
    }

    @Test
    void htmlBodyBecomesParagraphsWithoutScriptsOrStyles() {
        String html = "<html><head><title>x</title><style>p{color:red}</style></head><body>"
                + "<script>var author = 'Vladimir Putin';</script><h1>Floods</h1><p>Rain fell  for <b>days</b>.</p>"
                + "<div>Rescuers<br>searched &amp; found</div><noscript>Enable JavaScript</noscript></body></html>";
        String json = "{\"title\": \"Floods &amp; rain <i>live</i>\", \"body\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(html) + "}";
        var a = files.read("h.json", "t", json.getBytes(StandardCharsets.UTF_8)).get(0).article();
        assertThat(a.body()).isEqualTo("Floods\n\nRain fell for days.\n\nRescuers\nsearched & found");
        assertThat(a.title()).isEqualTo("Floods & rain live");
    }

    @Test
    void textThatOnlyMentionsAngleBracketsIsNotHtml() {
        assertThat(HtmlText.toText("If a < b and c > d, then <3 to all.")).isEqualTo("If a < b and c > d, then <3 to all.");
        assertThat(HtmlText.looksLikeHtml("x <p> y")).isTrue();
        assertThat(HtmlText.looksLikeHtml("<paragraph>")).isFalse();
    }

    @Test
    void markupWithoutTextIsRejected() {
        SourceItem item = files.read("s.json", "t", "{\"body\": \"<script>alert(1)</script>\"}".getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(item.error()).contains("no text outside HTML markup");
    }

    @Test
    void invalidUrlsAreRejectedWithTheReasonNotDropped() {
        for (String url : List.of("not a url", "ftp://example.com/a", "/relative/path", "http://", "javascript:alert(1)")) {
            SourceItem item = files.read("u.json", "t", ("{\"title\": \"t\", \"body\": \"b\", \"url\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8)).get(0);
            assertThat(item.ok()).as(url).isFalse();
            assertThat(item.error()).as(url).startsWith("invalid url");
        }
        var ok = files.read("u.json", "t", "{\"title\": \"t\", \"body\": \"b\", \"url\": \"\"}".getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(ok.article().id()).startsWith("txt-"); // an empty url is no url
    }

    @Test
    void datesOutsideTheSaneRangeAndBadLanguagesAreRejected() {
        String future = Instant.now().plusSeconds(3 * 24 * 3600).toString();
        assertThat(read("{\"body\": \"b\", \"publishedAt\": \"" + future + "\"}").error()).contains("publishedAt", "outside the accepted range");
        assertThat(read("{\"body\": \"b\", \"publishedAt\": \"1066-10-14\"}").error()).contains("outside the accepted range");
        assertThat(read("{\"body\": \"b\", \"publishedAt\": \"+999999999-12-31\"}").error()).contains("publishedAt");
        assertThat(read("{\"body\": \"b\", \"language\": \"english\"}").error()).contains("ISO 639-1");
        assertThat(read("{\"body\": \"b\", \"language\": \"en-US\"}").article().language()).isEqualTo("en");
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformed() {
        assertThat(read("{\"body\": \"b\"} {\"body\": \"c\"}").error()).startsWith(ArticleFiles.MALFORMED);
    }

    private SourceItem read(String json) {
        return files.read("x.json", "t", json.getBytes(StandardCharsets.UTF_8)).get(0);
    }
}
