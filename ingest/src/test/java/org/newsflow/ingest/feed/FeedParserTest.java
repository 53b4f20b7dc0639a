package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    private FeedParser.ParsedFeed parse(String name) throws FeedProblem {
        return parser.parse(fixture(name), "application/xml", URI.create("https://feeds.example/" + name));
    }

    @Test
    void rss091WithItsDoctypeAndLatin1() throws Exception {
        var f = parse("rss091.xml");
        assertThat(f.dialect()).isEqualTo("rss_0.91N");
        assertThat(f.language()).isEqualTo("en");
        assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Ferry service resumes after storm");
            assertThat(e.link()).isEqualTo("https://harbour.example/news/ferry-resumes");
            assertThat(e.summary()).isEqualTo("The island ferry sailed again on Tuesday & carried 300 passengers.");
            assertThat(e.id()).isEqualTo(e.link());
        });
    }

    @Test
    void rss092() throws Exception {
        assertThat(parse("rss092.xml").entries()).extracting(FeedEntry::title).containsExactly("Bridge reopens");
    }

    @Test
    void rss10Rdf() throws Exception {
        var e = parse("rss10.rdf").entries().get(0);
        assertThat(e.title()).isEqualTo("Harvest starts early");
        assertThat(e.link()).isEqualTo("https://plains.example/harvest");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
        assertThat(e.author()).isEqualTo("M. Okafor");
    }

    @Test
    void rss20WithoutNamespacesGuidsAndHtmlDescriptions() throws Exception {
        List<FeedEntry> entries = parse("rss20-nons.xml").entries();
        assertThat(entries).hasSize(2);
        FeedEntry first = entries.get(0);
        assertThat(first.id()).isEqualTo("coast-1001");
        assertThat(first.summary()).isEqualTo("The council voted 7 to 2 for a new sea wall.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-27T09:15:00Z"));
        // a permalink guid is the link when there is no <link>
        assertThat(entries.get(1).link()).isEqualTo("https://coast.example/quotas");
    }

    @Test
    void rss20WithContentEncodedDublinCoreAndMediaRss() throws Exception {
        var f = parse("rss20-full.xml");
        assertThat(f.language()).isEqualTo("en");
        FeedEntry e = f.entries().get(0);
        assertThat(e.title()).isEqualTo("Talks on river water end without a deal");
        assertThat(e.author()).isEqualTo("J. Lindqvist");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(e.content()).startsWith("Negotiators from the two upstream provinces").contains("\nThe talks, hosted")
                .doesNotContain("trackView");
        assertThat(e.content().split("\n")).hasSize(3);
        assertThat(e.summary()).isEqualTo("Negotiators met for a third day.");
        assertThat(e.text()).isEqualTo(e.content());
    }

    @Test
    void mediaRssTitleAndDescriptionStandInForMissingOnes() throws Exception {
        FeedEntry e = parse("media-rss.xml").entries().get(0);
        assertThat(e.title()).isEqualTo("Flood rescue on the ring road");
        assertThat(e.summary()).isEqualTo("Firefighters pulled drivers from cars stranded by the flood.");
    }

    @Test
    void atom10WithXmlBaseHtmlTitlesAndXhtmlContent() throws Exception {
        var f = parse("atom10.xml");
        assertThat(f.title()).isEqualTo("Alpen Post");
        FeedEntry pass = f.entries().get(0);
        assertThat(pass.title()).isEqualTo("Pass closed by snow");
        assertThat(pass.link()).isEqualTo("https://alpen.example/news/pass-closed");
        assertThat(pass.id()).isEqualTo("tag:alpen.example,2026:pass-closed");
        assertThat(pass.publishedAt()).isEqualTo(Instant.parse("2026-11-28T06:45:00Z"));
        assertThat(pass.author()).isEqualTo("K. Huber");
        FeedEntry avalanche = f.entries().get(1);
        assertThat(avalanche.content()).isEqualTo("The warning level rose to four of five.");
        assertThat(avalanche.publishedAt()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
    }

    @Test
    void atomWithPrefixedElements() throws Exception {
        FeedEntry e = parse("atom-prefixed.xml").entries().get(0);
        assertThat(e.title()).isEqualTo("Prefixed entry");
        assertThat(e.link()).isEqualTo("https://prefix.example/1");
    }

    @Test
    void malformedXmlHtmlAndEmptyDocumentsAreProblemsWithKinds() {
        assertThatThrownBy(() -> parse("malformed.xml")).isInstanceOf(FeedProblem.class)
                .satisfies(p -> assertThat(((FeedProblem) p).kind()).isEqualTo("malformed_xml"))
                .hasMessageContaining("line");
        assertThatThrownBy(() -> parse("html-as-feed.html")).isInstanceOf(FeedProblem.class)
                .satisfies(p -> assertThat(((FeedProblem) p).kind()).isEqualTo("html_not_feed"));
        assertThatThrownBy(() -> parser.parse(new byte[0], "text/xml", URI.create("https://x.example/")))
                .satisfies(p -> assertThat(((FeedProblem) p).kind()).isEqualTo("empty_document"));
        assertThatThrownBy(() -> parser.parse("<?xml version=\"1.0\"?><catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8), "text/xml",
                URI.create("https://x.example/"))).satisfies(p -> assertThat(((FeedProblem) p).kind()).isEqualTo("not_a_feed"));
    }

    @Test
    void aFeedWithNoItemsParsesToNoEntries() throws Exception {
        assertThat(parse("empty.xml").entries()).isEmpty();
    }

    @Test
    void itemsWithoutLinkOrTitleStillGetAnId() throws Exception {
        List<FeedEntry> e = parse("bad-items.xml").entries();
        assertThat(e).hasSize(4);
        assertThat(e).allSatisfy(x -> assertThat(x.id()).isNotBlank());
        assertThat(e.get(0).link()).isNull();
        assertThat(e.get(0).summary()).startsWith("Text but no link");
        assertThat(e.get(1).text()).isEmpty();
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        var f = parse("xxe.xml");
        String hostname = java.nio.file.Files.exists(java.nio.file.Path.of("/etc/hostname"))
                ? java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip() : "no-such-host-name";
        assertThat(f.entries()).allSatisfy(e -> assertThat(e.title()).doesNotContain(hostname));
    }

    @Test
    void aFeedDeclaredUtf8ButWrittenInWindows1252IsStillRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title><link>https://c.example/</link>"
                + "<description>d</description><item><title>Cr\u00e8me br\u00fbl\u00e9e \u2013 a \u201crecipe\u201d</title><link>https://c.example/1</link></item></channel></rss>";
        var f = parser.parse(xml.getBytes(Charset.forName("windows-1252")), "text/xml; charset=utf-8", URI.create("https://c.example/feed"));
        assertThat(f.entries().get(0).title()).isEqualTo("Cr\u00e8me br\u00fbl\u00e9e \u2013 a \u201crecipe\u201d");
    }
}
