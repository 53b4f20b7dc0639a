package org.newsflow.ingest.publish;

import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;

/**
 * Ingest settings, all overridable by environment ({@code NEWSFLOW_*}).
 *
 * @param bootstrapServers NEWSFLOW_BOOTSTRAP_SERVERS, default 127.0.0.1:9092
 * @param topics NEWSFLOW_TOPIC_RAW / NEWSFLOW_TOPIC_DLQ
 * @param clientId NEWSFLOW_INGEST_CLIENT_ID, default newsflow-ingest
 */
public record IngestConfig(String bootstrapServers, Topics topics, String clientId) {
    public static IngestConfig from(Settings settings) {
        return new IngestConfig(
                settings.get("BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Topics.from(settings),
                settings.get("INGEST_CLIENT_ID", "newsflow-ingest"));
    }
}
