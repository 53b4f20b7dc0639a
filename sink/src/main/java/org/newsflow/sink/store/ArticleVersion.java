package org.newsflow.sink.store;

import java.time.Instant;
import java.util.Objects;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;

/**
 * One version of an enriched article to store: the parsed record plus its JSON text. The sink keeps the bytes it
 * consumed (no re-serialisation, and fields added by a newer enricher are kept); other callers use {@link #of}.
 */
public record ArticleVersion(EnrichedArticle article, String json) {
    public ArticleVersion {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(json, "json");
    }

    public static ArticleVersion of(EnrichedArticle article) {
        return new ArticleVersion(article, Json.toString(article));
    }

    public String id() {
        return article.id();
    }

    /** The version that decides which record wins: enrichedAt in epoch microseconds (0 when absent). */
    public long version() {
        return micros(article.enrichedAt());
    }

    static long micros(Instant t) {
        try {
            return t == null ? 0L : Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        } catch (ArithmeticException e) { // the record's fault (a date no clock produces): a data error, dead-lettered
            throw new StoreException("enrichedAt " + t + " is out of the storable range", true, e);
        }
    }
}
