package org.newsflow.sink.consume;

import java.time.Duration;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.sink.store.StoreUrl;

/**
 * Sink settings, 12-factor (see {@link Settings}: {@code NEWSFLOW_X} environment variables, then {@code newsflow.x}
 * system properties, then the defaults below).
 *
 * @param bootstrapServers {@code BOOTSTRAP_SERVERS}, default localhost:9092
 * @param topics {@code TOPIC_ENRICHED} (consumed) and {@code TOPIC_DLQ} (dead letters)
 * @param groupId {@code SINK_GROUP}, default newsflow-sink
 * @param store {@code SINK_STORE}, default sqlite:./data/newsflow.db (see {@link StoreUrl})
 * @param httpHost {@code SINK_HTTP_HOST}, default 127.0.0.1
 * @param httpPort {@code SINK_HTTP_PORT}, default 8083 (0: any free port)
 * @param httpEnabled {@code SINK_HTTP_ENABLED}, default true
 * @param maxPollRecords {@code SINK_MAX_POLL_RECORDS}, default 2000: the largest batch written in one transaction
 * @param retryInitial {@code SINK_RETRY_INITIAL_MS}, default 200: first wait after a failed write
 * @param retryMax {@code SINK_RETRY_MAX_MS}, default 30000: the backoff doubles up to this
 */
public record SinkConfig(
        String bootstrapServers,
        Topics topics,
        String groupId,
        String store,
        String httpHost,
        int httpPort,
        boolean httpEnabled,
        int maxPollRecords,
        Duration retryInitial,
        Duration retryMax) {

    public static final int DEFAULT_HTTP_PORT = 8083;

    public SinkConfig {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_MAX_POLL_RECORDS must be at least 1");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_HTTP_PORT must be 0..65535");
        }
        StoreUrl.parse(store); // fail early on a bad store URL
    }

    public static SinkConfig from(Settings s) {
        return new SinkConfig(
                s.get("BOOTSTRAP_SERVERS", "localhost:9092"),
                Topics.from(s),
                s.get("SINK_GROUP", "newsflow-sink"),
                s.get("SINK_STORE", StoreUrl.DEFAULT),
                s.get("SINK_HTTP_HOST", "127.0.0.1"),
                s.getInt("SINK_HTTP_PORT", DEFAULT_HTTP_PORT),
                s.getBoolean("SINK_HTTP_ENABLED", true),
                s.getInt("SINK_MAX_POLL_RECORDS", 2000),
                Duration.ofMillis(s.getLong("SINK_RETRY_INITIAL_MS", 200)),
                Duration.ofMillis(s.getLong("SINK_RETRY_MAX_MS", 30_000)));
    }

    public SinkConfig withStore(String store) {
        return new SinkConfig(bootstrapServers, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax);
    }

    public SinkConfig withBootstrapServers(String servers) {
        return new SinkConfig(servers, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax);
    }

    public SinkConfig withGroupId(String group) {
        return new SinkConfig(bootstrapServers, topics, group, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax);
    }

    public SinkConfig withTopics(Topics t) {
        return new SinkConfig(bootstrapServers, t, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax);
    }

    public SinkConfig withHttp(String host, int port, boolean enabled) {
        return new SinkConfig(bootstrapServers, topics, groupId, store, host, port, enabled, maxPollRecords, retryInitial, retryMax);
    }

    public SinkConfig withMaxPollRecords(int max) {
        return new SinkConfig(bootstrapServers, topics, groupId, store, httpHost, httpPort, httpEnabled, max, retryInitial, retryMax);
    }

    public SinkConfig withRetry(Duration initial, Duration max) {
        return new SinkConfig(bootstrapServers, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, initial, max);
    }
}
