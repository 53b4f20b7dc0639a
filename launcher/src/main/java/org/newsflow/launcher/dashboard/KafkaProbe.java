package org.newsflow.launcher.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the broker knows about the pipeline, asked with the Admin API: the partitions of the topics, their end
 * offsets (read_committed, so the last stable offset), every consumer group's committed offsets, and the time of
 * the record at an offset (a consumer that only assigns and peeks: no group, it moves nobody's offsets).
 * Used from one thread only (the {@link PipelineHealth} sampler).
 */
final class KafkaProbe implements AutoCloseable {
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> peeker;
    private final Duration timeout;

    KafkaProbe(String bootstrapServers, Duration timeout) {
        this.timeout = timeout;
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-dashboard-admin");
        this.admin = Admin.create(a);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-dashboard-peek");
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.peeker = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The partitions of the topics that exist (a topic not created yet has none). */
    List<TopicPartition> partitions(Collection<String> topics) throws Exception {
        List<TopicPartition> out = new ArrayList<>();
        Map<String, org.apache.kafka.common.KafkaFuture<TopicDescription>> byName = admin.describeTopics(topics).topicNameValues();
        for (var e : byName.entrySet()) {
            try {
                e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions()
                        .forEach(p -> out.add(new TopicPartition(e.getKey(), p.partition())));
            } catch (ExecutionException missing) {
                // UnknownTopicOrPartition: the topic appears once somebody creates it
            }
        }
        return out;
    }

    /** End offsets as a read_committed consumer sees them. */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        if (spec.isEmpty()) {
            return out;
        }
        admin.listOffsets(spec, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Every consumer group's committed offsets, by group id. */
    Map<String, Map<TopicPartition, Long>> committedOffsets() throws Exception {
        Map<String, Map<TopicPartition, Long>> out = new HashMap<>();
        Collection<GroupListing> groups = admin.listGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (GroupListing g : groups) {
            if (g.groupId().startsWith("newsflow-dashboard")) {
                continue;
            }
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(g.groupId())
                        .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, Long> plain = new HashMap<>();
                offsets.forEach((tp, om) -> {
                    if (om != null) {
                        plain.put(tp, om.offset());
                    }
                });
                out.put(g.groupId(), plain);
            } catch (ExecutionException | TimeoutException notAConsumerGroup) {
                // a group of another kind, or one that went away between the two calls
            }
        }
        return out;
    }

    /** The timestamp (ms) of the first committed record at or after {@code offset}, or -1 when there is none yet. */
    long timestampAt(TopicPartition tp, long offset) {
        peeker.assign(List.of(tp));
        peeker.seek(tp, offset);
        long deadline = System.nanoTime() + Duration.ofMillis(400).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : peeker.poll(Duration.ofMillis(100))) {
                return r.timestamp();
            }
        }
        return -1;
    }

    @Override
    public void close() {
        peeker.close(Duration.ofSeconds(1));
        admin.close(Duration.ofSeconds(1));
    }
}
