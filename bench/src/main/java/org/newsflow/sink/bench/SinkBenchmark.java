package org.newsflow.sink.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Json;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Settings;
import org.newsflow.contract.KafkaClients;
import org.newsflow.contract.Topics;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;

/**
 * The sink benchmark: produces N synthetic enriched records to a fresh topic, then times the sink loading them
 * from the topic into the store. {@code SinkBenchmark [--embedded | --bootstrap-servers H:P] --store URL --n 50000}
 * (see {@link #main}); also SinkBenchmarkTest. docs/sink.md has the commands.
 */
public final class SinkBenchmark {

    /**
     * @param seconds from the sink's start to the last article stored (includes joining the group)
     * @param loadSeconds from the first record polled to the last article stored
     */
    public record Result(int articles, String store, double seconds, double loadSeconds, double produceSeconds,
                         long batches, double batchSeconds, double storeWriteSeconds,
                         double jvmCpuSeconds, double sinkThreadsCpuSeconds, double databaseCpuSeconds,
                         double baselineReadSeconds) {
        public double articlesPerSecond() {
            return articles / loadSeconds;
        }

        /** The baseline of the same run: reading and parsing the same records from the topic, storing nothing. */
        public double baselineArticlesPerSecond() {
            return articles / baselineReadSeconds;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "sink benchmark: %d enriched articles from Kafka into %s: %.0f articles/s (%.2f s from first poll to last commit;"
                            + " %.2f s including group join; producing them took %.2f s; %d batches: %.2f s in batches,"
                            + " of which %.2f s in database writes; CPU while loading: %.2f s this JVM (sink + embedded broker"
                            + " if any, JIT, GC), %.2f s of it in the sink's own threads, %.2f s local postgres processes);"
                            + " baseline in the same run, reading and parsing the same records without storing them:"
                            + " %.0f articles/s, so the sink runs at %.2fx of the bare read",
                    articles, store, articlesPerSecond(), loadSeconds, seconds, produceSeconds, batches, batchSeconds,
                    storeWriteSeconds, jvmCpuSeconds, sinkThreadsCpuSeconds, databaseCpuSeconds,
                    baselineArticlesPerSecond(), articlesPerSecond() / baselineArticlesPerSecond());
        }
    }

    private SinkBenchmark() {}

    public static Result run(String bootstrapServers, String storeUrl, int n, int partitions) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String topic = "news.articles.enriched.bench-" + run;
        try (Admin admin = Admin.create(KafkaClients.of(bootstrapServers).admin("sink-bench").build())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        long produceStart = System.nanoTime();
        produce(bootstrapServers, topic, "bench-" + run, n);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        double baselineReadSeconds = readAndParse(bootstrapServers, topic, n);

        try (ArticleStore store = ArticleStore.open(storeUrl)) {
            long before = store.count();
            // NEWSFLOW_SINK_MAX_POLL_RECORDS etc. from the environment; the rest is this run's own.
            SinkConfig config = SinkConfig.from(Settings.fromEnvironment())
                    .withBootstrapServers(bootstrapServers)
                    .withTopics(new Topics(Topics.RAW, topic, Topics.DLQ))
                    .withGroupId("newsflow-sink-bench-" + run)
                    .withStore(storeUrl)
                    .withHttp("127.0.0.1", 0, false);
            long start = System.nanoTime();
            double jvmCpu0 = jvmCpuSeconds();
            double sinkCpu0 = sinkThreadsCpuSeconds();
            Map<Long, Double> db0 = postgresCpu();
            try (SinkService sink = new SinkService(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                sink.start();
                long deadline = start + TimeUnit.MINUTES.toNanos(10);
                while (sink.metrics().written() < n) {
                    if (System.nanoTime() > deadline || !sink.isRunning()) {
                        throw new IllegalStateException("sink stopped or too slow: " + sink.metrics().written() + " of " + n
                                + " written", sink.failure());
                    }
                    Thread.sleep(5);
                }
                long end = System.nanoTime();
                double jvmCpu = jvmCpuSeconds() - jvmCpu0;
                double sinkCpu = sinkThreadsCpuSeconds() - sinkCpu0;
                Map<Long, Double> db1 = postgresCpu();
                double dbCpu = db1.entrySet().stream().mapToDouble(e -> e.getValue() - db0.getOrDefault(e.getKey(), 0.0)).sum();
                long stored = store.count() - before;
                if (stored != n) {
                    throw new IllegalStateException("expected " + n + " new articles in the store, found " + stored);
                }
                return new Result(n, store.describe(), (end - start) / 1e9, (end - sink.firstRecordNanos()) / 1e9, produceSeconds,
                        sink.metrics().batches(), sink.metrics().batchSeconds(), sink.metrics().storeWriteSeconds(),
                        jvmCpu, sinkCpu, dbCpu, baselineReadSeconds);
            }
        }
    }

    private static double jvmCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** CPU seconds of the sink's threads (poll loop and writers). */
    private static double sinkThreadsCpuSeconds() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("newsflow-sink")) {
                long ns = threads.getThreadCpuTime(t.getId());
                total += ns > 0 ? ns / 1e9 : 0;
            }
        }
        return total;
    }

    /** CPU seconds so far of each local postgres process (server backends), by pid; empty where not visible. */
    private static Map<Long, Double> postgresCpu() {
        Map<Long, Double> cpu = new java.util.HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            var info = p.info();
            if (info.command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres")).orElse(false)) {
                info.totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d.toNanos() / 1e9));
            }
        });
        return cpu;
    }

    /** Seconds to read all n records of the topic from the start (read_committed) and parse each: no store. */
    static double readAndParse(String bootstrapServers, String topic, int n) {
        Properties p = KafkaClients.of(bootstrapServers).consumer("sink-bench-reader").maxPollRecords(2000).build();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            int read = 0;
            while (read < n) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(java.time.Duration.ofMillis(500))) {
                    Json.read(r.value(), EnrichedArticle.class);
                    read++;
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    static void produce(String bootstrapServers, String topic, String prefix, int n) throws Exception {
        Properties p = KafkaClients.of(bootstrapServers).producer("sink-bench-load").batched(20)
                .set(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024).build();
        SyntheticArticles synthetic = new SyntheticArticles(1, Instant.parse("2024-01-01T00:00:00Z"));
        Instant enrichedAt = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                var article = synthetic.article(prefix, i, enrichedAt);
                sent.add(producer.send(new ProducerRecord<>(topic, article.id(), Json.toBytes(article))));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    /**
     * {@code java -cp ... org.newsflow.sink.bench.SinkBenchmark [--embedded | --bootstrap-servers H:P] [--store URL]
     * [--n 50000] [--partitions 4]}. With {@code --embedded} a broker is started in this JVM (the module
     * {@code newsflow-embedded-kafka} must be on the class path, as it is in the launcher's distribution and on the
     * sink's test class path). Prints the result line and the load average before and after.
     */
    public static void main(String[] args) throws Exception {
        String bootstrap = "localhost:9092";
        String store = "sqlite:./data/bench.db";
        int n = 50_000;
        int partitions = 4;
        boolean embedded = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--embedded" -> {
                    embedded = true;
                    continue;
                }
                case "--bootstrap-servers" -> bootstrap = required(args[i], value);
                case "--store" -> store = required(args[i], value);
                case "--n" -> n = Integer.parseInt(required(args[i], value));
                case "--partitions" -> partitions = Integer.parseInt(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: SinkBenchmark [--embedded | --bootstrap-servers H:P] [--store URL] [--n N] [--partitions P]");
            }
            i++;
        }
        System.out.println("load average before: " + loadAverage());
        Result result;
        if (embedded) {
            // by reflection: the embedded broker is not a runtime dependency of the sink
            Class<?> type = Class.forName("org.newsflow.kafka.embedded.EmbeddedKafkaBroker");
            try (AutoCloseable broker = (AutoCloseable) type.getMethod("start").invoke(null)) {
                result = run((String) type.getMethod("bootstrapServers").invoke(broker), store, n, partitions);
            }
        } else {
            result = run(bootstrap, store, n, partitions);
        }
        System.out.println(result);
        System.out.println("measured at " + Instant.now() + " with " + Runtime.getRuntime().availableProcessors()
                + " cores; load average after: " + loadAverage());
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The 1, 5 and 15 minute load averages (/proc/loadavg), or the JVM's 1 minute figure elsewhere. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return String.format(java.util.Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
