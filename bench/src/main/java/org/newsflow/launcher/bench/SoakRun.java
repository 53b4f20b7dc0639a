package org.newsflow.launcher.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Json;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Settings;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.enrich.service.EnrichMetrics;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;
import org.slf4j.LoggerFactory;

/**
 * The soak run behind {@code newsflow bench soak}. An open-loop producer offers the benchmark articles (fresh ids, so
 * every one is a new row) at a fixed rate, plus a malformed record every {@code badEvery} articles; the enrich service
 * and the sink run as in the demo. Every interval it prints what was produced, enriched, stored and dead-lettered,
 * each consumer group's lag, the heap still in use after a full GC, and the errors so far.
 *
 * <p>Reading the lag: the raw topic is written without transactions, so enrich's lag there is exact. The enriched topic
 * is written in transactions, and every commit leaves a marker offset behind the last record, so a sink that has read
 * everything still shows 1-2 per partition: the summary counts a partition as caught up at lag <= 2 there.
 *
 * <p>Errors: WARN and ERROR log events of newsflow and Kafka, producer send failures, aborted enrich transactions,
 * enrich worker failures and a stopped sink. A healthy soak has none.
 */
public final class SoakRun {
    /** Lag per partition on a transactional topic that is only commit markers. */
    static final int MARKER_LAG = 2;

    public record Options(double minutes, double rate, int intervalSeconds, int threads, int partitions, int badEvery,
            String store, int drainSeconds) {}

    record Sample(double seconds, long produced, long enriched, long stored, long dlq, long enrichLag, long enrichLagMax,
            long sinkLag, long sinkLagMax, long heapAfterGcBytes, long errors) {}

    public record Result(long produced, long bad, long stored, long dlq, boolean caughtUp, long errors, List<Sample> samples) {
        public boolean passed() {
            return stored == produced && dlq == bad && caughtUp && errors == 0;
        }
    }

    private final Options options;
    private final List<RawArticle> corpus;
    private final PrintStream out;
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong dlqRecords = new AtomicLong();
    private final ErrorCounter logErrors = new ErrorCounter();
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean producing = true;
    private volatile boolean readingDeadLetters = true;

    public SoakRun(Options options, List<RawArticle> corpus, PrintStream out) {
        this.options = options;
        this.corpus = corpus;
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    public Result run() throws Exception {
        Instant started = Instant.now();
        out.printf("soak: %.1f min at %.1f articles/s (%d-article corpus), %d enrich threads, %d partitions, a bad record every %d, "
                + "report every %d s; %d cores, max heap %d MB; started %s%n",
                options.minutes(), options.rate(), corpus.size(), options.threads(), options.partitions(), options.badEvery(),
                options.intervalSeconds(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, started);
        logErrors.install();
        Path dbFile = null;
        String storeUrl = options.store();
        if (storeUrl == null) {
            dbFile = Files.createTempFile("newsflow-soak-", ".db");
            Files.delete(dbFile);
            storeUrl = "sqlite:" + dbFile;
        }
        Topics topics = Topics.defaults();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(Map.of(topics.raw(), options.partitions(), topics.enriched(), options.partitions(), topics.dlq(), 1));
            Settings settings = Settings.fromEnvironment()
                    .with("BOOTSTRAP_SERVERS", broker.bootstrapServers())
                    .with("ENRICH_THREADS", Integer.toString(options.threads()))
                    .with("ENRICH_INSTANCE", "soak-enrich")
                    .with("SINK_HTTP_ENABLED", "false");
            EnrichMetrics enrichMetrics = new EnrichMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            ArticleStore store = ArticleStore.open(storeUrl);
            SinkConfig sinkConfig = SinkConfig.from(settings).withStore(storeUrl);
            try (EnrichService enrich = new EnrichService(EnrichConfig.from(settings), Enricher.shared(), enrichMetrics);
                    SinkService sink = new SinkService(sinkConfig, store);
                    Admin admin = Admin.create(KafkaClients.of(broker.bootstrapServers()).admin("soak-lag").build())) {
                enrich.start();
                sink.start();
                Thread dlqReader = daemon("soak-dlq-reader", () -> countDeadLetters(broker.bootstrapServers(), topics.dlq()));
                Thread producer = daemon("soak-producer", () -> produce(broker.bootstrapServers(), topics.raw()));
                long t0 = System.nanoTime();
                out.printf("%8s %9s %9s %9s %6s %15s %15s %9s %7s%n", "t(s)", "produced", "enriched", "stored", "dlq",
                        "lag enrich", "lag sink", "heap(MB)", "errors");
                out.printf("%8s %9s %9s %9s %6s %15s %15s %9s %7s%n", "", "", "", "", "", "sum (max/part)", "sum (max/part)", "after GC", "");
                long loadEnd = t0 + (long) (options.minutes() * 60e9);
                long next = t0;
                while (System.nanoTime() < loadEnd) {
                    next += TimeUnit.SECONDS.toNanos(options.intervalSeconds());
                    sleepUntil(Math.min(next, loadEnd));
                    sample(t0, admin, topics, enrichMetrics, store, sink);
                }
                producing = false;
                producer.join(TimeUnit.SECONDS.toMillis(30));
                out.printf("load stopped after %d articles and %d bad records; draining%n", produced.get(), bad.get());
                long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
                boolean caughtUp = false;
                while (!caughtUp && System.nanoTime() < drainEnd) {
                    sleepUntil(Math.min(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), drainEnd));
                    Sample s = measure(t0, admin, topics, enrichMetrics, store, sink, false);
                    caughtUp = s.stored() == produced.get() && s.dlq() == bad.get() && s.enrichLagMax() == 0 && s.sinkLagMax() <= MARKER_LAG;
                }
                Sample last = sample(t0, admin, topics, enrichMetrics, store, sink);
                readingDeadLetters = false; // not interrupt(): an interrupted consumer logs an error on close
                dlqReader.join(TimeUnit.SECONDS.toMillis(10));
                Result result = new Result(produced.get(), bad.get(), last.stored(), last.dlq(), caughtUp, last.errors(), List.copyOf(samples));
                summary(result, started);
                return result;
            } finally {
                store.close();
            }
        } finally {
            logErrors.uninstall();
            if (dbFile != null) {
                for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                    Files.deleteIfExists(Path.of(dbFile + suffix));
                }
            }
        }
    }

    private Sample sample(long t0, Admin admin, Topics topics, EnrichMetrics enrichMetrics, ArticleStore store, SinkService sink) throws Exception {
        Sample s = measure(t0, admin, topics, enrichMetrics, store, sink, true);
        samples.add(s);
        out.printf("%8.0f %9d %9d %9d %6d %15s %15s %9d %7d%n", s.seconds(), s.produced(), s.enriched(), s.stored(), s.dlq(),
                s.enrichLag() + " (" + s.enrichLagMax() + ")", s.sinkLag() + " (" + s.sinkLagMax() + ")",
                s.heapAfterGcBytes() >> 20, s.errors());
        return s;
    }

    private Sample measure(long t0, Admin admin, Topics topics, EnrichMetrics enrichMetrics, ArticleStore store, SinkService sink,
            boolean heap) throws Exception {
        Map<TopicPartition, Long> enrichLag = lag(admin, "newsflow-enrich", topics.raw());
        Map<TopicPartition, Long> sinkLag = lag(admin, "newsflow-sink", topics.enriched());
        long errors = logErrors.count.get() + sendFailures.get() + enrichMetrics.abortedTransactions() + enrichMetrics.workerFailures()
                + (sink.isRunning() ? 0 : 1);
        return new Sample((System.nanoTime() - t0) / 1e9, produced.get() + bad.get(), enrichMetrics.enriched(), store.count(), dlqRecords.get(),
                sum(enrichLag), max(enrichLag), sum(sinkLag), max(sinkLag), heap ? heapAfterGc() : -1, errors);
    }

    private void summary(Result r, Instant started) {
        out.println();
        out.printf("soak summary (started %s, ended %s)%n", started, Instant.now());
        out.printf("  articles produced %d, stored %d, lost %d; bad records %d, dead letters %d%n",
                r.produced(), r.stored(), r.produced() - r.stored(), r.bad(), r.dlq());
        Sample last = r.samples().get(r.samples().size() - 1);
        out.printf("  lag at the end: enrich %d on raw (max %d per partition), sink %d on enriched (max %d per partition; <= %d is commit markers): %s%n",
                last.enrichLag(), last.enrichLagMax(), last.sinkLag(), last.sinkLagMax(), MARKER_LAG,
                r.caughtUp() ? "caught up" : "NOT caught up");
        long maxEnrichLag = r.samples().stream().mapToLong(Sample::enrichLag).max().orElse(0);
        out.printf("  highest enrich lag seen at a report: %d%n", maxEnrichLag);
        List<Sample> load = r.samples().subList(0, Math.max(1, r.samples().size() - 1));
        if (load.size() >= 2) {
            // Skip the first interval (models and caches still filling), then fit MB per hour.
            List<Sample> steady = load.size() > 2 ? load.subList(1, load.size()) : load;
            double slope = slopeMbPerHour(steady);
            long min = steady.stream().mapToLong(Sample::heapAfterGcBytes).min().orElse(0) >> 20;
            long maxHeap = steady.stream().mapToLong(Sample::heapAfterGcBytes).max().orElse(0) >> 20;
            out.printf("  heap after GC (from the second report on): first %d MB, last %d MB, min %d MB, max %d MB, trend %+.1f MB/hour%n",
                    steady.get(0).heapAfterGcBytes() >> 20, steady.get(steady.size() - 1).heapAfterGcBytes() >> 20, min, maxHeap, slope);
        }
        out.printf("  errors: %d (WARN/ERROR log events %d, failed sends %d; embedded broker's own warnings, not counted: %d)%s%n",
                r.errors(), logErrors.count.get(), sendFailures.get(), logErrors.broker.get(),
                logErrors.first.isEmpty() ? "" : "; first: " + logErrors.first);
        out.printf("  verdict: %s%n", r.passed() ? "PASS (nothing lost, every bad record dead-lettered, lag back to zero, no errors)" : "FAIL");
    }

    static double slopeMbPerHour(List<Sample> s) {
        int n = s.size();
        double mx = 0;
        double my = 0;
        for (Sample x : s) {
            mx += x.seconds();
            my += x.heapAfterGcBytes() / 1048576.0;
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (Sample x : s) {
            double dx = x.seconds() - mx;
            num += dx * (x.heapAfterGcBytes() / 1048576.0 - my);
            den += dx * dx;
        }
        return den == 0 ? 0 : num / den * 3600;
    }

    private void produce(String bootstrap, String topic) {
        Properties p = KafkaClients.of(bootstrap).producer("soak-load").set(ProducerConfig.LINGER_MS_CONFIG, 5).build();
        long start = System.nanoTime();
        long interval = (long) (1e9 / options.rate());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; producing; i++) {
                sleepUntil(start + i * interval);
                if (!producing) {
                    break;
                }
                RawArticle a = corpus.get((int) (i % corpus.size()));
                String id = "soak-" + i;
                RawArticle copy = new RawArticle(a.schemaVersion(), id, a.url(), a.source(), a.title(), a.body(), a.language(),
                        a.publishedAt(), Instant.now(), "soak");
                producer.send(new ProducerRecord<>(topic, id, Json.toBytes(copy)), (md, e) -> {
                    if (e != null) {
                        sendFailures.incrementAndGet();
                    } else {
                        produced.incrementAndGet();
                    }
                });
                if (options.badEvery() > 0 && (i + 1) % options.badEvery() == 0) {
                    producer.send(new ProducerRecord<>(topic, "soak-bad-" + i, ("not an article " + i).getBytes(StandardCharsets.UTF_8)), (md, e) -> {
                        if (e != null) {
                            sendFailures.incrementAndGet();
                        } else {
                            bad.incrementAndGet();
                        }
                    });
                }
            }
            producer.flush();
        }
    }

    /** Counts committed dead letters (read_committed: an aborted and retried transaction's copy is not counted). */
    private void countDeadLetters(String bootstrap, String topic) {
        Properties p = KafkaClients.of(bootstrap).consumer("soak-dlq-reader").build(); // read_committed
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            while (readingDeadLetters) {
                dlqRecords.addAndGet(c.poll(Duration.ofMillis(500)).count());
            }
        }
    }

    private static Map<TopicPartition, Long> lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            request.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition tp : request.keySet()) {
            OffsetAndMetadata c = committed.get(tp);
            lag.put(tp, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

    private static long sum(Map<TopicPartition, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long max(Map<TopicPartition, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Heap in use right after a full collection: what the pipeline really holds, not garbage waiting to be collected. */
    private static long heapAfterGc() {
        System.gc();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Counts WARN and ERROR events of newsflow's and Kafka's loggers while the soak runs. Dead-lettering a bad record
     * logs a WARN by design ("record ... to dead-letter topic"), so those are left out: they are counted as dead letters.
     * The embedded broker's server-side warnings are counted apart ({@link #broker}).
     */
    private static final class ErrorCounter extends AppenderBase<ILoggingEvent> {
        final AtomicLong count = new AtomicLong();
        final AtomicLong broker = new AtomicLong();
        final List<String> first = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent e) {
            if (!e.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            String message = e.getFormattedMessage();
            if (message != null && message.contains("to dead-letter topic")) {
                return;
            }
            String logger = e.getLoggerName();
            if (!logger.startsWith("org.newsflow.") && !logger.startsWith("org.apache.kafka.clients.")
                    && !logger.startsWith("org.apache.kafka.common.") || logger.startsWith("org.newsflow.kafka.embedded")) {
                // The embedded broker's own complaints (slow controller events on a busy machine and the like) are about
                // the test harness, not the pipeline: counted apart.
                broker.incrementAndGet();
                return;
            }
            count.incrementAndGet();
            if (first.size() < 3) {
                first.add(e.getLoggerName() + ": " + message);
            }
        }

        void install() {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
                return;
            }
            setContext(ctx);
            setName("soak-error-counter");
            start();
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
        }

        void uninstall() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
                ctx.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
            }
            stop();
        }
    }
}
