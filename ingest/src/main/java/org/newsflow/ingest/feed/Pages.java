package org.newsflow.ingest.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.RecordChecks;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.fetch.Fetcher;
import org.newsflow.ingest.fetch.MediaTypes;
import org.newsflow.ingest.fetch.Outcome;
import org.newsflow.ingest.fetch.TextDecoder;
import org.newsflow.ingest.source.SourceItem;
import org.newsflow.ingest.source.TextNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one article page and turns it into a raw article through the {@link PageExtractor}, or into a rejection
 * with the reason; shared by the feed source (items that carry only a summary) and the page source
 * ({@code newsflow ingest URL}).
 */
public final class Pages {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    /** Dead letters carry at most this much of the original bytes: Kafka's default record limit is ~1 MB. */
    static final int MAX_ORIGINAL_BYTES = 256 * 1024;

    /**
     * The result of one page: an item to deliver (article or rejection), or a transient failure worth retrying later.
     *
     * @param item the article or rejection; null when {@code retry}
     * @param retry true for a failure that may pass (timeout, 5xx, 429, network)
     * @param fetch the fetch behind it
     */
    public record PageResult(SourceItem item, boolean retry, FetchResult fetch) {}

    private final Fetcher fetcher;
    private final PageExtractor extractor;
    private final FeedMetrics metrics;
    private final int maxBodyChars;
    private final TextNormaliser normaliser = new TextNormaliser();

    public Pages(Fetcher fetcher, PageExtractor extractor, FeedMetrics metrics, int maxBodyChars) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.metrics = metrics;
        this.maxBodyChars = maxBodyChars;
    }

    /**
     * Fetches and extracts one page.
     *
     * @param source metric tag (feed title, or "pages")
     * @param entry the feed item the link came from, for fallbacks (title, date, language), or null
     */
    public PageResult fetch(URI url, String source, FeedEntry entry, BooleanSupplier stopped) {
        FetchResult r = fetcher.fetch(url, Fetcher.Purpose.PAGE, Fetcher.Conditional.NONE, stopped);
        metrics.fetched(source, "page", r.outcome().tag());
        String origin = url.toString();
        if (!r.ok()) {
            metrics.failed(source, "page", r.outcome().tag());
            LOG.warn("page {} ({}): {}", url, source, r);
            if (r.outcome().transientFailure()) {
                return new PageResult(null, true, r);
            }
            return new PageResult(SourceItem.rejected(origin, new byte[0], "page " + r), false, r);
        }
        metrics.succeeded(source, Instant.now());
        if (!MediaTypes.htmlOrUnknown(r.contentType())) {
            metrics.failed(source, "page", "not_html");
            LOG.warn("page {} ({}): not HTML but {}", url, source, r.mediaType());
            return new PageResult(SourceItem.rejected(origin, cap(r.body()), "page " + r.uri() + " is not HTML (Content-Type "
                    + r.contentType() + ")"), false, r);
        }
        TextDecoder.Decoded html = TextDecoder.decode(r.body(), r.contentType(), TextDecoder.Kind.HTML);
        if (html.corrected()) {
            metrics.failed(source, "page", "charset_corrected");
            LOG.info("page {}: declared charset was wrong, read as {}", url, html.charset());
        }
        PageExtractor.Extraction x;
        try {
            x = extractor.extract(html.text(), r.uri());
        } catch (RuntimeException e) {
            x = PageExtractor.Extraction.rejected("extractor failed: " + e);
        }
        if (!x.ok()) {
            metrics.failed(source, "page", "no_article");
            LOG.warn("page {} ({}): no article: {}", url, source, x.rejection());
            return new PageResult(SourceItem.rejected(origin, cap(r.body()), "no article on page " + r.uri() + ": " + x.rejection()), false, r);
        }
        String link = usableCanonical(x.canonicalUrl()) ? x.canonicalUrl() : r.uri().toString();
        String title = x.title() != null && !x.title().isBlank() ? x.title() : entry == null ? "" : entry.title();
        Instant published = x.publishedAt() != null ? x.publishedAt() : entry == null ? null : entry.publishedAt();
        String language = x.language() != null ? x.language() : entry == null ? null : entry.language();
        SourceItem item = build(origin, link, source, title, x.body(), language, published, cap(r.body()));
        return new PageResult(item, false, r);
    }

    /**
     * A raw article, or a rejection when its body is empty or over the cap. Text is normalised like every other
     * source's; an impossible date (before 1800, days in the future) is dropped rather than the article.
     */
    SourceItem build(String origin, String url, String source, String title, String body, String language, Instant publishedAt, byte[] original) {
        String text = normaliser.normalise(body == null ? "" : body).strip();
        if (text.isEmpty()) {
            return SourceItem.rejected(origin, original, "article body is empty");
        }
        if (text.length() > maxBodyChars) {
            return SourceItem.rejected(origin, original, "article body of " + text.length() + " characters exceeds the cap of " + maxBodyChars);
        }
        Instant now = Instant.now();
        Instant published = RecordChecks.saneTime(publishedAt, now) ? publishedAt : null;
        String cleanTitle = normaliser.normalise(title == null ? "" : title).replace('\n', ' ').strip();
        String canonical = ArticleIds.canonicalUrl(url).orElse(null);
        RawArticle a = new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(url, cleanTitle, text), canonical, source, cleanTitle, text,
                language == null ? null : language.toLowerCase(Locale.ROOT), published, now, origin);
        return SourceItem.of(origin, a, original);
    }

    /** Canonical links that point at a site's front page are a common CMS mistake: such a link names no article. */
    private static boolean usableCanonical(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return u.getHost() != null && u.getRawPath() != null && u.getRawPath().length() > 1
                    && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] cap(byte[] bytes) {
        return bytes.length <= MAX_ORIGINAL_BYTES ? bytes : Arrays.copyOf(bytes, MAX_ORIGINAL_BYTES);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** For logs: whether an outcome means the robots rules said no. */
    static boolean robots(FetchResult r) {
        return r.outcome() == Outcome.ROBOTS_DISALLOWED;
    }

    /** The article with the feed's publisher as its source (a page's own metadata do not name one reliably). */
    static org.newsflow.contract.RawArticle withPublisher(org.newsflow.contract.RawArticle a, String publisher) {
        return new org.newsflow.contract.RawArticle(a.schemaVersion(), a.id(), a.url(), publisher, a.title(), a.body(), a.language(),
                a.publishedAt(), a.ingestedAt(), a.origin());
    }
}
