package org.newsflow.ingest.publish;

import java.nio.file.Path;
import java.util.List;
import org.newsflow.contract.CommonSettings;
import org.newsflow.contract.Setting;
import org.newsflow.ingest.feed.FeedConfig;
import org.newsflow.ingest.fetch.FetchConfig;
import org.newsflow.ingest.process.StandardProcessors;
import org.newsflow.ingest.source.InputLimits;

/**
 * Every setting of the ingest service, declared once (see {@link Setting}): the publisher's here, the input limits'
 * in {@link InputLimits}, the processors' in {@link StandardProcessors} and {@code NearDuplicateProcessor}, and (for
 * now) the feeds' and fetcher's here with their defaults from {@code FeedConfig} and {@code FetchConfig}. {@link #ALL}
 * lists them all: the launcher offers the options, the README table is generated from it.
 */
public final class IngestSettings {
    private IngestSettings() {}

    /** The services that read a setting, for the README table. */
    public static final String INGEST = "ingest";

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

    public static final Setting FEED_STATE_DIR = Setting.of("FEED_STATE_DIR", "data/feeds", INGEST,
            "where feed state (ETags, seen items) is kept (`--feed-state`)");
    public static final Setting FEED_INTERVAL = Setting.of("FEED_INTERVAL", "5m", INGEST, "default poll interval of a feed (`--feed-interval`)");
    public static final Setting FEED_BACKOFF_INITIAL = Setting.of("FEED_BACKOFF_INITIAL", "1m", INGEST, "first wait after a failed poll");
    public static final Setting FEED_BACKOFF_MAX = Setting.of("FEED_BACKOFF_MAX", "1h", INGEST, "the backoff doubles up to this");
    public static final Setting FEED_THREADS = Setting.of("FEED_THREADS",
            Integer.toString(FeedConfig.defaults(Path.of("data/feeds")).threads()), INGEST, "feeds polled at the same time").positive();
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

    /** The publisher's, then the input limits', the processors' and the feeds' and fetcher's. */
    public static final List<Setting> ALL = concat(concat(List.of(CLIENT_ID, MAX_BLOCK_MS, DELIVERY_TIMEOUT_MS, DEADLINE_MS, HTTP_HOST, HTTP_PORT, TOKEN),
            InputLimits.SETTINGS), concat(StandardProcessors.SETTINGS, List.of(FEED_STATE_DIR, FEED_INTERVAL, FEED_BACKOFF_INITIAL,
            FEED_BACKOFF_MAX, FEED_THREADS,
            FETCH_USER_AGENT, FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS, FETCH_HOST_INTERVAL_MS)));

    /** What {@code newsflow ingest} reads: the common settings and these. */
    public static List<Setting> service() {
        return concat(CommonSettings.ALL, ALL);
    }

    public static List<Setting> concat(List<Setting> a, List<Setting> b) {
        List<Setting> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
