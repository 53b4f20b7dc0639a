package org.newsflow.contract;

import java.util.List;

/** The settings every service reads: where Kafka is, the topic names, pass-through client properties, logging. */
public final class CommonSettings {
    private CommonSettings() {}

    /** The one default address, for every service and command: the loopback address, not {@code localhost}. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    public static final Setting BOOTSTRAP_SERVERS = Setting.of("BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP_SERVERS, "all",
            "Kafka bootstrap servers").option("--bootstrap-servers");
    public static final Setting TOPIC_RAW = Setting.of("TOPIC_RAW", Topics.RAW, "all", "raw articles topic");
    public static final Setting TOPIC_ENRICHED = Setting.of("TOPIC_ENRICHED", Topics.ENRICHED, "all", "enriched articles topic");
    public static final Setting TOPIC_DLQ = Setting.of("TOPIC_DLQ", Topics.DLQ, "all", "dead-letter topic");
    public static final Setting KAFKA_PASS_THROUGH = Setting.of(KafkaClients.PASS_THROUGH_PREFIX, null, "all",
            "any Kafka client property, passed to every producer, consumer and admin client: `NEWSFLOW_KAFKA_SECURITY_PROTOCOL=SASL_SSL` "
                    + "sets `security.protocol` (lower case, dots for underscores); the guarantees newsflow sets itself (acks, "
                    + "idempotence, isolation level, transactional ids, commits) cannot be overridden");
    public static final Setting LOG_LEVEL = Setting.of("LOG_LEVEL", "INFO", "all",
            "log level of newsflow's own loggers (logs go to stderr)");

    public static final List<Setting> ALL = List.of(BOOTSTRAP_SERVERS, TOPIC_RAW, TOPIC_ENRICHED, TOPIC_DLQ, KAFKA_PASS_THROUGH, LOG_LEVEL);
}
