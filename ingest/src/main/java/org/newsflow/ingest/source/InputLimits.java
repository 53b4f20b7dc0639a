package org.newsflow.ingest.source;

import java.util.List;
import org.newsflow.contract.Setting;
import org.newsflow.contract.Settings;

/**
 * Declared size limits on what ingest reads. Input over a limit is rejected to the dead-letter topic with a reason
 * naming the limit and its setting, and the run goes on; nothing larger than a limit is ever held in memory.
 *
 * <p>Why these defaults: Kafka refuses records over about 1 MB (producer {@code max.request.size} and broker
 * {@code message.max.bytes}), and an enriched record (tags with evidence spans) is about 5x its article, so the
 * article text is capped at 150,000 bytes: its enriched record (~750 KB) still fits. Files and lines may be larger
 * than the article they carry (HTML markup, JSON escaping), hence 4 MB for those; a push request may carry many
 * articles as JSON Lines, hence 16 MB. A dead letter keeps at most 256 KB of the original input, so that it fits
 * Kafka's limit too (its headers say how big the original was).
 *
 * @param maxArticleBytes NEWSFLOW_INGEST_MAX_ARTICLE_BYTES: title + body, UTF-8, after normalisation and HTML to text
 * @param maxFileBytes NEWSFLOW_INGEST_MAX_FILE_BYTES: a {@code .txt} or {@code .json} file (JSON Lines files are
 *     streamed line by line and have no size limit of their own)
 * @param maxLineBytes NEWSFLOW_INGEST_MAX_LINE_BYTES: one line of JSON Lines (file or push request)
 * @param maxRequestBytes NEWSFLOW_INGEST_MAX_REQUEST_BYTES: one HTTP push request body
 * @param maxDeadLetterBytes NEWSFLOW_INGEST_MAX_DEAD_LETTER_BYTES: the original bytes kept in one dead letter
 */
public record InputLimits(int maxArticleBytes, long maxFileBytes, int maxLineBytes, long maxRequestBytes, int maxDeadLetterBytes) {
    public static final int DEFAULT_ARTICLE_BYTES = 150_000;
    public static final long DEFAULT_FILE_BYTES = 4L << 20;
    public static final int DEFAULT_LINE_BYTES = 4 << 20;
    public static final long DEFAULT_REQUEST_BYTES = 16L << 20;
    public static final int DEFAULT_DEAD_LETTER_BYTES = 256 << 10;

    public InputLimits {
        if (maxArticleBytes < 1 || maxFileBytes < 1 || maxLineBytes < 1 || maxRequestBytes < 1 || maxDeadLetterBytes < 0) {
            throw new IllegalArgumentException("input limits must be positive: " + maxArticleBytes + ", " + maxFileBytes
                    + ", " + maxLineBytes + ", " + maxRequestBytes + ", " + maxDeadLetterBytes);
        }
        if (maxDeadLetterBytes > 900_000) {
            throw new IllegalArgumentException("NEWSFLOW_INGEST_MAX_DEAD_LETTER_BYTES " + maxDeadLetterBytes
                    + " is too large: a dead letter must fit Kafka's ~1 MB record limit");
        }
    }

    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_ARTICLE_BYTES, DEFAULT_FILE_BYTES, DEFAULT_LINE_BYTES, DEFAULT_REQUEST_BYTES, DEFAULT_DEAD_LETTER_BYTES);
    }

    public static final Setting MAX_ARTICLE_BYTES = Setting.of("INGEST_MAX_ARTICLE_BYTES", Integer.toString(DEFAULT_ARTICLE_BYTES),
            "ingest", "largest article (UTF-8 bytes of title + body); see \"Input limits\"").positive();
    public static final Setting MAX_FILE_BYTES = Setting.of("INGEST_MAX_FILE_BYTES", Long.toString(DEFAULT_FILE_BYTES),
            "ingest", "largest input file (.txt, .json)").positive();
    public static final Setting MAX_LINE_BYTES = Setting.of("INGEST_MAX_LINE_BYTES", Integer.toString(DEFAULT_LINE_BYTES),
            "ingest", "largest JSON Lines line").positive();
    public static final Setting MAX_REQUEST_BYTES = Setting.of("INGEST_MAX_REQUEST_BYTES", Long.toString(DEFAULT_REQUEST_BYTES),
            "ingest", "largest `POST /api/ingest` body").positive();
    public static final Setting MAX_DEAD_LETTER_BYTES = Setting.of("INGEST_MAX_DEAD_LETTER_BYTES",
            Integer.toString(DEFAULT_DEAD_LETTER_BYTES), "ingest", "dead-letter payloads are cut to this size").positive();
    /** The input limits' settings, in the order of the README table. */
    public static final List<Setting> SETTINGS = List.of(MAX_ARTICLE_BYTES, MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_REQUEST_BYTES,
            MAX_DEAD_LETTER_BYTES);

    public static InputLimits from(Settings settings) {
        return new InputLimits(
                settings.getInt(MAX_ARTICLE_BYTES),
                settings.getLong(MAX_FILE_BYTES),
                settings.getInt(MAX_LINE_BYTES),
                settings.getLong(MAX_REQUEST_BYTES),
                settings.getInt(MAX_DEAD_LETTER_BYTES));
    }

    /** The first {@link #maxDeadLetterBytes} of an input, what a dead letter keeps of it. */
    public byte[] deadLetterCopy(byte[] original) {
        return original.length <= maxDeadLetterBytes ? original : java.util.Arrays.copyOf(original, maxDeadLetterBytes);
    }
}
