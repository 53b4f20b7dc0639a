package org.newsflow.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a news article out of a web page: title, body text, publication time, author, language and canonical URL.
 * Metadata come from what the page declares ({@link MetadataReader}: JSON-LD, Open Graph, {@code <meta>},
 * {@code <link rel=canonical>}, {@code <html lang>}); the body from the page's text ({@link BodyExtractor}: boilerplate
 * cues, paragraph scoring, link density), with a JSON-LD {@code articleBody} as evidence.
 *
 * <p>Thread-safe and stateless: one instance can serve every thread. A page with no article gives an
 * {@link Extraction} with {@code ok() == false} and the reason, for the dead-letter topic.
 *
 * <pre>{@code
 * Extraction e = new ArticleExtractor().extract(html, "https://example.com/news/1");
 * if (e.ok()) publish(e.title(), e.body(), e.publishedAt()); else deadLetter(e.failure());
 * }</pre>
 */
public final class ArticleExtractor {
    /** Bodies shorter than this are not an article (a teaser, a paywall stub, an index page). */
    static final int MIN_BODY_CHARS = 150;
    private static final int MAX_PAGE_BYTES = 16 << 20;

    private final MetadataReader metadata = new MetadataReader();

    /** Extracts from decoded HTML; {@code pageUrl} (may be null) resolves relative URLs. */
    public Extraction extract(String html, String pageUrl) {
        if (html == null || html.isBlank()) {
            return new Extraction(null, "", null, null, null, pageUrl, "empty page");
        }
        return extract(Jsoup.parse(PageText.strip(html), pageUrl == null ? "" : pageUrl), pageUrl);
    }

    /**
     * Extracts from the page's bytes. Gzip is undone when the bytes start with its magic number. The charset is the
     * byte-order mark's, else {@code charsetHint} (the HTTP {@code Content-Type} charset; may be null), else the page's
     * {@code <meta charset>}, else UTF-8.
     */
    public Extraction extract(byte[] page, String charsetHint, String pageUrl) {
        try {
            String html = PageText.decodeStripped(gunzipIfNeeded(page), charsetHint);
            if (html.isBlank()) {
                return new Extraction(null, "", null, null, null, pageUrl, "empty page");
            }
            return extract(Jsoup.parse(html, pageUrl == null ? "" : pageUrl), pageUrl);
        } catch (IOException e) {
            return new Extraction(null, "", null, null, null, pageUrl, "unreadable page: " + e.getMessage());
        }
    }

    /** Extracts from a {@code .html} or {@code .html.gz} file (gzip recognised by content); the charset from the page. */
    public Extraction extract(Path file, String pageUrl) {
        try {
            return extract(Files.readAllBytes(file), null, pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Extraction extract(Document doc, String pageUrl) {
        try {
            return read(doc, pageUrl);
        } catch (RuntimeException | StackOverflowError e) {
            // a page must never stop the collector: it becomes a dead letter with the reason
            return new Extraction(null, "", null, null, null, pageUrl, "extraction failed: " + e);
        }
    }

    private Extraction read(Document doc, String pageUrl) {
        PageMetadata meta = metadata.read(doc, pageUrl);
        BodyExtractor.Result body = new BodyExtractor().extract(doc.body(), meta.title());
        String text = body.text();
        String failure = body.reason();
        String declared = declaredBody(meta.jsonLdBody());
        if (declared != null && preferDeclared(text, declared)) {
            text = declared;
            failure = null;
        }
        if (failure == null && text.length() < MIN_BODY_CHARS) {
            failure = "no article: " + text.length() + " characters of article text (at least " + MIN_BODY_CHARS + " needed)";
        }
        return new Extraction(meta.title(), failure == null ? text : "", meta.publishedAt(), meta.author(), meta.language(),
                meta.canonicalUrl(), failure);
    }

    /** The JSON-LD {@code articleBody} as text (publishers sometimes put HTML in it), or null when too short to matter. */
    private static String declaredBody(String jsonLdBody) {
        if (jsonLdBody == null || jsonLdBody.length() < MIN_BODY_CHARS) {
            return null;
        }
        String text = jsonLdBody.indexOf('<') >= 0
                ? Jsoup.parse(jsonLdBody.replaceAll("(?i)</p>|<br\\s*/?>", "\n\n")).wholeText()
                : org.jsoup.parser.Parser.unescapeEntities(jsonLdBody, false);
        text = Texts.tidy(text.replace("\r\n", "\n").replaceAll("\n", "\n\n"));
        return text.length() < MIN_BODY_CHARS ? null : text;
    }

    /**
     * The page's own JSON-LD article text is evidence, not the answer: it is often a truncated teaser, or carries
     * captions and trailers. It replaces the text read from the page only when the page gave nothing usable (a page
     * rendered by script, whose markup holds no article) or when what the page gave covers less than a third of it
     * while being less than half as long (the scorer picked the wrong block).
     */
    private static boolean preferDeclared(String fromPage, String declared) {
        if (fromPage.length() < MIN_BODY_CHARS) {
            return true;
        }
        if (fromPage.length() * 2 >= declared.length()) {
            return false;
        }
        ShingleScore.Page overlap = ShingleScore.score(declared, fromPage);
        return !Double.isNaN(overlap.recall()) && overlap.recall() < 0.33;
    }

    static byte[] gunzipIfNeeded(byte[] bytes) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes(MAX_PAGE_BYTES + 1);
            if (out.length > MAX_PAGE_BYTES) {
                throw new IOException("page larger than " + MAX_PAGE_BYTES + " bytes after gunzip");
            }
            return out;
        }
    }
}
