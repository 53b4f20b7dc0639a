package org.newsflow.sink.consume;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.contract.CommonSettings;
import org.newsflow.contract.Setting;
import org.newsflow.sink.store.StoreUrl;

/**
 * Every setting of the sink, declared once (see {@link Setting}); {@link SinkConfig} and the store read them, the
 * launcher offers the options, the README table is generated from {@link #ALL}.
 */
public final class SinkSettings {
    private SinkSettings() {}

    private static final String SINK = "sink";

    public static final Setting STORE = Setting.of("SINK_STORE", StoreUrl.DEFAULT, SINK,
            "`sqlite:PATH`, `postgresql://user:pw@host:5432/db?currentSchema=s` or a JDBC URL").option("--store");
    public static final Setting GROUP = Setting.of("SINK_GROUP", "newsflow-sink", SINK, "consumer group").option("--group");
    public static final Setting HTTP_HOST = Setting.of("SINK_HTTP_HOST", "127.0.0.1", SINK, "query API bind address").option("--http-host");
    public static final Setting HTTP_PORT = Setting.of("SINK_HTTP_PORT", Integer.toString(SinkConfig.DEFAULT_HTTP_PORT), SINK,
            "query API port (0: any free port)").range(0, 65535).option("--http-port");
    public static final Setting HTTP_ENABLED = Setting.of("SINK_HTTP_ENABLED", "true", SINK, "serve the API, dashboard and metrics")
            .bool().option("--http-enabled");
    public static final Setting MAX_POLL_RECORDS = Setting.of("SINK_MAX_POLL_RECORDS", "2000", SINK,
            "largest batch written in one database transaction").positive();
    public static final Setting RETRY_INITIAL_MS = Setting.of("SINK_RETRY_INITIAL_MS", "200", SINK,
            "first wait after a failed write while the database is unavailable").positive();
    public static final Setting RETRY_MAX_MS = Setting.of("SINK_RETRY_MAX_MS", "30000", SINK, "the backoff doubles up to this").positive();
    public static final Setting WRITERS = Setting.of("SINK_WRITERS", null, SINK, "database connections a batch is written over")
            .shown("2 on PostgreSQL, 1 on SQLite").positive();
    public static final Setting DB_TIMEOUT_MS = Setting.of("SINK_DB_TIMEOUT_MS", "5000", SINK, "connection timeout").positive();
    public static final Setting COPY = Setting.of("SINK_COPY", "true", SINK,
            "PostgreSQL batches with COPY; `false`: the multi-row INSERTs SQLite uses").bool();
    public static final Setting MAX_RECORD_BYTES = Setting.of("SINK_MAX_RECORD_BYTES", Integer.toString(SinkConfig.DEFAULT_MAX_RECORD_BYTES), SINK,
            "larger records are dead-lettered unread").positive();
    public static final Setting MAX_ATTEMPTS = Setting.of("SINK_MAX_ATTEMPTS", "3", SINK,
            "attempts at a write failing with an unexpected error before its record is dead-lettered").positive();
    public static final Setting EXIT_ON_FAILURE = Setting.of("SINK_EXIT_ON_FAILURE", "true", SINK,
            "exit with status 70 when the consumer loop dies, so a supervisor restarts it").bool();
    public static final Setting API_TOKEN = Setting.of("API_TOKEN", null, SINK,
            "bearer token for `/api` and `/metrics` (not the health probes); required when the API is bound beyond loopback");
    public static final Setting HTTP_ALLOWED_HOSTS = Setting.of("SINK_HTTP_ALLOWED_HOSTS", "", SINK,
            "comma-separated `Host` names the API answers to (DNS-rebinding guard; `*`: any); others get 421")
            .shown("loopback + bind address");
    public static final Setting HTTP_ALLOW_ANONYMOUS = Setting.of("SINK_HTTP_ALLOW_ANONYMOUS", "false", SINK,
            "allow the API beyond loopback without a token").bool();
    public static final Setting DASHBOARD_STALL_SECONDS = Setting.of("DASHBOARD_STALL_SECONDS", "60", SINK,
            "the dashboard warns of a stall when records wait this long for a consumer group that does not move").positive();

    public static final List<Setting> ALL = List.of(STORE, GROUP, HTTP_HOST, HTTP_PORT, HTTP_ENABLED, MAX_POLL_RECORDS, RETRY_INITIAL_MS,
            RETRY_MAX_MS, WRITERS, DB_TIMEOUT_MS, COPY, MAX_RECORD_BYTES, MAX_ATTEMPTS, EXIT_ON_FAILURE, API_TOKEN, HTTP_ALLOWED_HOSTS,
            HTTP_ALLOW_ANONYMOUS, DASHBOARD_STALL_SECONDS);

    /** What {@code newsflow sink} reads: the common settings and these. */
    public static List<Setting> service() {
        List<Setting> all = new ArrayList<>(CommonSettings.ALL);
        all.addAll(ALL);
        return List.copyOf(all);
    }
}
