package org.newsflow.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.newsflow.ingest.source.Dates;

/**
 * A plain extractor for pages that mark their article up: the paragraphs of {@code <article>} (or of
 * {@code <main>}, or of the whole body), title from {@code og:title}, {@code <h1>} or {@code <title>}, date from
 * {@code article:published_time} or {@code <time datetime>}. It is the stand-in for the full extractor of the
 * {@code extract} package, which replaces it where the service is assembled.
 */
public final class BasicPageExtractor implements PageExtractor {
    /** Fewer characters of paragraph text than this is a navigation or error page, not an article. */
    private final int minChars;

    public BasicPageExtractor() {
        this(200);
    }

    public BasicPageExtractor(int minChars) {
        this.minChars = minChars;
    }

    @Override
    public Extraction extract(String html, URI url) {
        Document doc = Jsoup.parse(html, url.toString());
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main");
        }
        if (root == null) {
            root = doc.body();
        }
        StringBuilder body = new StringBuilder();
        Elements paragraphs = root.select("p");
        for (Element p : paragraphs) {
            if (p.closest("nav, footer, aside, header, form") != null) {
                continue;
            }
            String text = p.text().strip();
            if (!text.isEmpty()) {
                body.append(body.length() == 0 ? "" : "\n").append(text);
            }
        }
        if (body.length() < minChars) {
            return Extraction.rejected("no article text on the page (" + body.length() + " characters of paragraphs, "
                    + minChars + " needed)");
        }
        String title = meta(doc, "og:title");
        if (title == null) {
            Element h1 = root.selectFirst("h1");
            title = h1 != null ? h1.text() : doc.title();
        }
        Instant published = null;
        String date = meta(doc, "article:published_time");
        if (date == null) {
            Element time = root.selectFirst("time[datetime]");
            date = time == null ? null : time.attr("datetime");
        }
        try {
            published = Dates.parse(date);
        } catch (RuntimeException unreadable) {
            published = null; // a bad date on the page is no reason to lose the article
        }
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        Element author = doc.selectFirst("meta[name=author]");
        return Extraction.article(title == null ? null : title.strip(), body.toString(), published,
                author == null ? null : author.attr("content"),
                lang.isBlank() ? null : lang.split("[-_]")[0].toLowerCase(Locale.ROOT),
                canonical == null ? null : canonical.absUrl("href"));
    }

    private static String meta(Document doc, String property) {
        Element m = doc.selectFirst("meta[property=" + property + "][content]");
        return m == null || m.attr("content").isBlank() ? null : m.attr("content");
    }
}
