package org.newsflow.enrich.service;

import java.time.Duration;
import java.util.UUID;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;

/**
 * Enrich settings, read from the declarations in {@link EnrichSettings} (names, defaults and meaning there and in the
 * README's generated table).
 *
 * @param kafka the cluster and pass-through client properties (NEWSFLOW_BOOTSTRAP_SERVERS, NEWSFLOW_KAFKA_*)
 * @param topics NEWSFLOW_TOPIC_RAW, NEWSFLOW_TOPIC_ENRICHED, NEWSFLOW_TOPIC_DLQ
 * @param groupId NEWSFLOW_ENRICH_GROUP (default newsflow-enrich): all instances share it and split the partitions
 * @param instanceId NEWSFLOW_ENRICH_INSTANCE (default: random): prefix of this instance's transactional ids;
 *     set it to a stable value per replica (e.g. the pod name) so a restarted replica fences its zombie
 * @param threads NEWSFLOW_ENRICH_THREADS (default: number of cores): workers, each a consumer + transactional producer
 * @param maxBatch NEWSFLOW_ENRICH_MAX_BATCH (default 20): records per transaction; bounds latency and redo work after a crash
 * @param limits what one record may cost (see {@link Limits})
 * @param groupInstanceId prefix of the consumers' static {@code group.instance.id} (worker index appended), or null for
 *     dynamic membership. NEWSFLOW_ENRICH_GROUP_INSTANCE; defaults to NEWSFLOW_ENRICH_INSTANCE when that is set (a
 *     stable replica name), else off: a random name would leave its partitions stranded for the session timeout
 *     whenever the process goes away for good, because static members do not leave the group on close.
 *     {@code none} turns it off.
 * @param exitOnWorkerFailure NEWSFLOW_EXIT_ON_WORKER_FAILURE (default true): the standalone service exits with status 1
 *     when a worker dies, so a supervisor restarts it; false keeps the process up with {@code /health/live} failing
 */
public record EnrichConfig(KafkaClients kafka, Topics topics, String groupId, String instanceId, int threads, int maxBatch,
        Limits limits, String groupInstanceId, boolean exitOnWorkerFailure) {

    /**
     * What one record may cost. A record over a limit goes to the dead-letter topic with the reason; its partition moves on.
     *
     * @param maxArticleBytes NEWSFLOW_ENRICH_MAX_ARTICLE_BYTES (default 1,000,000): largest raw record value (JSON bytes)
     *     enrich will parse
     * @param maxArticleChars NEWSFLOW_ENRICH_MAX_ARTICLE_CHARS (default 200,000): largest title + body (UTF-16 chars)
     *     enrich will tag; several times the longest real news features, and at ~5x growth the most that can still fit
     *     a 1 MB record once evidence is capped
     * @param maxRecordBytes NEWSFLOW_ENRICH_MAX_RECORD_BYTES (default 1,000,000): largest enriched record (key + value
     *     bytes) enrich publishes. Must fit the enriched topic's {@code max.message.bytes} and the broker's
     *     {@code message.max.bytes} (both about 1 MB by default); the producer's {@code max.request.size} is set to this
     *     plus 64 KiB for headers and batch overhead. A larger record is truncated by {@link RecordFitter}'s rule or
     *     dead-lettered.
     * @param timeBudget NEWSFLOW_ENRICH_TIME_BUDGET_MS (default 60,000): wall-clock time one article may take to enrich;
     *     past it the work is interrupted and the record dead-lettered
     */
    public record Limits(int maxArticleBytes, int maxArticleChars, int maxRecordBytes, Duration timeBudget) {
        public static final int DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;
        public static final int DEFAULT_MAX_ARTICLE_CHARS = 200_000;
        public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;
        public static final long DEFAULT_TIME_BUDGET_MS = 60_000;
        /** Room left in the producer's request for headers and record-batch framing. */
        static final int REQUEST_OVERHEAD_BYTES = 64 * 1024;

        public Limits {
            if (maxArticleBytes <= 0 || maxArticleChars <= 0 || maxRecordBytes <= 0 || timeBudget.isNegative() || timeBudget.isZero()) {
                throw new IllegalArgumentException("enrich limits must be positive: " + this);
            }
        }

        static Limits from(Settings settings) {
            return new Limits(
                    settings.getInt(EnrichSettings.MAX_ARTICLE_BYTES),
                    settings.getInt(EnrichSettings.MAX_ARTICLE_CHARS),
                    settings.getInt(EnrichSettings.MAX_RECORD_BYTES),
                    Duration.ofMillis(settings.getLong(EnrichSettings.TIME_BUDGET_MS)));
        }

        /** The producer's {@code max.request.size}: the record limit plus room for headers and framing. */
        int producerMaxRequestSize() {
            return maxRecordBytes + REQUEST_OVERHEAD_BYTES;
        }
    }

    public static EnrichConfig from(Settings settings) {
        String instance = settings.find(EnrichSettings.INSTANCE).orElse(null);
        String groupInstance = settings.find(EnrichSettings.GROUP_INSTANCE).orElse(instance);
        if (groupInstance != null && groupInstance.equalsIgnoreCase("none")) {
            groupInstance = null;
        }
        return new EnrichConfig(
                KafkaClients.from(settings),
                Topics.from(settings),
                settings.get(EnrichSettings.GROUP),
                instance != null ? instance : "enrich-" + UUID.randomUUID().toString().substring(0, 8),
                settings.find(EnrichSettings.THREADS).map(Integer::parseInt).orElse(Runtime.getRuntime().availableProcessors()),
                settings.getInt(EnrichSettings.MAX_BATCH),
                Limits.from(settings),
                groupInstance,
                settings.getBoolean(EnrichSettings.EXIT_ON_WORKER_FAILURE));
    }

    /** NEWSFLOW_BOOTSTRAP_SERVERS. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The static member id of worker {@code index}, or null for dynamic membership. */
    String groupInstanceId(int index) {
        return groupInstanceId == null ? null : groupInstanceId + "-" + index;
    }

    /**
     * A worker that makes no progress (no poll, no record finished) for this long is reported dead by {@code /health/live}:
     * one article's budget plus room for a commit that waits out a broker failover.
     */
    Duration stallLimit() {
        return limits.timeBudget().plus(Duration.ofMinutes(3));
    }

    /**
     * The consumer's {@code max.poll.interval.ms}: a whole batch must be enriched between polls, so it must exceed
     * maxBatch time budgets, else the group would evict a worker that is slow but within its limits.
     */
    int maxPollIntervalMs() {
        long needed = (long) maxBatch * limits.timeBudget().toMillis() + 60_000;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(300_000, needed));
    }

    /** One line for the log, with any secret redacted (bootstrap servers may carry credentials in URLs). */
    public String describe() {
        return Secrets.redact(String.format(
                "bootstrap=%s raw=%s enriched=%s dlq=%s group=%s instance=%s groupInstance=%s threads=%d maxBatch=%d "
                        + "maxArticleBytes=%d maxArticleChars=%d maxRecordBytes=%d timeBudgetMs=%d exitOnWorkerFailure=%s",
                bootstrapServers(), topics.raw(), topics.enriched(), topics.dlq(), groupId, instanceId,
                groupInstanceId == null ? "off" : groupInstanceId, threads, maxBatch, limits.maxArticleBytes(),
                limits.maxArticleChars(), limits.maxRecordBytes(), limits.timeBudget().toMillis(), exitOnWorkerFailure));
    }
}
