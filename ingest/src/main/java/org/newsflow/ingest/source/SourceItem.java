package org.newsflow.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.newsflow.contract.RawArticle;

/**
 * One thing a source read: an article, or an input it rejected, with the reason and the original bytes so that
 * the rejection can go to the dead-letter topic untouched.
 *
 * @param origin where it came from (file and line, feed URL, page URL, push request), for logs and provenance
 * @param article the article, or null when rejected
 * @param original the bytes as read (may be empty when there were none, or capped for oversize input)
 * @param error why it was rejected, or null
 */
public record SourceItem(String origin, RawArticle article, byte[] original, String error) {
    public SourceItem {
        original = original == null ? new byte[0] : original;
    }

    public static SourceItem of(String origin, RawArticle article, byte[] original) {
        return new SourceItem(origin, article, original, null);
    }

    public static SourceItem rejected(String origin, byte[] original, String reason) {
        return new SourceItem(origin, null, original, reason);
    }

    public boolean ok() {
        return article != null;
    }

    public SourceItem withArticle(RawArticle replacement) {
        return new SourceItem(origin, replacement, original, error);
    }

    /**
     * The Kafka key: the article id, or for a rejected input a hash of its original bytes ("rejected-" + 32 hex),
     * never a local path, so that the same bad input keyed twice lands on one partition and nothing about the
     * host leaks into the topic.
     */
    public String key() {
        if (article != null) {
            return article.id();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(original.length > 0 ? original : origin.getBytes(StandardCharsets.UTF_8));
            return "rejected-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
