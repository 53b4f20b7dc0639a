package org.newsflow.ingest.publish;

import java.time.Duration;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.source.InputLimits;

/**
 * Ingest settings, all overridable by environment ({@code NEWSFLOW_*}); defaults are documented in the README.
 *
 * @param bootstrapServers NEWSFLOW_BOOTSTRAP_SERVERS, default 127.0.0.1:9092
 * @param topics NEWSFLOW_TOPIC_RAW / NEWSFLOW_TOPIC_DLQ
 * @param clientId NEWSFLOW_INGEST_CLIENT_ID, default newsflow-ingest
 * @param limits the NEWSFLOW_INGEST_MAX_* input limits ({@link InputLimits})
 * @param maxBlock NEWSFLOW_INGEST_MAX_BLOCK_MS, default 5000: the longest a send waits for metadata or buffer
 *     space (Kafka's {@code max.block.ms}, default 60 s, which made an unreachable broker cost a minute per article);
 *     also the time the broker check at start gives the cluster to answer
 * @param deliveryTimeout NEWSFLOW_INGEST_DELIVERY_TIMEOUT_MS, default 30000: Kafka's {@code delivery.timeout.ms}
 *     (default 120 s), the longest a record may wait for its acknowledgement, retries included
 * @param deadline NEWSFLOW_INGEST_DEADLINE_MS, default 600000: a one-shot ingest stops reading at this deadline and
 *     reports what was not delivered
 * @param httpHost NEWSFLOW_INGEST_HTTP_HOST, default 127.0.0.1: bind address of the push endpoint, health, metrics
 * @param httpPort NEWSFLOW_INGEST_HTTP_PORT, default 8085 (0: any free port)
 * @param token NEWSFLOW_INGEST_TOKEN, default none: bearer token required by {@code POST /api/ingest}; required when
 *     the server binds beyond loopback
 */
public record IngestConfig(String bootstrapServers, Topics topics, String clientId, InputLimits limits, Duration maxBlock,
        Duration deliveryTimeout, Duration deadline, String httpHost, int httpPort, String token) {

    /** The settings that existed before the limits and timeouts; the rest take their defaults. */
    public IngestConfig(String bootstrapServers, Topics topics, String clientId) {
        this(bootstrapServers, topics, clientId, InputLimits.defaults(), Duration.ofMillis(5_000), Duration.ofMillis(30_000),
                Duration.ofMillis(600_000), "127.0.0.1", 8085, null);
    }

    public static IngestConfig from(Settings settings) {
        return new IngestConfig(
                settings.get("BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Topics.from(settings),
                settings.get("INGEST_CLIENT_ID", "newsflow-ingest"),
                InputLimits.from(settings),
                Duration.ofMillis(positive(settings, "INGEST_MAX_BLOCK_MS", 5_000)),
                Duration.ofMillis(positive(settings, "INGEST_DELIVERY_TIMEOUT_MS", 30_000)),
                Duration.ofMillis(positive(settings, "INGEST_DEADLINE_MS", 600_000)),
                settings.get("INGEST_HTTP_HOST", "127.0.0.1"),
                settings.getInt("INGEST_HTTP_PORT", 8085),
                settings.find("INGEST_TOKEN").orElse(null));
    }

    public IngestConfig withHttp(String host, int port) {
        return new IngestConfig(bootstrapServers, topics, clientId, limits, maxBlock, deliveryTimeout, deadline, host, port, token);
    }

    public IngestConfig withDeadline(Duration newDeadline) {
        return new IngestConfig(bootstrapServers, topics, clientId, limits, maxBlock, deliveryTimeout, newDeadline, httpHost, httpPort, token);
    }

    public IngestConfig withToken(String newToken) {
        return new IngestConfig(bootstrapServers, topics, clientId, limits, maxBlock, deliveryTimeout, deadline, httpHost, httpPort, newToken);
    }

    private static long positive(Settings settings, String name, long defaultValue) {
        long v = settings.getLong(name, defaultValue);
        if (v <= 0) {
            throw new IllegalArgumentException("setting NEWSFLOW_" + name + " must be positive, got " + v);
        }
        return v;
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "IngestConfig[bootstrapServers=" + bootstrapServers + ", topics=" + topics + ", clientId=" + clientId
                + ", limits=" + limits + ", maxBlock=" + maxBlock + ", deliveryTimeout=" + deliveryTimeout + ", deadline="
                + deadline + ", http=" + httpHost + ":" + httpPort + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
