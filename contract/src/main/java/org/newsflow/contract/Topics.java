package org.newsflow.contract;

/**
 * Topic names of the contract. Each service reads the actual names from its configuration
 * ({@code NEWSFLOW_TOPIC_RAW}, {@code NEWSFLOW_TOPIC_ENRICHED}, {@code NEWSFLOW_TOPIC_DLQ}); these are the defaults.
 */
public record Topics(String raw, String enriched, String dlq) {
    public static final String RAW = "news.articles.raw";
    public static final String ENRICHED = "news.articles.enriched";
    public static final String DLQ = "news.articles.dlq";

    public static Topics defaults() {
        return new Topics(RAW, ENRICHED, DLQ);
    }

    public static Topics from(Settings settings) {
        return new Topics(
                settings.get(CommonSettings.TOPIC_RAW),
                settings.get(CommonSettings.TOPIC_ENRICHED),
                settings.get(CommonSettings.TOPIC_DLQ));
    }
}
