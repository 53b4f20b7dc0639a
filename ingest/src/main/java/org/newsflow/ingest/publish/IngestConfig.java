package org.newsflow.ingest.publish;

import java.time.Duration;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.source.InputLimits;

/**
 * Ingest settings, read from the declarations in {@link IngestSettings} (names, defaults and meaning there and in the
 * README's generated table).
 *
 * @param kafka the cluster and pass-through client properties (NEWSFLOW_BOOTSTRAP_SERVERS, NEWSFLOW_KAFKA_*)
 * @param topics NEWSFLOW_TOPIC_RAW / NEWSFLOW_TOPIC_DLQ
 * @param clientId NEWSFLOW_INGEST_CLIENT_ID
 * @param limits the NEWSFLOW_INGEST_MAX_* input limits ({@link InputLimits})
 * @param maxBlock NEWSFLOW_INGEST_MAX_BLOCK_MS: the longest a send waits for metadata or buffer space (Kafka's
 *     {@code max.block.ms}, default 60 s, which made an unreachable broker cost a minute per article); also the time
 *     the broker check at start gives the cluster to answer
 * @param deliveryTimeout NEWSFLOW_INGEST_DELIVERY_TIMEOUT_MS: Kafka's {@code delivery.timeout.ms}
 * @param deadline NEWSFLOW_INGEST_DEADLINE_MS: a one-shot ingest stops reading at this deadline
 * @param httpHost NEWSFLOW_INGEST_HTTP_HOST: bind address of the push endpoint, health, metrics
 * @param httpPort NEWSFLOW_INGEST_HTTP_PORT (0: any free port)
 * @param token NEWSFLOW_INGEST_TOKEN, default none: bearer token required by {@code POST /api/ingest}; required when
 *     the server binds beyond loopback
 */
public record IngestConfig(KafkaClients kafka, Topics topics, String clientId, InputLimits limits, Duration maxBlock,
        Duration deliveryTimeout, Duration deadline, String httpHost, int httpPort, String token) {

    /** The declared defaults, against this cluster, with these topics and client id (tests, embedded use). */
    public IngestConfig(String bootstrapServers, Topics topics, String clientId) {
        this(from(Settings.of(java.util.Map.of())), KafkaClients.of(bootstrapServers), topics, clientId);
    }

    private IngestConfig(IngestConfig d, KafkaClients kafka, Topics topics, String clientId) {
        this(kafka, topics, clientId, d.limits, d.maxBlock, d.deliveryTimeout, d.deadline, d.httpHost, d.httpPort, d.token);
    }

    public static IngestConfig from(Settings settings) {
        return new IngestConfig(
                KafkaClients.from(settings),
                Topics.from(settings),
                settings.get(IngestSettings.CLIENT_ID),
                InputLimits.from(settings),
                Duration.ofMillis(settings.getLong(IngestSettings.MAX_BLOCK_MS)),
                Duration.ofMillis(settings.getLong(IngestSettings.DELIVERY_TIMEOUT_MS)),
                Duration.ofMillis(settings.getLong(IngestSettings.DEADLINE_MS)),
                settings.get(IngestSettings.HTTP_HOST),
                settings.getInt(IngestSettings.HTTP_PORT),
                settings.find(IngestSettings.TOKEN).orElse(null));
    }

    /** NEWSFLOW_BOOTSTRAP_SERVERS. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public IngestConfig withHttp(String host, int port) {
        return new IngestConfig(kafka, topics, clientId, limits, maxBlock, deliveryTimeout, deadline, host, port, token);
    }

    public IngestConfig withDeadline(Duration newDeadline) {
        return new IngestConfig(kafka, topics, clientId, limits, maxBlock, deliveryTimeout, newDeadline, httpHost, httpPort, token);
    }

    public IngestConfig withToken(String newToken) {
        return new IngestConfig(kafka, topics, clientId, limits, maxBlock, deliveryTimeout, deadline, httpHost, httpPort, newToken);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "IngestConfig[kafka=" + kafka + ", topics=" + topics + ", clientId=" + clientId
                + ", limits=" + limits + ", maxBlock=" + maxBlock + ", deliveryTimeout=" + deliveryTimeout + ", deadline="
                + deadline + ", http=" + httpHost + ":" + httpPort + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
