package org.newsflow.ingest.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one feed has delivered and how it is doing; saved by {@link FeedStateStore} after each poll. Mutable, and
 * touched by one poll at a time (the scheduler never runs a feed twice at once).
 */
public final class FeedState {
    /** An item already delivered: its article id (for cross-feed duplicates) and when the feed last listed it. */
    public record Seen(String articleId, long lastListedMillis) {}

    public String url;
    /**
     * Where the feed now lives when it answered with only permanent redirects (301/308): polled there from then on,
     * so the old address costs no extra hop (the state stays filed under the list's URL, which is the operator's).
     */
    public String movedTo;
    /** The publisher's last hint of how often the feed changes, in seconds (see {@link PollInterval}), or null. */
    public Long updateHintSeconds;
    public String etag;
    public String lastModified;
    /** Item id (guid, atom:id, link or hash) -> delivery record. */
    public Map<String, Seen> seen = new LinkedHashMap<>();
    /** Item id -> failed attempts to fetch its page (retried on later polls up to a limit). */
    public Map<String, Integer> pending = new LinkedHashMap<>();
    public int consecutiveFailures;
    public int consecutiveGone;
    public boolean gone;
    public Instant lastSuccess;
    /** Backoff: not polled before this (kept across restarts so a restart does not hammer a failing server). */
    public Instant notBefore;

    public FeedState() {}

    public FeedState(String url) {
        this.url = url;
    }

    /** Keeps the {@code max} most recently listed items: items long gone from the feed cannot come back. */
    void prune(int max) {
        if (seen.size() <= max) {
            return;
        }
        Map<String, Seen> kept = new LinkedHashMap<>();
        seen.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Seen> e) -> e.getValue().lastListedMillis()).reversed())
                .limit(max)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        seen = kept;
    }
}
