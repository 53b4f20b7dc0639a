package org.newsflow.enrich.service;

import java.util.UUID;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;

/**
 * Enrich settings, all overridable by environment ({@code NEWSFLOW_*}).
 *
 * @param bootstrapServers NEWSFLOW_BOOTSTRAP_SERVERS (default 127.0.0.1:9092)
 * @param topics NEWSFLOW_TOPIC_RAW, NEWSFLOW_TOPIC_ENRICHED, NEWSFLOW_TOPIC_DLQ
 * @param groupId NEWSFLOW_ENRICH_GROUP (default newsflow-enrich): all instances share it and split the partitions
 * @param instanceId NEWSFLOW_ENRICH_INSTANCE (default: random): prefix of this instance's transactional ids;
 *     set it to a stable value per replica (e.g. the pod name) so a restarted replica fences its zombie
 * @param threads NEWSFLOW_ENRICH_THREADS (default: number of cores): workers, each a consumer + transactional producer
 * @param maxBatch NEWSFLOW_ENRICH_MAX_BATCH (default 20): records per transaction; bounds latency and redo work after a crash
 */
public record EnrichConfig(String bootstrapServers, Topics topics, String groupId, String instanceId, int threads, int maxBatch) {
    public static EnrichConfig from(Settings settings) {
        return new EnrichConfig(
                settings.get("BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Topics.from(settings),
                settings.get("ENRICH_GROUP", "newsflow-enrich"),
                settings.get("ENRICH_INSTANCE", "enrich-" + UUID.randomUUID().toString().substring(0, 8)),
                settings.getInt("ENRICH_THREADS", Runtime.getRuntime().availableProcessors()),
                settings.getInt("ENRICH_MAX_BATCH", 20));
    }
}
