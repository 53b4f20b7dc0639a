package org.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFilesTest {
    private final ArticleFiles files = new ArticleFiles();

    private List<SourceItem> read(String name, String content) {
        return files.read(name, "test/" + name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textFileTakesTheFirstLineAsTitle() {
        List<SourceItem> items = read("a.txt", "Floods in Italy\r\n\r\nRain fell for days.\r\nRescuers searched.\r\n");
        assertThat(items).hasSize(1);
        var a = items.get(0).article();
        assertThat(a.title()).isEqualTo("Floods in Italy");
        assertThat(a.body()).isEqualTo("Rain fell for days.\nRescuers searched.");
        assertThat(a.id()).startsWith("txt-");
        assertThat(a.origin()).isEqualTo("test/a.txt");
    }

    @Test
    void jsonFileWithMetadata() {
        var a = read("b.json", """
                {"title": "Talks", "body": "Chile and Peru met.", "url": "https://Example.com/x?utm_medium=rss",
                 "source": "Example", "language": "EN", "publishedAt": "2022-11-07"}""").get(0).article();
        assertThat(a.url()).isEqualTo("https://example.com/x");
        assertThat(a.id()).startsWith("url-");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2022-11-07T00:00:00Z"));
        assertThat(a.source()).isEqualTo("Example");
    }

    @Test
    void jsonLinesRejectsBadLinesOneByOne() {
        List<SourceItem> items = read("c.jsonl", """
                {"title": "one", "body": "First body."}
                {"title": "broken"
                {"title": "no body"}
                ["not", "an", "object"]
                {"title": "bad date", "body": "x", "publishedAt": "yesterday"}
                {"title": "two", "body": "Second body."}
                """);
        assertThat(items).hasSize(6);
        assertThat(items).filteredOn(SourceItem::ok).extracting(i -> i.article().title()).containsExactly("one", "two");
        assertThat(items.get(1).error()).isNotBlank();
        assertThat(items.get(1).origin()).isEqualTo("test/c.jsonl:2");
        assertThat(items.get(2).error()).contains("body");
        assertThat(items.get(3).error()).contains("JSON object");
        assertThat(items.get(4).error()).contains("publishedAt");
        assertThat(new String(items.get(1).original(), StandardCharsets.UTF_8)).isEqualTo("{\"title\": \"broken\"");
    }

    @Test
    void invalidUtf8IsRejectedNotGarbled() {
        byte[] latin1 = "Caf\u00e9 opens in S\u00e3o Paulo".getBytes(StandardCharsets.ISO_8859_1);
        List<SourceItem> items = files.read("d.txt", "test/d.txt", latin1);
        assertThat(items.get(0).ok()).isFalse();
        assertThat(items.get(0).error()).contains("UTF-8");
        assertThat(items.get(0).original()).isEqualTo(latin1);
    }

    @Test
    void sameArticleTwiceGetsTheSameId() {
        String id1 = read("e.txt", "Title\n\nBody  text here.").get(0).article().id();
        String id2 = read("f.txt", "Title\n\nBody text here.\n").get(0).article().id();
        assertThat(id1).isEqualTo(id2);
    }

    @Test
    void controlCharactersAndNonBreakingSpacesAreNormalised() {
        var a = read("g.txt", "T\n\nA\u0000B\u00a0C").get(0).article();
        assertThat(a.body()).isEqualTo("AB C");
    }
}
