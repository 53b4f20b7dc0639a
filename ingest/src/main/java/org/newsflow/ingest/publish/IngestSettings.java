package org.newsflow.ingest.publish;

import java.util.List;
import org.newsflow.contract.CommonSettings;
import org.newsflow.contract.Setting;
import org.newsflow.ingest.fetch.FetchConfig;
import org.newsflow.ingest.process.NearDuplicateProcessor;
import org.newsflow.ingest.source.InputLimits;

/**
 * Every setting of the ingest service, declared once (see {@link Setting}); {@link IngestConfig} and the feed, fetch,
 * limit and processor configurations read them, the launcher offers the options, the README table is generated
 * from {@link #ALL}. Defaults that belong to a component come from its own {@code defaults()}.
 */
public final class IngestSettings {
    private IngestSettings() {}

    private static final String INGEST = "ingest";

    public static final Setting CLIENT_ID = Setting.of("INGEST_CLIENT_ID", "newsflow-ingest", INGEST, "Kafka client id");
    public static final Setting MAX_BLOCK_MS = Setting.of("INGEST_MAX_BLOCK_MS", "5000", INGEST,
            "longest a send waits for the broker (Kafka `max.block.ms`, default 60 s); also the start-up broker check: no "
                    + "answer in this time is a one-line failure").positive();
    public static final Setting DELIVERY_TIMEOUT_MS = Setting.of("INGEST_DELIVERY_TIMEOUT_MS", "30000", INGEST,
            "longest a record waits for its acknowledgement, retries included (Kafka `delivery.timeout.ms`, default 120 s)").positive();
    public static final Setting DEADLINE_MS = Setting.of("INGEST_DEADLINE_MS", "600000", INGEST,
            "a one-shot ingest stops reading at this deadline and reports what was not delivered (`--deadline SECONDS`)").positive();
    public static final Setting HTTP_HOST = Setting.of("INGEST_HTTP_HOST", "127.0.0.1", INGEST,
            "bind address of the push endpoint, health and metrics of `ingest --serve` (`--listen HOST:PORT`)");
    public static final Setting HTTP_PORT = Setting.of("INGEST_HTTP_PORT", "8085", INGEST,
            "port of `ingest --serve` (0: any free port)").range(0, 65535);
    public static final Setting TOKEN = Setting.of("INGEST_TOKEN", null, INGEST,
            "bearer token for `POST /api/ingest`; required to bind beyond loopback");

    public static final Setting MAX_ARTICLE_BYTES = Setting.of("INGEST_MAX_ARTICLE_BYTES", Integer.toString(InputLimits.DEFAULT_ARTICLE_BYTES),
            INGEST, "largest article (UTF-8 bytes of title + body); see \"Input limits\"").positive();
    public static final Setting MAX_FILE_BYTES = Setting.of("INGEST_MAX_FILE_BYTES", Long.toString(InputLimits.DEFAULT_FILE_BYTES),
            INGEST, "largest input file (.txt, .json)").positive();
    public static final Setting MAX_LINE_BYTES = Setting.of("INGEST_MAX_LINE_BYTES", Integer.toString(InputLimits.DEFAULT_LINE_BYTES),
            INGEST, "largest JSON Lines line").positive();
    public static final Setting MAX_REQUEST_BYTES = Setting.of("INGEST_MAX_REQUEST_BYTES", Long.toString(InputLimits.DEFAULT_REQUEST_BYTES),
            INGEST, "largest `POST /api/ingest` body").positive();
    public static final Setting MAX_DEAD_LETTER_BYTES = Setting.of("INGEST_MAX_DEAD_LETTER_BYTES",
            Integer.toString(InputLimits.DEFAULT_DEAD_LETTER_BYTES), INGEST, "dead-letter payloads are cut to this size").positive();

    public static final Setting LANGUAGE = Setting.of("INGEST_LANGUAGE", "true", INGEST, "run the language processor").bool();
    public static final Setting DEDUP = Setting.of("INGEST_DEDUP", "true", INGEST,
            "run the near-duplicate processor (see docs/dedup.md)").bool();
    public static final Setting DEDUP_THRESHOLD = Setting.of("INGEST_DEDUP_THRESHOLD",
            Double.toString(NearDuplicateProcessor.Config.defaults().threshold()), INGEST,
            "Jaccard estimate from which an article is a near-duplicate");
    public static final Setting DEDUP_SHINGLE_WORDS = Setting.of("INGEST_DEDUP_SHINGLE_WORDS",
            Integer.toString(NearDuplicateProcessor.Config.defaults().shingleWords()), INGEST, "words per shingle").positive();
    public static final Setting DEDUP_CAPACITY = Setting.of("INGEST_DEDUP_CAPACITY",
            Integer.toString(NearDuplicateProcessor.Config.defaults().capacity()), INGEST, "most articles indexed; the oldest go first").positive();
    public static final Setting DEDUP_WINDOW_HOURS = Setting.of("INGEST_DEDUP_WINDOW_HOURS",
            Long.toString(NearDuplicateProcessor.Config.defaults().window().toHours()), INGEST, "how long an article stays indexed").positive();
    public static final Setting DEDUP_MIN_SHINGLES = Setting.of("INGEST_DEDUP_MIN_SHINGLES",
            Integer.toString(NearDuplicateProcessor.Config.defaults().minShingles()), INGEST, "shorter bodies are left alone").range(0, Integer.MAX_VALUE);
    public static final Setting DEDUP_REPLAY = Setting.of("INGEST_DEDUP_REPLAY", "true", INGEST,
            "rebuild the near-duplicate index from the raw topic at start-up").bool();

    public static final Setting FEED_STATE_DIR = Setting.of("FEED_STATE_DIR", "data/feeds", INGEST,
            "where feed state (ETags, seen items) is kept (`--feed-state`)");
    public static final Setting FEED_INTERVAL = Setting.of("FEED_INTERVAL", "5m", INGEST, "default poll interval of a feed (`--feed-interval`)");
    public static final Setting FEED_BACKOFF_INITIAL = Setting.of("FEED_BACKOFF_INITIAL", "1m", INGEST, "first wait after a failed poll");
    public static final Setting FEED_BACKOFF_MAX = Setting.of("FEED_BACKOFF_MAX", "1h", INGEST, "the backoff doubles up to this");
    public static final Setting FEED_THREADS = Setting.of("FEED_THREADS", Integer.toString(org.newsflow.ingest.feed.FeedConfig.defaults(java.nio.file.Path.of("data/feeds")).threads()), INGEST, "feeds polled at the same time").positive();
    public static final Setting FETCH_USER_AGENT = Setting.of("FETCH_USER_AGENT", FetchConfig.defaults().userAgent(), INGEST,
            "User-Agent of feed and page requests");
    public static final Setting FETCH_TIMEOUT_MS = Setting.of("FETCH_TIMEOUT_MS", Long.toString(FetchConfig.defaults().totalTimeout().toMillis()),
            INGEST, "total deadline of one fetch, redirects and body included").positive();
    public static final Setting FETCH_MAX_BYTES = Setting.of("FETCH_MAX_BYTES", Long.toString(FetchConfig.defaults().maxBytes()), INGEST,
            "largest response body, compressed and decompressed").positive();
    public static final Setting FETCH_MAX_REDIRECTS = Setting.of("FETCH_MAX_REDIRECTS", Integer.toString(FetchConfig.defaults().maxRedirects()),
            INGEST, "redirect hops followed").range(0, 100);
    public static final Setting FETCH_HOST_INTERVAL_MS = Setting.of("FETCH_HOST_INTERVAL_MS",
            Long.toString(FetchConfig.defaults().hostInterval().toMillis()), INGEST, "least time between two requests to one host (`--host-interval`)")
            .range(0, Long.MAX_VALUE);

    public static final List<Setting> ALL = List.of(CLIENT_ID, MAX_BLOCK_MS, DELIVERY_TIMEOUT_MS, DEADLINE_MS, HTTP_HOST, HTTP_PORT, TOKEN,
            MAX_ARTICLE_BYTES, MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_REQUEST_BYTES, MAX_DEAD_LETTER_BYTES,
            LANGUAGE, DEDUP, DEDUP_THRESHOLD, DEDUP_SHINGLE_WORDS, DEDUP_CAPACITY, DEDUP_WINDOW_HOURS, DEDUP_MIN_SHINGLES, DEDUP_REPLAY,
            FEED_STATE_DIR, FEED_INTERVAL, FEED_BACKOFF_INITIAL, FEED_BACKOFF_MAX, FEED_THREADS,
            FETCH_USER_AGENT, FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS, FETCH_HOST_INTERVAL_MS);

    /** What {@code newsflow ingest} reads: the common settings and these. */
    public static List<Setting> service() {
        return concat(CommonSettings.ALL, ALL);
    }

    static List<Setting> concat(List<Setting> a, List<Setting> b) {
        List<Setting> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
