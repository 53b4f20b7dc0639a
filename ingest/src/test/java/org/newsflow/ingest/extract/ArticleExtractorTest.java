package org.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static final String PARAGRAPHS = """
            <p>The foreign ministers of Armenia and Azerbaijan met in Washington on Monday, the State Department said, for talks
            hosted by the United States on a peace treaty between the two countries.</p>
            <p>Both sides accused each other of shelling positions along the border overnight, and the talks began later than
            planned, according to officials who spoke on condition of anonymity.</p>
            <p>Further meetings are expected in Brussels next month, where the European Union has offered to host the leaders,
            the ministers said in a joint statement.</p>
            """;

    private static String page(String head, String body) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head>" + head + "</head><body>" + body + "</body></html>";
    }

    private static final String BOILERPLATE_PAGE = page("<title>Talks in Washington | Daily Planet</title>", """
            <div class="cookie-consent-banner"><p>We use cookies to improve your experience, to show you personalised ads and to
            measure our audience. By continuing to browse, you accept this, as described in our policy.</p><button>Accept</button></div>
            <header class="site-header"><a href="/">Daily Planet</a></header>
            <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <main>
              <article>
                <h1>Talks in Washington</h1>
                <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
                <div class="article-body">""" + PARAGRAPHS + """
                  <div class="advertisement">Advertisement</div>
                  <div class="newsletter-signup"><p>Sign up for our daily newsletter, with the stories you need to know, delivered
                  every morning at seven, free of charge, for every reader who wants it.</p></div>
                </div>
                <div class="related-articles"><h3>Related</h3><ul>
                  <li><a href="/a">Ceasefire holds along the border, officials say, after weeks of clashes</a></li>
                  <li><a href="/b">Ministers to meet again in Brussels for a second round of talks on the treaty</a></li></ul></div>
              </article>
              <section id="comments"><h3>Comments</h3><p>First comment: I think this is great news, really, and I have waited for
              it for years, like many others in the region, who all hope it lasts this time.</p></section>
            </main>
            <footer><p>Copyright 2022 Daily Planet. All rights reserved. Terms of use, privacy policy and cookie settings apply to
            this site and all of its pages, wherever you read them.</p></footer>
            """);

    @Test
    void keepsTheArticleParagraphsAndDropsNavigationCommentsBannersAndRelatedLinks() {
        Extraction e = extractor.extract(BOILERPLATE_PAGE, "https://example.com/world/talks");
        assertThat(e.ok()).isTrue();
        assertThat(e.body()).startsWith("The foreign ministers of Armenia and Azerbaijan met in Washington on Monday")
                .contains("\n\nBoth sides accused each other").endsWith("the ministers said in a joint statement.")
                .doesNotContain("cookies", "Politics", "Share on", "Advertisement", "newsletter", "Ceasefire holds", "First comment",
                        "Copyright", "Talks in Washington");
        assertThat(e.body().split("\n\n")).hasSize(3);
        assertThat(e.title()).isEqualTo("Talks in Washington");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.canonicalUrl()).isEqualTo("https://example.com/world/talks");
    }

    @Test
    void jsonLdComesBeforeOpenGraphAndOpenGraphBeforeTheTitleTag() {
        String head = """
                <title>Old title | Site</title>
                <meta property="og:title" content="OG title">
                <meta property="og:url" content="https://example.com/og-url">
                <meta property="article:published_time" content="2022-11-08T10:00:00+01:00">
                <meta name="author" content="Meta Author">
                <link rel="canonical" href="/world/canonical-path">
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Site"},
                  {"@type": ["NewsArticle"], "headline": "JSON-LD headline", "datePublished": "2022-11-07T09:30:00Z",
                   "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
                   "inLanguage": "fr-FR"}]}
                </script>""";
        Extraction e = extractor.extract(page(head, "<article>" + PARAGRAPHS + "</article>"), "https://example.com/world/x?utm_source=feed");
        assertThat(e.title()).isEqualTo("JSON-LD headline");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2022-11-07T09:30:00Z"));
        assertThat(e.author()).isEqualTo("Jane Doe, John Roe");
        assertThat(e.language()).isEqualTo("fr");
        assertThat(e.canonicalUrl()).isEqualTo("https://example.com/world/canonical-path");
    }

    @Test
    void openGraphAndMetaTagsWhenThereIsNoJsonLd() {
        String head = """
                <title>Old title | Site</title>
                <meta property="og:title" content="OG title">
                <meta property="og:url" content="/og-url">
                <meta property="article:published_time" content="2022-11-08T10:00:00+01:00">
                <meta property="article:author" content="https://example.com/authors/meta">
                <meta name="author" content="Meta Author">
                <script type="application/ld+json">{ broken json </script>""";
        Extraction e = extractor.extract(page(head, "<article>" + PARAGRAPHS + "</article>").replace("lang=\"en-GB\"", ""),
                "https://example.com/world/x");
        assertThat(e.title()).isEqualTo("OG title");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2022-11-08T09:00:00Z"));
        assertThat(e.author()).isEqualTo("Meta Author");
        assertThat(e.language()).isNull();
        assertThat(e.canonicalUrl()).isEqualTo("https://example.com/og-url");
    }

    @Test
    void aPageWrappedInOneFormOrAnArticleHiddenUntilAScriptShowsItIsStillRead() {
        String aspNet = "<form id=\"aspnetForm\"><input type=hidden name=a><input type=hidden name=b><input type=text name=q>"
                + "<div class=\"content\">" + PARAGRAPHS + "</div></form>";
        assertThat(extractor.extract(page("", aspNet), null).body()).startsWith("The foreign ministers of Armenia");
        String hidden = "<div class=\"story\" style=\"display: none\">" + PARAGRAPHS + "</div><div style=\"display:none\"><p>A hidden "
                + "teaser paragraph that nobody sees on the page, and should not be read.</p></div>";
        assertThat(extractor.extract(page("", hidden), null).body()).startsWith("The foreign ministers of Armenia").doesNotContain("teaser");
    }

    @Test
    void aTimeElementAndTheH1WhenThePageDeclaresNothing() {
        String body = "<h1>Plain headline</h1><p class=\"date\"><time datetime=\"2022-11-07\">7 Nov</time></p><div>" + PARAGRAPHS + "</div>";
        Extraction e = extractor.extract(page("<title>Plain headline - Site</title>", body), null);
        assertThat(e.title()).isEqualTo("Plain headline");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2022-11-07T00:00:00Z"));
        assertThat(e.canonicalUrl()).isNull();
        assertThat(e.body()).startsWith("The foreign ministers").doesNotContain("Plain headline", "7 Nov");
    }

    @Test
    void saysWhenThereIsNoArticle() {
        String index = page("<title>Home</title>", """
                <nav><a href="/a">World</a> <a href="/b">Sport</a></nav>
                <ul><li><a href="/1">Ceasefire holds along the border, officials say</a></li>
                <li><a href="/2">Ministers to meet again in Brussels</a></li></ul>
                <p>Subscribe</p>""");
        Extraction e = extractor.extract(index, "https://example.com/");
        assertThat(e.ok()).isFalse();
        assertThat(e.failure()).isNotBlank();
        assertThat(e.body()).isEmpty();
        assertThat(e.title()).isEqualTo("Home");

        assertThat(extractor.extract("", null).failure()).isEqualTo("empty page");
        assertThat(extractor.extract(page("", "<p>Too short to be an article.</p>"), null).ok()).isFalse();
    }

    @Test
    void jsonLdArticleBodyIsUsedWhenThePageMarkupHoldsNoArticle() {
        String head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Talks\", \"articleBody\": "
                + "\"The foreign ministers met in Washington on Monday for talks on a peace treaty.\\nBoth sides accused each other of "
                + "shelling positions along the border overnight, officials said, and the talks began late.\"}</script>";
        Extraction e = extractor.extract(page(head, "<div id=\"app\"></div><script>render()</script>"), null);
        assertThat(e.ok()).isTrue();
        assertThat(e.body()).isEqualTo("The foreign ministers met in Washington on Monday for talks on a peace treaty.\n\n"
                + "Both sides accused each other of shelling positions along the border overnight, officials said, and the talks began late.");
        // when the markup has the article, the markup wins (JSON-LD bodies are often teasers)
        String teaser = head.replace("The foreign ministers met", "Teaser: ministers met");
        assertThat(extractor.extract(page(teaser, "<article>" + PARAGRAPHS + "</article>"), null).body()).startsWith("The foreign ministers of Armenia");
    }

    @Test
    void bytesAreDecodedWithTheBomTheTransportCharsetOrTheMetaCharset() {
        String html = page("<meta charset=\"windows-1252\"><title>Caf\u00e9 na\u00efve</title>",
                "<article>" + PARAGRAPHS.replace("Monday", "lundi \u00e0 midi") + "</article>");
        byte[] latin = html.getBytes(Charset.forName("windows-1252"));
        assertThat(extractor.extract(latin, null, null).title()).isEqualTo("Caf\u00e9 na\u00efve");
        assertThat(extractor.extract(latin, null, null).body()).contains("lundi \u00e0 midi");

        String declaredWrong = html.replace("windows-1252", "utf-8");
        byte[] utf8 = declaredWrong.getBytes(StandardCharsets.UTF_8);
        assertThat(extractor.extract(utf8, null, null).title()).isEqualTo("Caf\u00e9 na\u00efve");
        // the transport's charset wins over the page's meta
        byte[] latinDeclaredUtf8 = declaredWrong.getBytes(Charset.forName("windows-1252"));
        assertThat(extractor.extract(latinDeclaredUtf8, "ISO-8859-1", null).title()).isEqualTo("Caf\u00e9 na\u00efve");
        // a BOM wins over everything
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(extractor.extract(bom, "windows-1252", null).title()).isEqualTo("Caf\u00e9 na\u00efve");
    }

    @Test
    void gzippedPagesAreReadByContent(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(BOILERPLATE_PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("page.html.gz");
        Files.write(file, gz.toByteArray());
        Files.writeString(dir.resolve("page.html"), BOILERPLATE_PAGE);
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        assertThat(HtmlPages.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("page.html", "page.html.gz");
        Extraction e = extractor.extract(file, "https://example.com/world/talks");
        assertThat(e.ok()).isTrue();
        assertThat(e.body()).isEqualTo(extractor.extract(BOILERPLATE_PAGE, "https://example.com/world/talks").body());
    }

    @Test
    void textIsNormalisedLikeTheRestOfIngest() {
        String body = "<article><p>The ministers\u00a0met   in\r\nWashington\u0007 on Monday, officials said, and agreed to meet again, "
                + "in Brussels, next month.</p><p>Cafe\u0301 talks, the second round, are planned for December, the statement said, "
                + "without giving a date.</p><pre>line one\n  line two</pre></article>";
        Extraction e = extractor.extract(page("", body), null);
        assertThat(e.body()).isEqualTo("The ministers met in Washington on Monday, officials said, and agreed to meet again, in Brussels, next month."
                + "\n\nCaf\u00e9 talks, the second round, are planned for December, the statement said, without giving a date.\n\nline one\nline two");
    }

    @Test
    void scriptsStylesAndCommentsAreCutBeforeParsingButJsonLdIsKept() {
        String html = "<html><head><script>var s = '</p><p>not text';</script><STYLE>p{}</style>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\"}</script></head>"
                + "<body><!-- <p>hidden</p> --><svg><text>svg text</text></svg><p>kept</p><script>x</script ></body></html>";
        String stripped = PageText.strip(html);
        assertThat(stripped).doesNotContain("not text", "p{}", "hidden", "svg text", "var s").contains("ld+json", "\"headline\":\"H\"", "<p>kept</p>");
    }

    @Test
    void attributesNobodyReadsAreCutBeforeParsingAndTheRestIsUntouched() {
        String html = "<html lang=\"en\"><head><link rel=\"stylesheet\" href=\"/a.css\"><link rel=\"canonical\" href=\"/story\">"
                + "<script type=\"application/ld+json\">{\"articleBody\":\"<a href='x'>y</a>\"}</script><title a=\"1\">T <b> x</title></head>"
                + "<body><a href=\"/x\" data-track='a>b' class=\"more-link\" onclick=go()>link</a>"
                + "<img src=\"p.jpg\" class=\"hero\" srcset=\"p1.jpg 1x\"><input type=hidden><div id=main style=\"display:none\" hidden>"
                + "<p itemprop=articleBody title=\"t\">text</p></div></body></html>";
        String cut = PageText.strip(html);
        assertThat(cut).doesNotContain("stylesheet", "/a.css", "/x", "data-track", "onclick", "p.jpg", "srcset", "title=\"t\"", "<input")
                .contains("<html lang=\"en\">", "<link rel=\"canonical\" href=\"/story\">", "{\"articleBody\":\"<a href='x'>y</a>\"}",
                        "<title >T <b> x</title>", "class=\"more-link\"", "<img   >", "<div id=main style=\"display:none\" hidden>",
                        "<p itemprop=articleBody >text</p>");
    }

    @Test
    void pageDatesInTheFormsPublishersUse() {
        assertThat(Dates.lenient("2019-11-18T14:05:00.000+0000")).isEqualTo(Instant.parse("2019-11-18T14:05:00Z"));
        assertThat(Dates.lenient("2019-11-18 14:05")).isEqualTo(Instant.parse("2019-11-18T14:05:00Z"));
        assertThat(Dates.lenient("2019-11-18T09:05:00-05:00")).isEqualTo(Instant.parse("2019-11-18T14:05:00Z"));
        assertThat(Dates.lenient("Mon, 18 Nov 2019 14:05:00 GMT")).isEqualTo(Instant.parse("2019-11-18T14:05:00Z"));
        assertThat(Dates.lenient("1574085900")).isEqualTo(Instant.parse("2019-11-18T14:05:00Z"));
        assertThat(Dates.lenient("yesterday")).isNull();
        assertThat(MetadataReader.languageCode("en_US")).isEqualTo("en");
        assertThat(MetadataReader.languageCode("deu")).isEqualTo("de");
        assertThat(MetadataReader.languageCode("English")).isNull();
    }

    @Test
    void deeplyNestedMarkupAndConcurrentUseAreSafe() throws Exception {
        String nested = "<div>".repeat(5000) + PARAGRAPHS + "</div>".repeat(5000);
        Extraction deep = extractor.extract(page("", nested), null);
        assertThat(deep.body()).contains("The foreign ministers of Armenia");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            String expected = extractor.extract(BOILERPLATE_PAGE, null).body();
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> extractor.extract(BOILERPLATE_PAGE, null).body()));
            }
            for (java.util.concurrent.Future<String> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void classNameCues() {
        assertThat(Cues.boilerplate("comments list")).isTrue();
        assertThat(Cues.boilerplate(Cues.names(org.jsoup.Jsoup.parse("<div class='RelatedLinks-list'></div>").selectFirst("div")))).isTrue();
        assertThat(Cues.boilerplate("page builder page row")).isFalse(); // "pager" only starts a word
        assertThat(Cues.boilerplate("article body share")).isFalse(); // the article's own container wins
        assertThat(Cues.boilerplate("ad")).isTrue();
        assertThat(Cues.boilerplate("head")).isFalse();
    }
}
