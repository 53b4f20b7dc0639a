package org.newsflow.contract;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place where newsflow's Kafka client properties are made: producers, consumers and admin clients for every
 * service, command and benchmark. It holds the cluster's address ({@code NEWSFLOW_BOOTSTRAP_SERVERS}) and the
 * pass-through properties ({@code NEWSFLOW_KAFKA_SECURITY_PROTOCOL=SASL_SSL} becomes {@code security.protocol},
 * {@code NEWSFLOW_KAFKA_SASL_JAAS_CONFIG} {@code sasl.jaas.config}, and so on: upper case and underscores to lower
 * case and dots), so that TLS, SASL or any client tuning reaches every client without code.
 *
 * <p>What the code sets wins over a pass-through property: the guarantees (idempotence, {@code acks=all},
 * {@code read_committed}, transactional ids, manual commits) are not configuration. Defaults every client gets:
 * producers are idempotent with {@code acks=all}; consumers read committed records only and never auto-commit.
 */
public final class KafkaClients {
    /** The prefix of pass-through settings ({@code NEWSFLOW_KAFKA_*}). */
    public static final String PASS_THROUGH_PREFIX = "KAFKA_";

    private final String bootstrapServers;
    private final Map<String, String> passThrough;

    private KafkaClients(String bootstrapServers, Map<String, String> passThrough) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrap servers");
        this.passThrough = Map.copyOf(passThrough);
    }

    /** The bootstrap servers and pass-through properties of these settings. */
    public static KafkaClients from(Settings settings) {
        Map<String, String> extra = new LinkedHashMap<>();
        settings.withPrefix(PASS_THROUGH_PREFIX).forEach((name, value) -> extra.put(propertyName(name), value.strip()));
        return new KafkaClients(settings.get(CommonSettings.BOOTSTRAP_SERVERS), extra);
    }

    /** Clients of this cluster with no pass-through properties (tests, the embedded broker). */
    public static KafkaClients of(String bootstrapServers) {
        return new KafkaClients(bootstrapServers, Map.of());
    }

    /** {@code SASL_JAAS_CONFIG} -> {@code sasl.jaas.config}. */
    static String propertyName(String settingSuffix) {
        return settingSuffix.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The same pass-through properties against another cluster. */
    public KafkaClients withBootstrapServers(String servers) {
        return new KafkaClients(servers, passThrough);
    }

    /** The pass-through properties, by Kafka property name. */
    public Map<String, String> passThrough() {
        return passThrough;
    }

    public ProducerProperties producer(String clientId) {
        return new ProducerProperties(base(clientId));
    }

    public ConsumerProperties consumer(String clientId) {
        return new ConsumerProperties(base(clientId));
    }

    public AdminProperties admin(String clientId) {
        return new AdminProperties(base(clientId));
    }

    private Properties base(String clientId) {
        Properties p = new Properties();
        p.putAll(passThrough);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "client id"));
        return p;
    }

    /** Secrets in pass-through values (a JAAS password) never reach a log line. */
    @Override
    public String toString() {
        return "KafkaClients[" + Secrets.redact(bootstrapServers) + ", pass-through " + passThrough.keySet() + "]";
    }

    /** Common to the three builders: explicit properties and the result. */
    abstract static class Builder<B extends Builder<B>> {
        final Properties p;

        Builder(Properties p) {
            this.p = p;
        }

        @SuppressWarnings("unchecked")
        B self() {
            return (B) this;
        }

        /** Any other property (wins over a pass-through one). */
        public B set(String property, Object value) {
            p.put(property, String.valueOf(value));
            return self();
        }

        /** A copy of the properties, ready for the client's constructor. */
        public Properties build() {
            Properties copy = new Properties();
            copy.putAll(p);
            return copy;
        }
    }

    /** Producer properties: idempotent, {@code acks=all}. */
    public static final class ProducerProperties extends Builder<ProducerProperties> {
        ProducerProperties(Properties p) {
            super(p);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        }

        /** Transactions with this id (fences an older producer of the same id). */
        public ProducerProperties transactional(String transactionalId) {
            return set(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Objects.requireNonNull(transactionalId));
        }

        /** lz4 batches, waiting up to {@code lingerMs} to fill them. */
        public ProducerProperties batched(int lingerMs) {
            return set(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4").set(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        }

        /**
         * Bounded sends: a send blocks at most {@code maxBlock} for metadata or buffer space, and a record waits at most
         * {@code delivery} for its acknowledgement, retries included. Kafka requires {@code delivery.timeout.ms >=
         * linger.ms + request.timeout.ms}: the request timeout is cut to fit (at most 30 s, Kafka's default).
         */
        public ProducerProperties bounded(Duration maxBlock, Duration delivery) {
            long linger = Long.parseLong(p.getProperty(ProducerConfig.LINGER_MS_CONFIG, "5"));
            long deliveryMs = Math.max(delivery.toMillis(), linger + 1_000);
            return set(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis())
                    .set(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.min(Integer.MAX_VALUE, deliveryMs))
                    .set(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, deliveryMs - linger));
        }

        /** The largest request (and so record) the producer sends. */
        public ProducerProperties maxRequestSize(int bytes) {
            return set(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, bytes);
        }
    }

    /** Consumer properties: {@code read_committed}, no auto-commit. */
    public static final class ConsumerProperties extends Builder<ConsumerProperties> {
        ConsumerProperties(Properties p) {
            super(p);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        }

        /** A member of this group, starting at the earliest offset where the group has none. */
        public ConsumerProperties group(String groupId) {
            return set(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId))
                    .set(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        }

        /** Static membership under this id; null leaves membership dynamic. */
        public ConsumerProperties staticMember(String groupInstanceId) {
            return groupInstanceId == null ? this : set(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
        }

        public ConsumerProperties maxPollRecords(int records) {
            return set(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, records);
        }

        public ConsumerProperties maxPollInterval(Duration interval) {
            return set(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Math.min(Integer.MAX_VALUE, interval.toMillis()));
        }

        /** Fetch sizes: per partition and per request. */
        public ConsumerProperties fetchBytes(int perPartition, int perRequest) {
            return set(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, perPartition).set(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, perRequest);
        }

        /** How long blocking calls without their own timeout (partitionsFor, position, ...) wait. */
        public ConsumerProperties apiTimeout(Duration timeout) {
            return set(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        }
    }

    /** Admin client properties. */
    public static final class AdminProperties extends Builder<AdminProperties> {
        AdminProperties(Properties p) {
            super(p);
        }

        /** Every request and every call waits at most this long; reconnects back off at most 1 s. */
        public AdminProperties timeout(Duration timeout) {
            long ms = Math.min(Integer.MAX_VALUE, timeout.toMillis());
            return set(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, ms)
                    .set(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, ms)
                    .set(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        }
    }
}
