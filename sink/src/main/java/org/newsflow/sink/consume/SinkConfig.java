package org.newsflow.sink.consume;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.sink.store.StoreUrl;

/**
 * Sink settings, read from the declarations in {@link SinkSettings} (names, defaults and meaning there and in the
 * README's generated table).
 *
 * @param kafka the cluster and pass-through client properties ({@code BOOTSTRAP_SERVERS}, {@code KAFKA_*})
 * @param topics {@code TOPIC_ENRICHED} (consumed) and {@code TOPIC_DLQ} (dead letters)
 * @param groupId {@code SINK_GROUP}, default newsflow-sink
 * @param store {@code SINK_STORE}, default sqlite:./data/newsflow.db (see {@link StoreUrl})
 * @param httpHost {@code SINK_HTTP_HOST}, default 127.0.0.1
 * @param httpPort {@code SINK_HTTP_PORT}, default 8083 (0: any free port)
 * @param httpEnabled {@code SINK_HTTP_ENABLED}, default true
 * @param maxPollRecords {@code SINK_MAX_POLL_RECORDS}, default 2000: the largest batch written in one transaction
 * @param retryInitial {@code SINK_RETRY_INITIAL_MS}, default 200: first wait after a failed write
 * @param retryMax {@code SINK_RETRY_MAX_MS}, default 30000: the backoff doubles up to this
 * @param maxRecordBytes {@code SINK_MAX_RECORD_BYTES}, default 2 MiB: a larger record value is dead-lettered unread
 * @param maxAttempts {@code SINK_MAX_ATTEMPTS}, default 3: attempts at a write that fails with an unexpected error
 *        (not a database outage, which is retried for as long as it lasts) before its record is dead-lettered
 * @param exitOnFailure {@code SINK_EXIT_ON_FAILURE}, default true: the standalone service ({@code newsflow sink}) exits with status 70 when the consumer loop dies, so that a supervisor restarts it;
 *        embedded users (demo, tests) never exit
 * @param apiToken {@code API_TOKEN} (NEWSFLOW_API_TOKEN), default none: when set, {@code /api/**} (except the
 *        liveness and readiness probes) and {@code /metrics} need {@code Authorization: Bearer <token>}
 * @param allowedHosts {@code SINK_HTTP_ALLOWED_HOSTS}, comma-separated host names the API answers to (Host header,
 *        port ignored); empty: localhost, 127.0.0.1, ::1 and the bind address. {@code *} allows any host
 * @param allowAnonymous {@code SINK_HTTP_ALLOW_ANONYMOUS}, default false: the API refuses to start bound beyond
 *        loopback without a token unless this is true
 */
public record SinkConfig(
        KafkaClients kafka,
        Topics topics,
        String groupId,
        String store,
        String httpHost,
        int httpPort,
        boolean httpEnabled,
        int maxPollRecords,
        Duration retryInitial,
        Duration retryMax,
        int maxRecordBytes,
        int maxAttempts,
        boolean exitOnFailure,
        String apiToken,
        List<String> allowedHosts,
        boolean allowAnonymous) {

    public static final int DEFAULT_HTTP_PORT = 8083;
    public static final int DEFAULT_MAX_RECORD_BYTES = 2 * 1024 * 1024;

    public SinkConfig {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_MAX_POLL_RECORDS must be at least 1");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_HTTP_PORT must be 0..65535");
        }
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_MAX_RECORD_BYTES must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_MAX_ATTEMPTS must be at least 1");
        }
        if (apiToken != null && apiToken.isBlank()) {
            apiToken = null;
        }
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        StoreUrl.parse(store); // fail early on a bad store URL
    }

    public static SinkConfig from(Settings s) {
        return new SinkConfig(
                KafkaClients.from(s),
                Topics.from(s),
                s.get(SinkSettings.GROUP),
                s.get(SinkSettings.STORE),
                s.get(SinkSettings.HTTP_HOST),
                s.getInt(SinkSettings.HTTP_PORT),
                s.getBoolean(SinkSettings.HTTP_ENABLED),
                s.getInt(SinkSettings.MAX_POLL_RECORDS),
                Duration.ofMillis(s.getLong(SinkSettings.RETRY_INITIAL_MS)),
                Duration.ofMillis(s.getLong(SinkSettings.RETRY_MAX_MS)),
                s.getInt(SinkSettings.MAX_RECORD_BYTES),
                s.getInt(SinkSettings.MAX_ATTEMPTS),
                s.getBoolean(SinkSettings.EXIT_ON_FAILURE),
                s.get(SinkSettings.API_TOKEN),
                hosts(s.get(SinkSettings.HTTP_ALLOWED_HOSTS)),
                s.getBoolean(SinkSettings.HTTP_ALLOW_ANONYMOUS));
    }

    /** {@code BOOTSTRAP_SERVERS}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static List<String> hosts(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    public SinkConfig withStore(String store) {
        return new SinkConfig(kafka, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withBootstrapServers(String servers) {
        return new SinkConfig(kafka.withBootstrapServers(servers), topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withGroupId(String group) {
        return new SinkConfig(kafka, topics, group, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withTopics(Topics t) {
        return new SinkConfig(kafka, t, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withHttp(String host, int port, boolean enabled) {
        return new SinkConfig(kafka, topics, groupId, store, host, port, enabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withMaxPollRecords(int max) {
        return new SinkConfig(kafka, topics, groupId, store, httpHost, httpPort, httpEnabled, max, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withRetry(Duration initial, Duration max) {
        return new SinkConfig(kafka, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, initial, max,
                maxRecordBytes, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withMaxRecordBytes(int max) {
        return new SinkConfig(kafka, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                max, maxAttempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withMaxAttempts(int attempts) {
        return new SinkConfig(kafka, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, attempts, exitOnFailure, apiToken, allowedHosts, allowAnonymous);
    }

    public SinkConfig withApiSecurity(String token, List<String> hosts, boolean anonymous) {
        return new SinkConfig(kafka, topics, groupId, store, httpHost, httpPort, httpEnabled, maxPollRecords, retryInitial, retryMax,
                maxRecordBytes, maxAttempts, exitOnFailure, token, hosts, anonymous);
    }

    /** The settings the query API needs. */
    public org.newsflow.sink.api.ApiSecurity apiSecurity() {
        return org.newsflow.sink.api.ApiSecurity.of(httpHost, apiToken, allowedHosts, allowAnonymous);
    }

    @Override
    public String toString() { // never the token
        return "SinkConfig[kafka=" + kafka + ", topics=" + topics + ", groupId=" + groupId
                + ", store=" + org.newsflow.contract.Secrets.redact(store) + ", http=" + httpHost + ":" + httpPort
                + (httpEnabled ? "" : " (off)") + ", apiToken=" + (apiToken == null ? "none" : "set") + "]";
    }
}
