package org.newsflow.launcher.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline as the dashboard's health panel shows it ({@code GET /api/pipeline}), measured from the broker, so
 * it says the same whether the three services run in one process (demo) or apart:
 * <ul>
 * <li>throughput per minute over the last minute: ingest = records published to the raw topic, enrich = raw records
 * the enrich group committed, sink = enriched records the sink group committed;</li>
 * <li>consumer lag per group and partition (read_committed end offset minus committed offset);</li>
 * <li>end-to-end lag: the age of the oldest record some group has not processed yet (0 when caught up);</li>
 * <li>dead letters: how many, the latest with their reasons ({@link DeadLetterTail});</li>
 * <li>last article: when the sink last committed progress (the record's time on start-up);</li>
 * <li>stalled: records are waiting for a group whose offsets have not moved for {@code stallAfter}, or the broker
 * does not answer.</li>
 * </ul>
 * One sampler thread asks the broker every {@code interval}; requests read the cached snapshot, so any number of
 * open dashboards costs the broker nothing more.
 */
public final class PipelineHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineHealth.class);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    private final Topics topics;
    private final String sinkGroup;
    private final Duration stallAfter;
    private final KafkaProbe probe;
    private final DeadLetterTail deadLetters;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsflow-dashboard-pipeline");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Sample> samples = new ArrayDeque<>();
    /** Per group: its committed total and when that total last changed. */
    private final Map<String, long[]> progress = new HashMap<>();
    /** Per partition: committed offset, end offset, and the waiting record's time (-1: none) at those offsets. */
    private final Map<TopicPartition, long[]> peeked = new HashMap<>();
    private volatile Map<String, Object> snapshot = Map.of("stalled", false, "sampledAt", Instant.now().toString(), "starting", true);
    private Instant lastArticleAt;
    private Map<TopicPartition, Long> lastSinkCommitted = Map.of();

    private record Sample(long atMs, long published, long enriched, long sunk) {}

    /**
     * @param sinkGroup the sink's consumer group (its progress is "last article stored")
     * @param interval how often to ask the broker
     * @param stallAfter how long waiting records may sit before the panel warns
     */
    public PipelineHealth(String bootstrapServers, Topics topics, String sinkGroup, Duration interval, Duration stallAfter) {
        this.topics = topics;
        this.sinkGroup = sinkGroup;
        this.stallAfter = stallAfter;
        this.probe = new KafkaProbe(bootstrapServers, Duration.ofSeconds(3));
        this.deadLetters = new DeadLetterTail(bootstrapServers, topics.dlq());
        sampler.scheduleWithFixedDelay(this::sampleSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest snapshot (never blocks on the broker). */
    public Map<String, Object> snapshot() {
        return snapshot;
    }

    /** One dead letter, read on demand with a short-lived consumer of its own (the sampler's is not thread-safe). */
    public Optional<Map<String, Object>> deadLetter(int partition, long offset) {
        return deadLetters.find(partition, offset);
    }

    private void sampleSafely() {
        try {
            snapshot = sample();
        } catch (Exception e) {
            Map<String, Object> broken = new LinkedHashMap<>(snapshot);
            broken.put("stalled", true);
            broken.put("stallReason", "the broker does not answer: " + Secrets.message(e));
            broken.put("sampledAt", Instant.now().toString());
            broken.remove("starting");
            snapshot = broken;
            LOG.debug("pipeline sample failed", e);
        }
    }

    private Map<String, Object> sample() throws Exception {
        long now = System.currentTimeMillis();
        List<TopicPartition> partitions = probe.partitions(List.of(topics.raw(), topics.enriched(), topics.dlq()));
        Map<TopicPartition, Long> end = probe.endOffsets(partitions);
        Map<String, Map<TopicPartition, Long>> committed = probe.committedOffsets();

        List<TopicPartition> dlq = partitions.stream().filter(tp -> tp.topic().equals(topics.dlq()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        deadLetters.catchUp(dlq, end, Duration.ofSeconds(2));

        List<Map<String, Object>> lag = new ArrayList<>();
        long oldestWaitingMs = 0;
        String stallReason = null;
        long enriched = 0;
        long sunk = 0;
        for (var group : new java.util.TreeMap<>(committed).entrySet()) {
            long groupLag = 0;
            long total = 0;
            for (var e : group.getValue().entrySet()) {
                TopicPartition tp = e.getKey();
                if (!tp.topic().equals(topics.raw()) && !tp.topic().equals(topics.enriched())) {
                    continue;
                }
                long endOffset = end.getOrDefault(tp, e.getValue());
                long behind = Math.max(0, endOffset - e.getValue());
                if (behind > 0) {
                    long ts = waitingSince(tp, e.getValue(), endOffset);
                    if (ts > 0) {
                        oldestWaitingMs = Math.max(oldestWaitingMs, now - ts);
                    } else {
                        behind = 0; // only transaction markers after the committed offset: nothing to read
                    }
                }
                groupLag += behind;
                total += e.getValue();
                lag.add(lagRow(group.getKey(), tp, behind));
            }
            if (group.getValue().keySet().stream().anyMatch(tp -> tp.topic().equals(topics.raw()))) {
                enriched = Math.max(enriched, total);
            }
            if (group.getValue().keySet().stream().anyMatch(tp -> tp.topic().equals(topics.enriched()))) {
                sunk = Math.max(sunk, total);
            }
            long[] seen = progress.computeIfAbsent(group.getKey(), g -> new long[] {-1, now});
            if (seen[0] != total) {
                seen[0] = total;
                seen[1] = now;
            }
            if (groupLag > 0 && now - seen[1] >= stallAfter.toMillis() && stallReason == null) {
                stallReason = "group " + group.getKey() + " has " + groupLag + " records waiting and has not moved for "
                        + (now - seen[1]) / 1000 + " s";
            }
        }
        lag.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("group"))
                .thenComparing(r -> (String) r.get("topic")).thenComparingInt(r -> (Integer) r.get("partition")));
        noteSinkProgress(committed.getOrDefault(sinkGroup, Map.of()), now);
        long published = end.entrySet().stream().filter(e -> e.getKey().topic().equals(topics.raw())).mapToLong(Map.Entry::getValue).sum();
        samples.addLast(new Sample(now, published, enriched, sunk));
        while (samples.size() > 2 && samples.peekFirst().atMs() < now - RATE_WINDOW.toMillis()) {
            samples.removeFirst();
        }
        return body(now, lag, oldestWaitingMs, stallReason);
    }

    /**
     * The time of the first record waiting at {@code committed}, or -1 when none is there: a read_committed group
     * commits the offset after its last record, and the commit marker of the producer's transaction sits there, so
     * an offset difference of 1 on a transactional topic is often no record at all. Cached per position.
     */
    private long waitingSince(TopicPartition tp, long committed, long endOffset) {
        long[] known = peeked.get(tp);
        if (known != null && known[0] == committed && known[1] == endOffset) {
            return known[2];
        }
        long ts = probe.timestampAt(tp, committed);
        peeked.put(tp, new long[] {committed, endOffset, ts});
        return ts;
    }

    private static Map<String, Object> lagRow(String group, TopicPartition tp, long behind) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("topic", tp.topic());
        row.put("partition", tp.partition());
        row.put("lag", behind);
        return row;
    }

    /** The sink's committed offsets moved: an article was stored just now (on the first sample: at its record's time). */
    private void noteSinkProgress(Map<TopicPartition, Long> sinkCommitted, long now) {
        Map<TopicPartition, Long> mine = new HashMap<>();
        sinkCommitted.forEach((tp, o) -> {
            if (tp.topic().equals(topics.enriched())) {
                mine.put(tp, o);
            }
        });
        if (lastArticleAt == null && lastSinkCommitted.isEmpty()) {
            long newest = -1;
            for (var e : mine.entrySet()) {
                if (e.getValue() > 0) {
                    newest = Math.max(newest, probe.timestampAt(e.getKey(), Math.max(0, e.getValue() - 2)));
                }
            }
            if (newest > 0) {
                lastArticleAt = Instant.ofEpochMilli(Math.min(newest, now));
            }
        } else if (!mine.equals(lastSinkCommitted)) {
            lastArticleAt = Instant.ofEpochMilli(now);
        }
        lastSinkCommitted = mine;
    }

    private Map<String, Object> body(long now, List<Map<String, Object>> lag, long oldestWaitingMs, String stallReason) {
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double minutes = (last.atMs() - first.atMs()) / 60_000.0;
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("ingest", rate(last.published() - first.published(), minutes));
        throughput.put("enrich", rate(last.enriched() - first.enriched(), minutes));
        throughput.put("sink", rate(last.sunk() - first.sunk(), minutes));
        throughput.put("windowSeconds", Math.round(minutes * 60));
        Map<String, Object> dead = new LinkedHashMap<>();
        dead.put("count", deadLetters.count());
        dead.put("latest", deadLetters.latest());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stalled", stallReason != null);
        out.put("stallReason", stallReason);
        out.put("lastArticleAt", lastArticleAt == null ? null : lastArticleAt.toString());
        out.put("endToEndLagSeconds", oldestWaitingMs / 1000.0);
        out.put("throughput", throughput);
        out.put("lag", lag);
        out.put("deadLetters", dead);
        out.put("topics", Map.of("raw", topics.raw(), "enriched", topics.enriched(), "dlq", topics.dlq()));
        out.put("sampledAt", Instant.ofEpochMilli(now).toString());
        return out;
    }

    private static double rate(long delta, double minutes) {
        return minutes <= 0 ? 0 : Math.round(Math.max(0, delta) / minutes * 10) / 10.0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close();
        probe.close();
    }
}
