package org.newsflow.enrich.service;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.contract.CommonSettings;
import org.newsflow.contract.Setting;

/**
 * Every setting of the enrich service, declared once (see {@link Setting}); {@link EnrichConfig} and
 * {@link EnrichService#run} read them, the launcher offers the options, the README table is generated from {@link #ALL}.
 */
public final class EnrichSettings {
    private EnrichSettings() {}

    private static final String ENRICH = "enrich";

    public static final Setting GROUP = Setting.of("ENRICH_GROUP", "newsflow-enrich", ENRICH,
            "consumer group shared by all enrich instances");
    public static final Setting INSTANCE = Setting.of("ENRICH_INSTANCE", null, ENRICH,
            "prefix of transactional ids; set a stable value per replica so a restart fences its predecessor").shown("random");
    public static final Setting THREADS = Setting.of("ENRICH_THREADS", null, ENRICH,
            "worker threads, each a consumer + transactional producer sharing one CoreNLP pipeline").shown("cores")
            .positive().option("--threads");
    public static final Setting MAX_BATCH = Setting.of("ENRICH_MAX_BATCH", "20", ENRICH,
            "records per transaction; bounds latency and redo work after a crash").positive();
    public static final Setting METRICS_HOST = Setting.of("ENRICH_METRICS_HOST", "127.0.0.1", ENRICH,
            "bind address of `/metrics`, `/health/live`, `/health/ready` of `newsflow enrich`");
    public static final Setting METRICS_PORT = Setting.of("ENRICH_METRICS_PORT", "8084", ENRICH,
            "port of the metrics and health endpoints (-1: off)").range(-1, 65535);
    public static final Setting MAX_ARTICLE_BYTES = Setting.of("ENRICH_MAX_ARTICLE_BYTES",
            Integer.toString(EnrichConfig.Limits.DEFAULT_MAX_ARTICLE_BYTES), ENRICH,
            "largest raw record value enrich parses (see \"Enrich limits\")").positive();
    public static final Setting MAX_ARTICLE_CHARS = Setting.of("ENRICH_MAX_ARTICLE_CHARS",
            Integer.toString(EnrichConfig.Limits.DEFAULT_MAX_ARTICLE_CHARS), ENRICH, "largest title + body (UTF-16 chars) enrich tags").positive();
    public static final Setting MAX_RECORD_BYTES = Setting.of("ENRICH_MAX_RECORD_BYTES",
            Integer.toString(EnrichConfig.Limits.DEFAULT_MAX_RECORD_BYTES), ENRICH,
            "largest enriched record (key + value); must fit the enriched topic's `max.message.bytes`").positive();
    public static final Setting TIME_BUDGET_MS = Setting.of("ENRICH_TIME_BUDGET_MS", Long.toString(EnrichConfig.Limits.DEFAULT_TIME_BUDGET_MS),
            ENRICH, "time one article may take to enrich before it is interrupted and dead-lettered").positive();
    public static final Setting GROUP_INSTANCE = Setting.of("ENRICH_GROUP_INSTANCE", null, ENRICH,
            "static `group.instance.id` prefix (worker index appended); `none`: off").shown("`NEWSFLOW_ENRICH_INSTANCE` if set, else off");
    public static final Setting EXIT_ON_WORKER_FAILURE = Setting.of("EXIT_ON_WORKER_FAILURE", "true", ENRICH,
            "`newsflow enrich` exits with status 1 when a worker dies").bool().option("--exit-on-worker-failure");

    public static final List<Setting> ALL = List.of(GROUP, INSTANCE, THREADS, MAX_BATCH, METRICS_HOST, METRICS_PORT, MAX_ARTICLE_BYTES,
            MAX_ARTICLE_CHARS, MAX_RECORD_BYTES, TIME_BUDGET_MS, GROUP_INSTANCE, EXIT_ON_WORKER_FAILURE);

    /** What {@code newsflow enrich} reads: the common settings and these. */
    public static List<Setting> service() {
        List<Setting> all = new ArrayList<>(CommonSettings.ALL);
        all.addAll(ALL);
        return List.copyOf(all);
    }
}
