package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
    private final KafkaClients clients = KafkaClients.from(Settings.of(Map.of(
            "BOOTSTRAP_SERVERS", "broker-1:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"s3cret\";",
            "KAFKA_ISOLATION_LEVEL", "read_uncommitted",
            "KAFKA_ENABLE_IDEMPOTENCE", "false")));

    @Test
    void every_client_gets_the_bootstrap_servers_client_id_and_pass_through_properties() {
        for (Properties p : new Properties[] {clients.producer("p").build(), clients.consumer("c").build(), clients.admin("a").build()}) {
            assertThat(p.getProperty("bootstrap.servers")).isEqualTo("broker-1:9093");
            assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
            assertThat(p.getProperty("sasl.jaas.config")).contains("PlainLoginModule");
            assertThat(p.getProperty("client.id")).isIn("p", "c", "a");
        }
    }

    @Test
    void producers_are_idempotent_with_acks_all_whatever_the_pass_through_says() {
        Properties p = clients.producer("ingest").build();
        assertThat(p.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo("true");
        assertThat(p.getProperty(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(p).doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Test
    void consumers_read_committed_and_never_auto_commit_whatever_the_pass_through_says() {
        Properties p = clients.consumer("sink").group("newsflow-sink").maxPollRecords(7).build();
        assertThat(p.getProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
        assertThat(p.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo("false");
        assertThat(p.getProperty(ConsumerConfig.GROUP_ID_CONFIG)).isEqualTo("newsflow-sink");
        assertThat(p.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
        assertThat(p.getProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo("7");
        assertThat(p).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(clients.consumer("e").staticMember("enrich-a-0").build().getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                .isEqualTo("enrich-a-0");
    }

    @Test
    void transactional_batched_and_bounded_producers() {
        Properties p = clients.producer("enrich").transactional("enrich-a-0").batched(5).maxRequestSize(1_065_536).build();
        assertThat(p.getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG)).isEqualTo("enrich-a-0");
        assertThat(p.getProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
        assertThat(p.getProperty(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo("5");
        assertThat(p.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEqualTo("1065536");

        Properties bounded = clients.producer("ingest").batched(5).bounded(Duration.ofSeconds(5), Duration.ofSeconds(30)).build();
        assertThat(bounded.getProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo("5000");
        assertThat(bounded.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo("30000");
        // Kafka refuses delivery.timeout.ms < linger.ms + request.timeout.ms.
        Properties tight = clients.producer("x").batched(5).bounded(Duration.ofSeconds(1), Duration.ofMillis(200)).build();
        long delivery = Long.parseLong(tight.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        long request = Long.parseLong(tight.getProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertThat(delivery).isGreaterThanOrEqualTo(5 + request);
        // The properties are valid for Kafka's own config parser.
        tight.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class.getName());
        tight.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class.getName());
        new ProducerConfig(tight).values();
    }

    @Test
    void admin_timeouts() {
        Properties p = clients.admin("check").timeout(Duration.ofSeconds(3)).build();
        assertThat(p.getProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo("3000");
        assertThat(p.getProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)).isEqualTo("3000");
    }

    @Test
    void the_default_cluster_is_the_loopback_address_and_secrets_stay_out_of_to_string() {
        assertThat(KafkaClients.from(Settings.of(Map.of())).bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(clients.toString()).doesNotContain("s3cret").contains("sasl.jaas.config");
        assertThat(KafkaClients.of("h:1").passThrough()).isEmpty();
        assertThat(clients.withBootstrapServers("h:2").passThrough()).isEqualTo(clients.passThrough());
    }

    @Test
    void builds_are_copies() {
        KafkaClients.ConsumerProperties builder = clients.consumer("c");
        Properties first = builder.build();
        builder.set("max.poll.records", 1);
        assertThat(first).doesNotContainKey("max.poll.records");
    }
}
