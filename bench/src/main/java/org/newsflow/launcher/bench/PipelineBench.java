package org.newsflow.launcher.bench;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.ArticleVersion;

/**
 * The whole pipeline on an embedded broker: ingest's publisher -> raw topic -> enrich service (transactional,
 * {@code threads} workers sharing the process's one CoreNLP pipeline) -> enriched topic -> sink service
 * (read_committed) -> SQLite. An article counts as delivered when the sink's database transaction holding it has
 * committed; its latency is that moment minus the {@code ingestedAt} ingest stamped on it when it published it.
 */
final class PipelineBench implements AutoCloseable {
    /** @param processCpuSeconds CPU time of the whole process (broker, ingest, enrich, sink) during the run */
    record Capacity(int threads, int partitions, int articles, double seconds, double processCpuSeconds) {
        double articlesPerSecond() {
            return articles / seconds;
        }

        double articlesPerProcessCpuSecond() {
            return articles / processCpuSeconds;
        }
    }

    record Latency(int threads, double offeredPerSecond, double seconds, int articles, long[] sortedMicros) {
        double percentileMillis(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
            return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1000.0;
        }

        double maxMillis() {
            return sortedMicros.length == 0 ? Double.NaN : sortedMicros[sortedMicros.length - 1] / 1000.0;
        }
    }

    private final EmbeddedKafkaBroker broker;
    private final List<RawArticle> corpus;
    private final AtomicLong sequence = new AtomicLong();
    private int sessions;

    PipelineBench(List<RawArticle> corpus) {
        this.corpus = corpus;
        this.broker = EmbeddedKafkaBroker.start();
    }

    /** One running pipeline: fresh topics, an enrich service with the given workers, a sink into a fresh database. */
    Session open(int threads, int partitions) throws IOException {
        return new Session(++sessions, threads, partitions);
    }

    final class Session implements AutoCloseable {
        private final int threads;
        private final int partitions;
        private final Path dbFile;
        private final ArticleStore store;
        private final EnrichService enrich;
        private final SinkService sink;
        private final ArticlePublisher publisher;
        /** article id -> ingest-to-store latency in microseconds, at the first commit that stored it */
        private final Map<String, Long> stored = new ConcurrentHashMap<>();
        private final AtomicLong lastStoredNanos = new AtomicLong();

        Session(int n, int threads, int partitions) throws IOException {
            this.threads = threads;
            this.partitions = partitions;
            String prefix = "bench" + n;
            Topics topics = new Topics(prefix + ".articles.raw", prefix + ".articles.enriched", prefix + ".articles.dlq");
            broker.createTopics(Map.of(topics.raw(), partitions, topics.enriched(), partitions, topics.dlq(), 1));
            Settings settings = Settings.fromEnvironment()
                    .with("BOOTSTRAP_SERVERS", broker.bootstrapServers())
                    .with("TOPIC_RAW", topics.raw())
                    .with("TOPIC_ENRICHED", topics.enriched())
                    .with("TOPIC_DLQ", topics.dlq())
                    .with("ENRICH_GROUP", prefix + "-enrich")
                    .with("ENRICH_INSTANCE", prefix + "-enrich")
                    .with("ENRICH_THREADS", Integer.toString(threads))
                    .with("INGEST_CLIENT_ID", prefix + "-ingest")
                    .with("SINK_GROUP", prefix + "-sink")
                    .with("SINK_HTTP_ENABLED", "false");
            this.dbFile = Files.createTempFile("newsflow-bench-", ".db");
            Files.deleteIfExists(dbFile);
            this.store = timed(ArticleStore.open("sqlite:" + dbFile));
            this.enrich = new EnrichService(EnrichConfig.from(settings), Enricher.shared());
            enrich.start();
            this.sink = new SinkService(SinkConfig.from(settings.with("SINK_STORE", "sqlite:" + dbFile)), store).start();
            this.publisher = new ArticlePublisher(IngestConfig.from(settings));
        }

        int threads() {
            return threads;
        }

        /** Wraps the store so that each upsert, once committed, stamps the latency of the articles it stored. */
        private ArticleStore timed(ArticleStore delegate) {
            InvocationHandler handler = (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (method.getName().equals("upsert") && args != null && args.length == 1 && args[0] instanceof List<?> versions) {
                    Instant now = Instant.now();
                    long nanos = System.nanoTime();
                    for (Object v : versions) {
                        EnrichedArticle article = ((ArticleVersion) v).article();
                        Instant ingested = article.article().ingestedAt();
                        long micros = ingested == null ? -1 : Duration.between(ingested, now).toNanos() / 1000;
                        stored.putIfAbsent(article.id(), micros);
                    }
                    lastStoredNanos.set(nanos);
                }
                return result;
            };
            return (ArticleStore) Proxy.newProxyInstance(ArticleStore.class.getClassLoader(), new Class<?>[] {ArticleStore.class}, handler);
        }

        /** Publishes {@code count} copies of the corpus articles (fresh ids, ingestedAt = now) as fast as possible. */
        private void publishBurst(String tag, int count) {
            for (int i = 0; i < count; i++) {
                publisher.publish(copy(corpus.get(i % corpus.size()), tag));
            }
            publisher.flush();
        }

        private RawArticle copy(RawArticle a, String tag) {
            return new RawArticle(a.schemaVersion(), a.id() + "-" + tag + sequence.incrementAndGet(), a.url(), a.source(),
                    a.title(), a.body(), a.language(), a.publishedAt(), Instant.now(), a.origin());
        }

        private void awaitStored(int total, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (stored.size() < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("pipeline stalled: " + stored.size() + " of " + total + " articles stored after " + timeout.toSeconds() + " s");
                }
                if (!sink.isRunning()) {
                    throw new IllegalStateException("sink stopped: " + sink.failure());
                }
                LockSupport.parkNanos(2_000_000);
            }
        }

        /** Sends a few articles through so every consumer has its partitions and every producer its transaction state. */
        void warmUp(int count, Duration timeout) {
            int before = stored.size();
            publishBurst("w", count);
            awaitStored(before + count, timeout);
        }

        /** Sustained throughput: a backlog of {@code count} articles, from the first send to the last database commit. */
        Capacity capacity(int count, Duration timeout) {
            int before = stored.size();
            long cpuStart = Throughput.processCpuNanos();
            long start = System.nanoTime();
            publishBurst("c", count);
            awaitStored(before + count, timeout);
            long cpuEnd = Throughput.processCpuNanos();
            return new Capacity(threads, partitions, count, (lastStoredNanos.get() - start) / 1e9, (cpuEnd - cpuStart) / 1e9);
        }

        /** Open-loop load at {@code perSecond} articles/s for {@code seconds}; ingest-to-store latency of each. */
        Latency latency(double perSecond, double seconds, Duration drainTimeout) {
            int count = Math.max(1, (int) Math.round(perSecond * seconds));
            String[] ids = new String[count];
            long interval = (long) (1e9 / perSecond);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                RawArticle a = copy(corpus.get(i % corpus.size()), "l");
                ids[i] = a.id();
                publisher.publish(a);
            }
            publisher.flush();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                Long m;
                while ((m = stored.get(ids[i])) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("latency run: article " + i + " of " + count + " not stored after the drain timeout");
                    }
                    LockSupport.parkNanos(2_000_000);
                }
                micros[i] = m;
            }
            Arrays.sort(micros);
            // the schedule's rate and span (the sends kept to it unless the publisher blocked: then sendSeconds is longer)
            return new Latency(threads, perSecond, Math.max(sendSeconds, count / perSecond), count, micros);
        }

        /** Rows in the store: equals the articles sent when nothing was lost or duplicated. */
        long storedRows() {
            return store.count();
        }

        long sent() {
            return publisher.published();
        }

        @Override
        public void close() {
            publisher.close();
            enrich.close();
            sink.close();
            store.close();
            try {
                for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                    Files.deleteIfExists(Path.of(dbFile + suffix));
                }
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
