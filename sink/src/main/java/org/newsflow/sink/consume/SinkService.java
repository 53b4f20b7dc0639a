package org.newsflow.sink.consume;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
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
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.RecordChecks;
import org.newsflow.contract.Secrets;
import org.newsflow.sink.Redacted;
import org.newsflow.sink.api.Health;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.ArticleVersion;
import org.newsflow.sink.store.StoreException;
import org.newsflow.sink.store.UpsertResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink: consumes {@code news.articles.enriched} (read_committed, in a consumer group), upserts each poll's
 * records into the store in one transaction, then commits the offsets. Records that fail validation (size, JSON
 * shape, id, schema version, dates), records the database rejects as data errors, and records whose write fails
 * with any other exception {@code maxAttempts} times go to the dead-letter topic, one record at a time, and the
 * partition moves on; while the database is unavailable the batch is retried with exponential backoff (partitions
 * paused, group membership kept) and nothing is skipped. This is the Kafka loop only: the query API
 * ({@code org.newsflow.sink.api.SinkApi}) is started next to it by whoever runs the sink (the launcher's
 * {@code SinkServer}), and reports this loop through {@link #health()}.
 *
 * <p>Embedded use: {@code new SinkService(config, store).start()}, wait on {@code store.count()} or
 * {@code store.find(id)}, {@code close()}. The caller owns the store and closes it after the service.
 */
public final class SinkService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    /**
     * The loop counts as stalled (not live) when it has not polled for this long: Kafka's default
     * max.poll.interval.ms, after which the group evicts the consumer anyway.
     */
    static final Duration STALL = Duration.ofMinutes(5);

    private final SinkConfig config;
    private final ArticleStore store;
    private final PrometheusMeterRegistry registry;
    private final SinkMetrics metrics;
    private volatile boolean running;
    private volatile boolean retrying;
    private volatile Throwable failure;
    private volatile long firstRecordNanos;
    /** System.nanoTime() of the loop's last poll: a loop that stops polling is not live. */
    private volatile long lastPollNanos = System.nanoTime();
    private final CompletableFuture<Throwable> stopped = new CompletableFuture<>();
    private volatile Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    /** Runs the first write attempt of a batch while the poll thread parses the next one. */
    private final ExecutorService pipeline = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsflow-sink-pipeline");
        t.setDaemon(true);
        return t;
    });

    public SinkService(SinkConfig config, ArticleStore store) {
        this(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** @param registry where the sink's meters go (the API serves it at /metrics) */
    public SinkService(SinkConfig config, ArticleStore store, PrometheusMeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.metrics = new SinkMetrics(registry);
    }

    /** Starts the consumer on its own thread; returns at once. */
    public synchronized SinkService start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "newsflow-sink");
        thread.start();
        LOG.info("sink started: {} -> {} (group {})", config.topics().enriched(), Secrets.redact(store.describe()), config.groupId());
        return this;
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

    /** Completes when the consumer loop has ended: with the error that killed it, or null after {@link #close()}. */
    public CompletableFuture<Throwable> stopped() {
        return stopped;
    }

    /**
     * The consumer loop as a health component: live while its thread runs and polls (a dead or stalled loop is not,
     * and only a restart helps); ready when also not retrying a failing write (database down). The store is checked
     * by the API itself.
     */
    public Health.Component health() {
        long sincePoll = System.nanoTime() - lastPollNanos;
        if (thread == null && failure == null) { // the API may be up before the loop: starting is alive, not ready
            return new Health.Component("consumer", true, false, "starting");
        }
        if (!isRunning()) {
            Throwable f = failure;
            return new Health.Component("consumer", false, false, f == null ? "stopped"
                    : "stopped on " + f.getClass().getSimpleName() + ": " + Secrets.message(f));
        }
        if (sincePoll > STALL.toNanos()) {
            return new Health.Component("consumer", false, false, "no poll for " + TimeUnit.NANOSECONDS.toSeconds(sincePoll) + " s");
        }
        if (retrying) {
            return new Health.Component("consumer", true, false, "retrying a failed write (store unavailable?)");
        }
        return new Health.Component("consumer", true, true, "polling " + config.topics().enriched());
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
    }

    // ------------------------------------------------------------------ the loop

    private void run() {
        Pending pending = null;
        try (KafkaProducer<String, byte[]> dlq = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
                var consumerMeters = metrics.bindClient(consumer);
                var dlqMeters = metrics.bindClient(dlq)) {
            consumer.subscribe(List.of(config.topics().enriched()), new Rebalance());
            while (running) {
                lastPollNanos = System.nanoTime();
                // While batch N is being written, poll and parse batch N+1 (without waiting for more records), then
                // finish N: its offsets are committed only after its database commit, and before N+1 is written.
                ConsumerRecords<String, byte[]> records = consumer.poll(pending == null ? POLL_TIMEOUT : Duration.ZERO);
                metrics.updateLag(consumer, config.groupId());
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
            // Only what the per-record isolation does not handle gets here (an Error, a fatal Kafka error, a bug in the
            // loop itself): the loop cannot go on, so liveness turns false and the standalone service exits.
            failure = e;
            LOG.error("sink stopped on an unexpected error; liveness is now failing", Redacted.copy(e));
        } finally {
            running = false;
            if (pending != null && pending.write() != null) {
                // Not committed: the batch is redelivered and upserted again (a no-op if this write completed). Wait
                // for the write, so that none is in flight when the caller closes the store.
                try {
                    pending.write().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.debug("write in flight at shutdown did not complete", Redacted.copy(e));
                }
            }
            pipeline.shutdownNow();
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("consumer close failed", Redacted.copy(e));
            }
            metrics.forgetLag();
            LOG.info("sink stopped");
            stopped.complete(failure);
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
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            try {
                EnrichedArticle article = parse(record, config.maxRecordBytes(), now);
                versions.add(new ArticleVersion(article, new String(record.value(), StandardCharsets.UTF_8)));
                good.add(record);
            } catch (InvalidRecordException e) {
                dead.add(new DeadLetter(record, e));
            } catch (RuntimeException e) { // parsing has no transient failures: whatever it throws is about this record
                dead.add(new DeadLetter(record, new InvalidRecordException("record cannot be read: "
                        + e.getClass().getSimpleName() + ": " + Secrets.message(e), e)));
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

    /**
     * Reads and validates one record where it enters the sink, so that the store only ever sees records it can
     * write: the size limit (before parsing), the JSON shape, the schema versions, the id (the contract's
     * {@link RecordChecks}) and every time in a sane range (a publication date of year +999999999 would overflow the
     * epoch-millisecond columns).
     */
    static EnrichedArticle parse(ConsumerRecord<String, byte[]> record, int maxBytes, Instant now) {
        if (record.value() != null && record.value().length > maxBytes) {
            throw new InvalidRecordException("record of " + record.value().length + " bytes exceeds the sink's limit of "
                    + maxBytes + " bytes (NEWSFLOW_SINK_MAX_RECORD_BYTES)");
        }
        EnrichedArticle article = Json.read(record.value(), EnrichedArticle.class);
        RecordChecks.requireSchemaVersion("enriched record", article.schemaVersion(), EnrichedArticle.SCHEMA_VERSION);
        RecordChecks.requireValidId(article.id());
        RawArticle raw = article.article();
        if (raw == null) {
            throw new InvalidRecordException("enriched record " + article.id() + " has no article");
        }
        RecordChecks.requireSchemaVersion("raw article", raw.schemaVersion(), RawArticle.SCHEMA_VERSION);
        if (raw.id() != null && !raw.id().equals(article.id())) {
            throw new InvalidRecordException("enriched record " + article.id() + " carries an article with another id");
        }
        RecordChecks.requireSaneTime("publishedAt", raw.publishedAt(), now);
        RecordChecks.requireSaneTime("ingestedAt", raw.ingestedAt(), now);
        RecordChecks.requireSaneTime("enrichedAt", article.enrichedAt(), now);
        return article;
    }

    /**
     * Writes the batch, retrying while the store is unavailable. If the database rejects the batch (a data error) or
     * the write keeps failing with an unexpected exception, the records are written one at a time, and each one that
     * still fails becomes a dead letter: one bad record never holds up its partition, whatever it throws.
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
            return;
        } catch (StoreException e) { // a data error: find the culprits one by one
            if (versions.size() == 1) {
                dead.add(rejected(records.get(0), e));
                return;
            }
            LOG.warn("batch of {} rejected by the database ({}); writing its records one by one", versions.size(), Secrets.message(e));
        } catch (Unexpected e) {
            if (versions.size() == 1) { // already tried maxAttempts times on its own
                dead.add(failed(records.get(0), versions.get(0), e));
                return;
            }
            LOG.warn("batch of {} failed {} times with {}; writing its records one by one", versions.size(),
                    config.maxAttempts(), describe(e.getCause()));
        }
        for (int i = 0; i < versions.size(); i++) {
            List<ArticleVersion> one = List.of(versions.get(i));
            try {
                count(retrying(() -> store.upsert(one)));
            } catch (StoreException e) {
                dead.add(rejected(records.get(i), e));
            } catch (Unexpected e) {
                dead.add(failed(records.get(i), versions.get(i), e));
            }
        }
    }

    private static DeadLetter rejected(ConsumerRecord<String, byte[]> record, StoreException e) {
        return new DeadLetter(record, new InvalidRecordException("rejected by the database: " + Secrets.message(e), e));
    }

    private DeadLetter failed(ConsumerRecord<String, byte[]> record, ArticleVersion version, Unexpected e) {
        LOG.warn("record {} could not be stored", version.id(), Redacted.copy(e.getCause()));
        return new DeadLetter(record, new InvalidRecordException("could not be stored after " + config.maxAttempts()
                + " attempts: " + describe(e.getCause()), e.getCause()));
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + ": " + Secrets.message(e);
    }

    /** A write failed {@code maxAttempts} times with an exception that is neither an outage nor a data error. */
    private static final class Unexpected extends RuntimeException {
        Unexpected(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
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
     * Runs the attempt until it succeeds or fails with a data error (rethrown). A store outage (a StoreException that
     * is not a data error) and a failed dead-letter send are retried for as long as they last; any other exception
     * is retried {@code maxAttempts} times in all and then thrown as {@link Unexpected}. Between attempts the assigned
     * partitions are paused and the consumer keeps polling, so the group does not evict it however long the outage.
     */
    private <T> T retrying(Attempt<T> attempt) {
        long delay = config.retryInitial().toMillis();
        int failures = 0;
        int unexpected = 0;
        try {
            while (true) {
                try {
                    return attempt.run();
                } catch (Shutdown | WakeupException e) {
                    throw e;
                } catch (StoreException e) {
                    if (e.isDataError()) {
                        throw e;
                    }
                    onFailure(++failures, "store write", e);
                } catch (KafkaException e) { // dead-letter sends
                    onFailure(++failures, "dead-letter send", e);
                } catch (RuntimeException e) { // a bug or a record the code cannot handle: bounded
                    if (++unexpected >= config.maxAttempts()) {
                        metrics.storeFailures.increment();
                        throw new Unexpected(e);
                    }
                    onFailure(++failures, "store write (unexpected " + e.getClass().getSimpleName() + ")", e);
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
            LOG.warn("{} failed ({} so far), retrying with backoff: {}", what, failures, Secrets.message(e));
            LOG.debug("{} failure", what, Redacted.copy(e));
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
            // Keeps the group membership alive; paused partitions return nothing. A poll here is a sign of life too: a
            // database outage, however long, must fail readiness only, never liveness (a restart would not help).
            lastPollNanos = System.nanoTime();
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
                throw new KafkaException("dead letters not acknowledged: " + Secrets.message(e), e);
            }
            return null;
        });
        for (DeadLetter d : dead) {
            LOG.warn("record {}-{}@{} (key {}) sent to {}: {}", d.record().topic(), d.record().partition(),
                    d.record().offset(), d.record().key(), config.topics().dlq(), Secrets.redact(DeadLetters.reason(d.error())));
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
            LOG.warn("offset commit failed, the batch will be redelivered and upserted again: {}", Secrets.message(e));
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
        // read_committed, offsets committed by hand after the database commit.
        return config.kafka().consumer("newsflow-sink-" + ProcessHandle.current().pid())
                .group(config.groupId())
                .maxPollRecords(config.maxPollRecords())
                .fetchBytes(8 * 1024 * 1024, 64 * 1024 * 1024)
                .build();
    }

    private Properties producerProperties() {
        return config.kafka().producer("newsflow-sink-dlq-" + ProcessHandle.current().pid()).build();
    }
}
