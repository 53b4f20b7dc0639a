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
 * @param original the bytes as read (may be empty when there were none, or only the first bytes of oversize input:
 *     a source never needs to hold more than {@link InputLimits#maxDeadLetterBytes()} of an input it rejects)
 * @param error why it was rejected, or null
 * @param originalSize the size of the whole input in bytes ({@code original.length} unless it was cut), so that a
 *     dead letter can say how much of the input it carries
 */
public record SourceItem(String origin, RawArticle article, byte[] original, String error, long originalSize) {
    public SourceItem {
        original = original == null ? new byte[0] : original;
        originalSize = Math.max(originalSize, original.length);
    }

    public SourceItem(String origin, RawArticle article, byte[] original, String error) {
        this(origin, article, original, error, original == null ? 0 : original.length);
    }

    public static SourceItem of(String origin, RawArticle article, byte[] original) {
        return new SourceItem(origin, article, original, null);
    }

    public static SourceItem rejected(String origin, byte[] original, String reason) {
        return new SourceItem(origin, null, original, reason);
    }

    /** A rejection of which only the first bytes are kept; {@code originalSize} is the size of the whole input. */
    public static SourceItem rejected(String origin, byte[] firstBytes, long originalSize, String reason) {
        return new SourceItem(origin, null, firstBytes, reason, originalSize);
    }

    public boolean ok() {
        return article != null;
    }

    /** True when {@link #original} holds only the first bytes of the input. */
    public boolean truncated() {
        return originalSize > original.length;
    }

    public SourceItem withArticle(RawArticle replacement) {
        return new SourceItem(origin, replacement, original, error, originalSize);
    }

    /** The same input, rejected (by a processor or a check after the source) for {@code reason}. */
    public SourceItem reject(String reason) {
        return new SourceItem(origin, null, original, reason, originalSize);
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
