package org.newsflow.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One feed to follow.
 *
 * @param url the feed URL
 * @param title a name for logs and the {@code source} metric tag (OPML title, else host + path)
 * @param interval how often to poll it, or null for the collector's default
 */
public record FeedSubscription(URI url, String title, Duration interval) {
    public FeedSubscription {
        Objects.requireNonNull(url, "url");
        if (title == null || title.isBlank()) {
            title = url.getHost() + (url.getRawPath() == null ? "" : url.getRawPath());
        }
    }

    public static FeedSubscription of(String url) {
        return new FeedSubscription(URI.create(url), null, null);
    }

    /** "15m", "30s", "2h", "1d", "500ms" or ISO-8601 ("PT5M"). */
    public static Duration parseInterval(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        if (split == 0) {
            throw new IllegalArgumentException("not an interval: '" + text + "' (try 30s, 15m, 2h)");
        }
        double n = Double.parseDouble(t.substring(0, split));
        long millis = switch (t.substring(split)) {
            case "ms" -> Math.round(n);
            case "s", "" -> Math.round(n * 1000);
            case "m", "min" -> Math.round(n * 60_000);
            case "h" -> Math.round(n * 3_600_000);
            case "d" -> Math.round(n * 86_400_000);
            default -> throw new IllegalArgumentException("not an interval: '" + text + "' (try 30s, 15m, 2h)");
        };
        if (millis <= 0) {
            throw new IllegalArgumentException("interval must be positive: '" + text + "'");
        }
        return Duration.ofMillis(millis);
    }
}
