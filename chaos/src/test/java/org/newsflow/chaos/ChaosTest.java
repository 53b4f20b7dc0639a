package org.newsflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.DeadLetters;

/**
 * Issue #11: the services as separate processes on a real broker and PostgreSQL, through faults, while a steady stream
 * of articles (and a few poison records) flows in:
 * <ol>
 *   <li>{@code kill -9} of an enrich instance, restarted with the same instance id;</li>
 *   <li>{@code kill -9} of the sink;</li>
 *   <li>a broker restart (full server shutdown, 5 s down, same data and ports);</li>
 *   <li>a database outage of 15 s (a TCP proxy in front of PostgreSQL refuses and cuts connections);</li>
 *   <li>{@code SIGSTOP} of the other enrich instance for 50 s, longer than the consumer session timeout (45 s, the
 *       Kafka 4 client default), so the group rebalances its partitions away and the resumed process is a zombie
 *       whose transaction must not become visible, then {@code SIGCONT};</li>
 *   <li>{@code kill -9} of enrich and sink again, together.</li>
 * </ol>
 * After each fault a probe article is written to every raw partition; the time until all probes are in the database
 * is that fault's recovery time, and it must stay under {@link #RECOVERY_BOUND}. At the end: stored ids = ingested ids,
 * no id twice on the enriched topic or in the table, the dead-letter topic holds exactly the poison records (each once,
 * with its original bytes and a reason), and no consumer group is left behind on any partition.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ChaosTest {
    static final int ARTICLES = Integer.getInteger("chaos.articles", 2000);
    /** Articles per second: slow enough that the load lasts through every fault (~5 min), so each one hits work in flight. */
    static final double RATE = Double.parseDouble(System.getProperty("chaos.rate", "6"));
    static final int PARTITIONS = 4;
    /**
     * Fault end to every partition flowing again, end to end. The largest part is structural: a killed enrich
     * consumer leaves the group only when its session times out (45 s), and its open transaction blocks read_committed
     * readers of its partitions until the restarted instance fences it (after the ~15 s CoreNLP load) or it times
     * out (60 s). The rest is CoreNLP start-up and catch-up on a shared 2-core machine.
     */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(Long.getLong("chaos.recovery.seconds", 180));
    /** Start-up is not a fault: CoreNLP loading in two processes at once; only bounded so a broken build cannot hang. */
    static final Duration STARTUP_BOUND = Duration.ofMinutes(10);
    /** After the last fault, the whole backlog must be stored within this. */
    static final Duration DRAIN_BOUND = Duration.ofMinutes(4);

    /** Raw records enrich must dead-letter: bytes that are not a raw article. Keyed by what the DLQ must show. */
    static Map<String, byte[]> poison() {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("poison-not-json", "this is not JSON at all".getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[512];
        new java.util.Random(11).nextBytes(binary);
        p.put("poison-binary", binary);
        p.put("poison-no-body", "{\"schemaVersion\":1,\"id\":\"poison-no-body\",\"title\":\"no body\"}".getBytes(StandardCharsets.UTF_8));
        p.put("poison-nulls", "{\"schemaVersion\":1,\"id\":null,\"title\":null,\"body\":null}".getBytes(StandardCharsets.UTF_8));
        p.put("poison-deep", ("{\"schemaVersion\":1,\"id\":\"poison-deep\",\"body\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private final List<String> report = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> recoveries = new LinkedHashMap<>();
    private final Set<String> goodIds = Collections.synchronizedSet(new HashSet<>());
    private int probeRound;

    @Test
    void noArticleLostOrDuplicatedThroughKillsBrokerRestartDatabaseOutageAndPause(@TempDir Path tmp) throws Exception {
        Instant t0 = Instant.now();
        try (Pipeline p = new Pipeline(tmp.resolve("run"), PARTITIONS)) {
            p.startBroker();
            note(t0, "broker up at " + p.bootstrap);
            p.startSink(Map.of());
            ServiceProcess enrichA = p.startEnrich("enrich-a", Map.of());
            ServiceProcess enrichB = p.startEnrich("enrich-b", Map.of());
            Instant startUp = Instant.now();
            probe(p, t0, "start-up", startUp, STARTUP_BOUND);

            Map<String, byte[]> poison = poison();
            Producer producer = new Producer(p, poison);
            producer.start();

            // 1. kill -9 enrich
            producer.awaitSent(ARTICLES / 10);
            enrichA.kill9();
            note(t0, "kill -9 enrich-a (pid " + enrichA.pid() + ")");
            enrichA = p.startEnrich("enrich-a", Map.of());
            recovered(p, t0, "kill -9 enrich", Instant.now());

            // 2. kill -9 sink
            ServiceProcess sink = p.processes.get("sink");
            sink.kill9();
            note(t0, "kill -9 sink (pid " + sink.pid() + ")");
            p.startSink(Map.of());
            recovered(p, t0, "kill -9 sink", Instant.now());

            // 3. broker restart
            p.broker("stop");
            note(t0, "broker stopped");
            ServiceProcess.sleep(5_000);
            p.broker("start");
            note(t0, "broker started again");
            recovered(p, t0, "broker restart (5 s down)", Instant.now());

            // 4. database outage
            p.dbProxy.down();
            note(t0, "database cut off");
            ServiceProcess.sleep(15_000);
            p.dbProxy.up();
            note(t0, "database back");
            recovered(p, t0, "database outage (15 s)", Instant.now());

            // 5. SIGSTOP longer than the session timeout
            enrichB.signal("STOP");
            note(t0, "SIGSTOP enrich-b (pid " + enrichB.pid() + ")");
            ServiceProcess.sleep(50_000);
            long abortsBefore = enrichB.count("transaction aborted") + enrichB.count("fenced");
            enrichB.signal("CONT");
            note(t0, "SIGCONT enrich-b (producer " + (producer.isAlive() ? "still sending" : "done") + ")");
            recovered(p, t0, "SIGSTOP 50 s (> 45 s session timeout)", Instant.now());
            // What the resumed zombie did: its in-flight transaction aborted or fenced (none if it was between polls).
            note(t0, "enrich-b after SIGCONT: " + (enrichB.count("transaction aborted") + enrichB.count("fenced") - abortsBefore)
                    + " aborted or fenced transaction(s) in its log");

            // 6. kill -9 enrich and sink together, while the backlog is still being worked off
            enrichB.kill9();
            p.processes.get("sink").kill9();
            note(t0, "kill -9 enrich-b and sink together");
            enrichB = p.startEnrich("enrich-b", Map.of());
            p.startSink(Map.of());
            recovered(p, t0, "kill -9 enrich + sink together", Instant.now());

            producer.join();
            note(t0, "producer done: " + producer.sent.get() + " articles and " + poison.size() + " poison records acknowledged");
            assertThat(producer.failure).as("every article was acknowledged by the broker").isNull();

            Instant drainStart = Instant.now();
            long deadline = System.nanoTime() + DRAIN_BOUND.toNanos();
            while (!p.allStored(goodIds) && System.nanoTime() < deadline) {
                ServiceProcess.sleep(1000);
            }
            note(t0, "backlog drained in " + Duration.between(drainStart, Instant.now()).toSeconds() + " s");

            // --- the verdict ---
            Map<String, Integer> stored = p.storedIds();
            Set<String> missing = new HashSet<>(goodIds);
            missing.removeAll(stored.keySet());
            Set<String> unexpected = new HashSet<>(stored.keySet());
            unexpected.removeAll(goodIds);
            note(t0, "stored " + stored.size() + " ids, expected " + goodIds.size() + "; missing " + missing.size()
                    + ", unexpected " + unexpected.size());

            List<ConsumerRecord<String, byte[]>> enriched = p.readAll(Pipeline.TOPICS.enriched());
            Map<String, Integer> enrichedCounts = counts(enriched);
            Map<String, Integer> duplicates = new HashMap<>();
            enrichedCounts.forEach((k, n) -> {
                if (n > 1) {
                    duplicates.put(k, n);
                }
            });
            note(t0, "enriched topic: " + enriched.size() + " committed records, " + duplicates.size() + " ids more than once");

            List<ConsumerRecord<String, byte[]>> dead = p.readAll(Pipeline.TOPICS.dlq());
            note(t0, "dead-letter topic: " + dead.size() + " records, keys " + counts(dead).keySet());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(missing).as("ingested articles missing from the store").isEmpty();
            soft.assertThat(unexpected).as("stored ids that were never ingested").isEmpty();
            soft.assertThat(stored.values()).as("rows per id").allMatch(n -> n == 1);
            soft.assertThat(duplicates).as("ids committed more than once to the enriched topic").isEmpty();
            soft.assertThat(enrichedCounts.keySet()).as("ids on the enriched topic").isEqualTo(goodIds);
            soft.assertThat(counts(dead)).as("dead letters: exactly the poison records, once each")
                    .isEqualTo(poison.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> 1)));
            for (ConsumerRecord<String, byte[]> d : dead) {
                soft.assertThat(DeadLetters.header(d.headers(), DeadLetters.REASON)).as("reason of " + d.key()).isPresent();
                soft.assertThat(DeadLetters.header(d.headers(), DeadLetters.STAGE)).as("stage of " + d.key()).contains("enrich");
                soft.assertThat(d.value()).as("original bytes of " + d.key()).isEqualTo(poison.get(d.key()));
            }
            recoveries.forEach((fault, took) -> soft.assertThat(took).as("recovery after " + fault).isLessThanOrEqualTo(RECOVERY_BOUND));
            assertNoPartitionLeftBehind(p, soft, t0);
            soft.assertAll();
        } finally {
            writeReport();
        }
    }

    /**
     * Lag per partition once everything is stored: 0 on the raw topic (written without transactions), at most 2 on
     * the enriched topic, where the last commit's transaction marker sits after the last record (see FACTS.md).
     */
    private void assertNoPartitionLeftBehind(Pipeline p, SoftAssertions soft, Instant t0) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Map<TopicPartition, Long> enrichLag;
        Map<TopicPartition, Long> sinkLag;
        do {
            ServiceProcess.sleep(1000);
            enrichLag = p.lag(Pipeline.ENRICH_GROUP, Pipeline.TOPICS.raw());
            sinkLag = p.lag(Pipeline.SINK_GROUP, Pipeline.TOPICS.enriched());
        } while ((enrichLag.values().stream().anyMatch(l -> l > 0) || sinkLag.values().stream().anyMatch(l -> l > 2))
                && System.nanoTime() < deadline);
        note(t0, "final lag: enrich on raw " + enrichLag.values() + ", sink on enriched " + sinkLag.values());
        soft.assertThat(enrichLag.values()).as("enrich lag per raw partition").allMatch(l -> l == 0);
        soft.assertThat(sinkLag.values()).as("sink lag per enriched partition (transaction markers only)").allMatch(l -> l <= 2);
    }

    /** Writes a probe article to every raw partition and waits until all are stored: the recovery time of a fault. */
    private void recovered(Pipeline p, Instant t0, String fault, Instant faultEnd) throws Exception {
        recoveries.put(fault, probe(p, t0, fault, faultEnd, RECOVERY_BOUND.multipliedBy(2)));
    }

    /** Probes every partition; returns the time from {@code since} until all probes are stored (or the cap passed). */
    private Duration probe(Pipeline p, Instant t0, String fault, Instant faultEnd, Duration cap) throws Exception {
        int round = ++probeRound;
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = p.producer()) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                String id = Articles.id("probe-" + round, partition);
                producer.send(new ProducerRecord<>(Pipeline.TOPICS.raw(), partition, id, Articles.json(Articles.article(id, round * 10 + partition)))).get();
                ids.add(id);
                goodIds.add(id);
            }
        }
        long deadline = System.nanoTime() + cap.toNanos();
        while (!p.allStored(ids) && System.nanoTime() < deadline) {
            ServiceProcess.sleep(250);
        }
        Duration took = Duration.between(faultEnd, Instant.now());
        note(t0, String.format("RECOVERY %-45s %5.1f s%s", fault, took.toMillis() / 1000.0, p.allStored(ids) ? "" : " (NOT RECOVERED)"));
        return took;
    }

    private static Map<String, Integer> counts(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    private void note(Instant t0, String line) {
        String s = String.format("[chaos +%5.1fs] %s", Duration.between(t0, Instant.now()).toMillis() / 1000.0, line);
        System.out.println(s);
        report.add(s);
    }

    private void writeReport() throws Exception {
        Path out = Path.of("target", "chaos-report.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
    }

    /** Steady load: {@link #ARTICLES} articles at {@link #RATE} per second, the poison records spread among them. */
    private final class Producer extends Thread {
        final AtomicInteger sent = new AtomicInteger();
        final Pipeline p;
        final Map<String, byte[]> poison;
        volatile Throwable failure;

        Producer(Pipeline p, Map<String, byte[]> poison) {
            super("chaos-producer");
            this.p = p;
            this.poison = poison;
        }

        @Override
        public void run() {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<Map.Entry<String, byte[]>> bad = new ArrayList<>(poison.entrySet());
            int every = ARTICLES / (bad.size() + 1);
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = p.producer()) {
                for (int i = 0; i < ARTICLES; i++) {
                    long due = start + (long) (i * 1e9 / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String id = Articles.id("chaos", i);
                    acks.add(producer.send(new ProducerRecord<>(Pipeline.TOPICS.raw(), id, Articles.json(Articles.article(id, i)))));
                    goodIds.add(id);
                    sent.incrementAndGet();
                    if (i > 0 && i % every == 0 && !bad.isEmpty()) {
                        Map.Entry<String, byte[]> b = bad.remove(0);
                        acks.add(producer.send(new ProducerRecord<>(Pipeline.TOPICS.raw(), b.getKey(), b.getValue())));
                    }
                }
                for (Map.Entry<String, byte[]> b : bad) {
                    acks.add(producer.send(new ProducerRecord<>(Pipeline.TOPICS.raw(), b.getKey(), b.getValue())));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(3, TimeUnit.MINUTES);
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        void awaitSent(int n) {
            while (sent.get() < n && isAlive()) {
                ServiceProcess.sleep(100);
            }
        }
    }
}
