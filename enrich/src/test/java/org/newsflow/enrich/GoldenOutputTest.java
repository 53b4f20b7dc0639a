package org.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;

/**
 * The enriched records of fixed inputs, byte for byte, against files committed under {@code golden/}: the guard that a
 * restructuring of the taggers changes no output. Inputs: the repository's {@code samples/} and {@code bench/corpus/},
 * the 78 PETR2 validation sentences and every fifteenth LGL article from the shared eval data.
 *
 * <p>{@code enrichedAt} is fixed to the epoch (it is the only field that depends on the clock). To regenerate on
 * purpose, run with {@code -Dnewsflow.golden.update=true} and review the diff of {@code golden/} in the commit.
 */
class GoldenOutputTest {
    private static final boolean UPDATE = Boolean.getBoolean("newsflow.golden.update");
    private static final Instant FIXED = Instant.EPOCH;
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHARED = Path.of(System.getProperty("newsflow.shared", ROOT.resolve("../shared").toString()));
    /** Every fifteenth LGL article: about 40 local-news articles, enough variety while the test stays well under a minute. */
    private static final int LGL_STRIDE = 15;

    @Test
    void repositorySamplesAreEnrichedAsRecorded() throws IOException {
        check("samples.jsonl", articlesIn(ROOT.resolve("samples")));
    }

    @Test
    void benchCorpusIsEnrichedAsRecorded() throws IOException {
        check("bench-corpus.jsonl", articlesIn(ROOT.resolve("bench/corpus")));
    }

    @Test
    void petr2SentencesAreEnrichedAsRecorded() throws IOException {
        Path gold = SHARED.resolve("eval/PETR2_GSR_validation.xml");
        Assumptions.assumeTrue(Files.isRegularFile(gold), "shared eval data not found at " + SHARED);
        check("petr2.jsonl", petr2(gold));
    }

    @Test
    void lglArticlesAreEnrichedAsRecorded() throws IOException {
        Path gold = SHARED.resolve("eval/lgl.xml");
        Assumptions.assumeTrue(Files.isRegularFile(gold), "shared eval data not found at " + SHARED);
        check("lgl.jsonl", lgl(gold));
    }

    private static void check(String name, List<RawArticle> articles) throws IOException {
        assertThat(articles).isNotEmpty();
        List<String> actual = new ArrayList<>();
        for (RawArticle a : articles) {
            actual.add(Json.toString(withoutClock(Enricher.shared().enrich(a))));
        }
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.write(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file; generate with -Dnewsflow.golden.update=true").exists();
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(actual).as("number of records of " + name).hasSize(expected.size());
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                differing.add(articles.get(i).id());
            }
        }
        for (int i = 0; i < actual.size(); i++) {
            // the first differing record as a string comparison, so the report shows where it differs
            assertThat(actual.get(i)).as(name + " record " + i + " (" + differing.size() + " differ: " + differing + ")")
                    .isEqualTo(expected.get(i));
        }
    }

    private static EnrichedArticle withoutClock(EnrichedArticle e) {
        return new EnrichedArticle(e.schemaVersion(), e.id(), e.article(), e.language(), FIXED, e.enricher(), e.countries(),
                e.people(), e.organizations(), e.locations(), e.events(), e.eventCounts(), e.credits(), e.truncated(), e.statements());
    }

    // ------------------------------------------------------------------ inputs (read simply: the same bytes each run)

    private static List<RawArticle> articlesIn(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<RawArticle> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String content = Files.readString(f, StandardCharsets.UTF_8);
            if (name.endsWith(".json")) {
                out.add(fromJson(Json.MAPPER.readTree(content), name));
            } else if (name.endsWith(".jsonl")) {
                for (String line : content.split("\n")) {
                    if (!line.isBlank()) {
                        out.add(fromJson(Json.MAPPER.readTree(line), name));
                    }
                }
            } else if (name.endsWith(".txt")) {
                int nl = content.indexOf('\n');
                out.add(article(null, content.substring(0, Math.max(0, nl)).strip(), content.substring(nl + 1).strip(),
                        null, null, name));
            }
        }
        return out;
    }

    private static RawArticle fromJson(JsonNode n, String origin) {
        String published = text(n, "publishedAt");
        return article(text(n, "url"), text(n, "title"), text(n, "body"), text(n, "language"), instant(published), origin);
    }

    /** "2024-01-29T08:00:00Z", or a bare date taken as midnight UTC. */
    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static RawArticle article(String url, String title, String body, String language, Instant published, String origin) {
        String t = title == null ? "" : title;
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(url, t, body), url, "golden", t, body, language,
                published, FIXED, origin);
    }

    private static final Pattern SENTENCE = Pattern.compile("<Sentence\\b[^>]*\\bdate=\"(\\d{8})\"[^>]*>(.*?)(?=<Sentence\\b|</Sentences>)",
            Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("<Text>(.*?)</Text>", Pattern.DOTALL);

    private static List<RawArticle> petr2(Path file) throws IOException {
        List<RawArticle> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            Matcher t = TEXT.matcher(m.group(2));
            if (t.find()) {
                String d = m.group(1);
                Instant published = Instant.parse(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6) + "T12:00:00Z");
                out.add(article(null, "", t.group(1).trim().replaceAll("\\s*\\n\\s*", " "), "en", published, "petr2"));
            }
        }
        return out;
    }

    private static final Pattern LGL_ARTICLE = Pattern.compile(
            "<article docid=\"(\\d+)\">.*?<title>(.*?)</title>.*?<text><!\\[CDATA\\[(.*?)\\]\\]></text>", Pattern.DOTALL);

    private static List<RawArticle> lgl(Path file) throws IOException {
        List<RawArticle> out = new ArrayList<>();
        Matcher m = LGL_ARTICLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        for (int i = 0; m.find(); i++) {
            if (i % LGL_STRIDE == 0) {
                out.add(article(null, m.group(2), m.group(3), "en", null, "lgl " + m.group(1)));
            }
        }
        return out;
    }
}
