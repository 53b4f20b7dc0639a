package org.newsflow.sink.consume;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.sink.api.SinkApi;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.ArticleVersion;
import org.newsflow.sink.store.StoreException;
import org.newsflow.sink.store.UpsertResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink: consumes {@code news.articles.enriched} (read_committed, in a consumer group), upserts each poll's
 * records into the store in one transaction, then commits the offsets. Unparseable records, and records the
 * database rejects as data errors, go to the dead-letter topic; while the database is unavailable the batch is
 * retried with exponential backoff (partitions paused, group membership kept) and nothing is skipped. Optionally
 * serves the query API ({@link SinkApi}).
 *
 * <p>Embedded use: {@code new SinkService(config, store).start()}, wait on {@code store.count()} or
 * {@code store.find(id)}, {@code close()}. The caller owns the store and closes it after the service.
 */
public final class SinkService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final SinkConfig config;
    private final ArticleStore store;
    private final PrometheusMeterRegistry registry;
    private final SinkMetrics metrics;
    private final Consumer<JavalinConfig> httpCustomizer;
    private volatile boolean running;
    private volatile boolean retrying;
    private volatile Throwable failure;
    private volatile long firstRecordNanos;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    /** Runs the first write attempt of a batch while the poll thread parses the next one. */
    private final ExecutorService pipeline = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsflow-sink-pipeline");
        t.setDaemon(true);
        return t;
    });
    private SinkApi api;

    public SinkService(SinkConfig config, ArticleStore store) {
        this(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), cfg -> {});
    }

    /**
     * @param registry where the sink's meters go; also served at /metrics
     * @param httpCustomizer extra Javalin configuration (static files of the dashboard, more routes)
     */
    public SinkService(SinkConfig config, ArticleStore store, PrometheusMeterRegistry registry, Consumer<JavalinConfig> httpCustomizer) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.metrics = new SinkMetrics(registry);
        this.httpCustomizer = httpCustomizer;
    }

    /** Starts the HTTP API (if enabled) and the consumer on its own thread; returns at once. */
    public synchronized SinkService start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        if (config.httpEnabled()) {
            api = new SinkApi(store, registry, httpCustomizer).start(config.httpHost(), config.httpPort());
        }
        consumer = new KafkaConsumer<>(consumerProperties());
        running = true;
        thread = new Thread(this::run, "newsflow-sink");
        thread.start();
        LOG.info("sink started: {} -> {} (group {}){}", config.topics().enriched(), store.describe(), config.groupId(),
                api == null ? "" : ", API on http://" + config.httpHost() + ":" + api.port() + "/api");
        return this;
    }

    /** The API's port (useful with port 0), or -1 when the API is off. */
    public int httpPort() {
        return api == null ? -1 : api.port();
    }

    public SinkMetrics metrics() {
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public ArticleStore store() {
        return store;
    }

    /** True while the consumer loop runs (false after close or a fatal error, see {@link #failure()}). */
    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** True while a write is failing and being retried (the database is down or busy). */
    public boolean isRetrying() {
        return retrying;
    }

    /** What stopped the loop, if it stopped by itself. */
    public Throwable failure() {
        return failure;
    }

    /** System.nanoTime() of the first non-empty poll, or 0: for the benchmark. */
    public long firstRecordNanos() {
        return firstRecordNanos;
    }

    /** Stops consuming (offsets of written batches are committed; a batch in retry is left to be redelivered). */
    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }

    // ------------------------------------------------------------------ the loop

    private void run() {
        Pending pending = null;
        try (KafkaProducer<String, byte[]> dlq = new KafkaProducer<>(producerProperties())) {
            consumer.subscribe(List.of(config.topics().enriched()), new Rebalance());
            while (running) {
                // While batch N is being written, poll and parse batch N+1 (without waiting for more records), then
                // finish N: its offsets are committed only after its database commit, and before N+1 is written.
                ConsumerRecords<String, byte[]> records = consumer.poll(pending == null ? POLL_TIMEOUT : Duration.ZERO);
                Batch next = records.isEmpty() ? null : prepare(records);
                if (pending != null) {
                    Pending current = pending;
                    pending = null;
                    finish(current, dlq);
                }
                if (next != null) {
                    pending = submit(next);
                }
            }
        } catch (WakeupException | Shutdown e) {
            // close() was called
        } catch (Throwable e) {
            failure = e;
            LOG.error("sink stopped on an unexpected error", e);
        } finally {
            running = false;
            if (pending != null && pending.write() != null) {
                // Not committed: the batch is redelivered and upserted again (a no-op if this write completed). Wait
                // for the write, so that none is in flight when the caller closes the store.
                try {
                    pending.write().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.debug("write in flight at shutdown did not complete", e);
                }
            }
            pipeline.shutdownNow();
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("consumer close failed", e);
            }
            LOG.info("sink stopped");
        }
    }

    /** One poll's records, parsed: what to write, what is dead already, and the offsets to commit after the write. */
    private record Batch(long startNanos, List<ConsumerRecord<String, byte[]>> good, List<ArticleVersion> versions,
                         List<DeadLetter> dead, Map<TopicPartition, OffsetAndMetadata> offsets) {}

    /** A batch whose first write attempt runs on the pipeline thread. */
    private record Pending(Batch batch, Future<UpsertResult> write) {}

    private Batch prepare(ConsumerRecords<String, byte[]> records) {
        long start = System.nanoTime();
        if (firstRecordNanos == 0) {
            firstRecordNanos = start;
        }
        metrics.consumed.increment(records.count());
        List<ConsumerRecord<String, byte[]>> good = new ArrayList<>(records.count());
        List<ArticleVersion> versions = new ArrayList<>(records.count());
        List<DeadLetter> dead = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            try {
                versions.add(new ArticleVersion(parse(record), new String(record.value(), StandardCharsets.UTF_8)));
                good.add(record);
            } catch (InvalidRecordException e) {
                dead.add(new DeadLetter(record, e));
            }
        }
        return new Batch(start, good, versions, dead, offsets);
    }

    private Pending submit(Batch batch) {
        Future<UpsertResult> write = batch.versions().isEmpty() ? null
                : pipeline.submit(() -> metrics.storeWrite.record(() -> store.upsert(batch.versions())));
        return new Pending(batch, write);
    }

    /** Waits for the batch's write (retrying it here if it failed), sends its dead letters, commits its offsets. */
    private void finish(Pending pending, KafkaProducer<String, byte[]> dlq) {
        Batch b = pending.batch();
        List<DeadLetter> dead = new ArrayList<>(b.dead());
        write(b.good(), b.versions(), dead, pending.write());
        sendDeadLetters(dlq, dead);
        commit(b.offsets());
        metrics.batch.record(System.nanoTime() - b.startNanos(), TimeUnit.NANOSECONDS);
    }

    /** The result of a write on the pipeline thread, with its exception unwrapped. */
    private static UpsertResult await(Future<UpsertResult> write) {
        try {
            return write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Shutdown();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new StoreException("upsert failed: " + e.getCause(), false, e.getCause());
        }
    }

    static EnrichedArticle parse(ConsumerRecord<String, byte[]> record) {
        EnrichedArticle article = Json.read(record.value(), EnrichedArticle.class);
        if (article.id() == null || article.id().isBlank()) {
            throw new InvalidRecordException("enriched record has no id");
        }
        if (article.article() == null) {
            throw new InvalidRecordException("enriched record " + article.id() + " has no article");
        }
        return article;
    }

    /**
     * Writes the batch, retrying while the store is unavailable; records the database rejects become dead letters.
     * {@code firstAttempt} is the write already running on the pipeline thread (null for an empty batch).
     */
    private void write(List<ConsumerRecord<String, byte[]>> records, List<ArticleVersion> versions, List<DeadLetter> dead,
                       Future<UpsertResult> firstAttempt) {
        if (versions.isEmpty()) {
            return;
        }
        List<Future<UpsertResult>> first = new ArrayList<>(List.of(firstAttempt));
        try {
            count(retrying(() -> first.isEmpty() ? metrics.storeWrite.record(() -> store.upsert(versions))
                    : await(first.remove(0))));
        } catch (StoreException e) { // a data error: find the culprits one by one
            LOG.warn("batch of {} rejected by the database ({}); writing its records one by one", versions.size(), e.getMessage());
            for (int i = 0; i < versions.size(); i++) {
                List<ArticleVersion> one = List.of(versions.get(i));
                try {
                    count(retrying(() -> store.upsert(one)));
                } catch (StoreException rejected) {
                    dead.add(new DeadLetter(records.get(i), new InvalidRecordException(
                            "rejected by the database: " + rejected.getMessage(), rejected)));
                }
            }
        }
    }

    private void count(UpsertResult result) {
        metrics.written.increment(result.written());
        metrics.stale.increment(result.stale());
    }

    interface Attempt<T> {
        T run();
    }

    /**
     * Runs the attempt until it succeeds or fails with a data error (rethrown). Between attempts the assigned
     * partitions are paused and the consumer keeps polling, so the group does not evict it however long the outage.
     */
    private <T> T retrying(Attempt<T> attempt) {
        long delay = config.retryInitial().toMillis();
        int failures = 0;
        try {
            while (true) {
                try {
                    return attempt.run();
                } catch (StoreException e) {
                    if (e.isDataError()) {
                        throw e;
                    }
                    onFailure(++failures, "store write", e);
                } catch (KafkaException e) { // dead-letter sends
                    onFailure(++failures, "dead-letter send", e);
                }
                backoff(delay);
                delay = Math.min(config.retryMax().toMillis(), Math.max(1, delay * 2));
            }
        } finally {
            if (retrying) {
                retrying = false;
                consumer.resume(consumer.paused());
                if (failures > 0) {
                    LOG.info("recovered after {} failed attempts", failures);
                }
            }
        }
    }

    private void onFailure(int failures, String what, RuntimeException e) {
        metrics.storeFailures.increment();
        if (failures == 1 || failures % 10 == 0) {
            LOG.warn("{} failed ({} so far), retrying with backoff: {}", what, failures, e.getMessage());
            LOG.debug("{} failure", what, e);
        }
        if (!retrying) {
            retrying = true;
            consumer.pause(consumer.assignment());
        }
    }

    private void backoff(long delayMs) {
        long until = System.currentTimeMillis() + delayMs;
        while (System.currentTimeMillis() < until) {
            if (!running) {
                throw new Shutdown();
            }
            // Keeps the group membership alive; paused partitions return nothing.
            ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofMillis(Math.min(100, Math.max(1, until - System.currentTimeMillis()))));
            rewind(unexpected);
        }
    }

    /** Records from partitions assigned during a retry are not ours to handle yet: rewind and pause them. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            consumer.seek(tp, records.records(tp).get(0).offset());
            consumer.pause(List.of(tp));
        }
    }

    private void sendDeadLetters(KafkaProducer<String, byte[]> dlq, List<DeadLetter> dead) {
        if (dead.isEmpty()) {
            return;
        }
        retrying(() -> {
            List<Future<?>> sent = new ArrayList<>();
            for (DeadLetter d : dead) {
                sent.add(dlq.send(DeadLetters.of(config.topics().dlq(), "sink", d.record(), d.error())));
            }
            try {
                for (Future<?> f : sent) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Shutdown();
            } catch (Exception e) {
                throw new KafkaException("dead letters not acknowledged: " + e.getMessage(), e);
            }
            return null;
        });
        for (DeadLetter d : dead) {
            LOG.warn("record {}-{}@{} (key {}) sent to {}: {}", d.record().topic(), d.record().partition(),
                    d.record().offset(), d.record().key(), config.topics().dlq(), DeadLetters.reason(d.error()));
        }
        metrics.deadLetters.increment(dead.size());
    }

    /** After the database commit only. A failed commit means redelivery, and the upserts are idempotent. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Set<TopicPartition> owned = new HashSet<>(consumer.assignment());
        offsets.keySet().retainAll(owned);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            metrics.commitFailures.increment();
            LOG.warn("offset commit failed, the batch will be redelivered and upserted again: {}", e.getMessage());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            LOG.info("partitions revoked: {}", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("partitions assigned: {}", partitions);
            if (retrying) {
                consumer.pause(partitions);
            }
        }
    }

    private record DeadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {}

    private static final class Shutdown extends RuntimeException {
        Shutdown() {
            super("sink is closing", null, false, false);
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-sink-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxPollRecords()));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-sink-dlq-" + ProcessHandle.current().pid());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
