package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.Json;
import picocli.CommandLine;

class ExtractCommandTest {
    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Talks in Washington | Daily Planet</title>
            <link rel="canonical" href="https://example.com/world/talks">
            <meta property="article:published_time" content="2022-11-07T09:30:00Z"><meta name="author" content="Jane Doe"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks in Washington</h1>
            <p>The foreign ministers of Armenia and Azerbaijan met in Washington on Monday, the State Department said, for talks
            hosted by the United States on a peace treaty between the two countries.</p>
            <p>Both sides accused each other of shelling positions along the border overnight, officials said.</p></article>
            <div class="comments"><p>Great news, finally, after all these years of waiting for it to happen.</p></div></body></html>
            """;

    @Test
    void printsOneJsonRecordPerPageAndAnErrorForAPageWithoutArticle(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("talks.html"), PAGE);
        Files.writeString(dir.resolve("index.html"), "<html><body><a href='/a'>A</a></body></html>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Newsflow()).execute("extract", dir.toString());
        } finally {
            System.setOut(saved);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(exit).isEqualTo(1); // one page had no article

        JsonNode index = Json.MAPPER.readTree(lines.get(0));
        assertThat(index.get("file").asText()).endsWith("index.html");
        assertThat(index.get("error").asText()).isNotBlank();

        JsonNode talks = Json.MAPPER.readTree(lines.get(1));
        assertThat(talks.get("file").asText()).endsWith("talks.html");
        assertThat(talks.get("title").asText()).isEqualTo("Talks in Washington");
        assertThat(talks.get("articleBody").asText()).startsWith("The foreign ministers").contains("\n\nBoth sides")
                .doesNotContain("Great news", "Home");
        assertThat(talks.get("publishedAt").asText()).isEqualTo("2022-11-07T09:30:00Z");
        assertThat(talks.get("author").asText()).isEqualTo("Jane Doe");
        assertThat(talks.get("language").asText()).isEqualTo("en");
        assertThat(talks.get("canonicalUrl").asText()).isEqualTo("https://example.com/world/talks");
        assertThat(talks.has("error")).isFalse();
    }
}
