package org.newsflow.ingest.process;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a {@link NearDuplicateProcessor}'s index at start-up from the recent part of the raw topic, so a restart
 * does not forget which stories were already published (the second copy after a restart is still marked).
 *
 * <p>Why the raw topic and not a state file or a compacted changelog topic: the raw topic already holds exactly
 * what the index needs (id, body, the marks given), retained for longer than the window, on every instance's
 * reach; a replay of the window is one sequential read with no new topic, file or format to keep consistent.
 * {@code offsetsForTimes(now - window)} finds where the window starts in each partition; records are read up to the
 * end offsets seen at the start (later ones are this instance's or another's live traffic), then restored in time
 * order, because the index's "first copy" and eviction both follow time. Cost: one signature per record, ~0.1 ms
 * (see docs/dedup.md), so a window of 100,000 articles replays in well under a minute.
 *
 * <p>Several ingest instances each replay every partition, so after a restart each knows what all of them
 * published; while running, each marks against what it saw itself and what it replayed.
 */
public final class RecentRawArticles {
    private static final Logger LOG = LoggerFactory.getLogger(RecentRawArticles.class);

    private RecentRawArticles() {}

    /**
     * Replays the records of {@code topic} published within the processor's window into it; returns how many were
     * read. Stops at {@code timeout} with what it has, and a broker that does not answer in time restores nothing:
     * ingest then starts with a partial or empty index rather than not at all (marking is best effort; publishing
     * is what must not stop). A topic that does not exist yet restores nothing.
     */
    public static int replay(String bootstrapServers, String topic, NearDuplicateProcessor into, Clock clock, Duration timeout) {
        return replay(org.newsflow.contract.KafkaClients.of(bootstrapServers), topic, into, clock, timeout);
    }

    /** As above, with the service's Kafka clients (pass-through properties included). */
    public static int replay(org.newsflow.contract.KafkaClients kafka, String topic, NearDuplicateProcessor into, Clock clock, Duration timeout) {
        // No group: assigned partitions, nothing committed; read_committed.
        Properties p = kafka.consumer("newsflow-ingest-dedup-replay").maxPollRecords(2_000)
                .set(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false).build();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        List<NearDuplicateProcessor.Restorable> recent = new ArrayList<>();
        int unreadable = 0; // records that are not RawArticle JSON
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                LOG.info("dedup replay: topic {} has no partitions yet, nothing to restore", topic);
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long since = clock.millis() - into.config().window().toMillis();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query, timeout);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp first = start.get(tp);
                if (first == null || first.offset() >= end.get(tp)) {
                    consumer.seek(tp, end.get(tp)); // nothing in the window on this partition
                } else {
                    consumer.seek(tp, first.offset());
                    pending.add(tp);
                }
            }
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("dedup replay: stopped after {} with {} partitions unread; the index starts partial", timeout, pending.size());
                    break;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // published after the replay began: live traffic, not history
                    }
                    try {
                        NearDuplicateProcessor.Restorable restorable = into.prepare(Json.read(r.value(), RawArticle.class),
                                java.time.Instant.ofEpochMilli(r.timestamp()));
                        if (restorable != null) {
                            recent.add(restorable);
                        }
                    } catch (InvalidRecordException | IllegalArgumentException e) {
                        unreadable++; // enrich dead-letters such a record; here it just cannot be a first copy
                    }
                }
                pending.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.warn("dedup replay: no answer from {} within {}; the near-duplicate index starts with the {} articles read",
                    kafka.bootstrapServers(), timeout, recent.size());
        }
        recent.sort(Comparator.comparingLong(NearDuplicateProcessor.Restorable::time));
        recent.forEach(into::restore);
        LOG.info("dedup replay: {} recent articles of {} restored in {} ms ({} unreadable records skipped); index holds {}",
                recent.size(), topic, (System.nanoTime() - started) / 1_000_000, unreadable, into.size());
        return recent.size();
    }

    /** {@link #replay(String, String, NearDuplicateProcessor, Clock, Duration)} with the system clock and 2 minutes. */
    public static int replay(org.newsflow.contract.KafkaClients kafka, String topic, NearDuplicateProcessor into) {
        return replay(kafka, topic, into, Clock.systemUTC(), Duration.ofMinutes(2));
    }
}
