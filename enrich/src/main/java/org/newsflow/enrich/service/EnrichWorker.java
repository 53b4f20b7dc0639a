package org.newsflow.enrich.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.RecordChecks;
import org.newsflow.contract.Secrets;
import org.newsflow.enrich.Enricher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consume-transform-produce loop: a consumer in the enrich group and a transactional producer.
 *
 * <p>Each poll's records are first enriched (outside any transaction, so slow NLP cannot run into the transaction
 * timeout), then their results (enriched records, or dead letters) are written in one Kafka transaction together
 * with the consumed offsets: a crash anywhere either publishes all of a batch and moves the offsets, or neither.
 * The consumer's group metadata goes into the transaction, so a zombie from an older generation is fenced.
 *
 * <p>One record must never block the others. Every record is checked where it enters (size, id, schema version,
 * dates) and given a time budget; an enriched record over the size limit is cut by {@link RecordFitter}'s rule.
 * Every send's result is checked before the commit; when the batch's transaction fails it is aborted and the
 * batch is written again one record per transaction, so the record Kafka refuses (too large for the topic, for
 * instance) is found, dead-lettered with the broker's reason, and the rest commit. Failures that are not a
 * record's fault (broker unreachable) are retried with the batch, without dead-lettering anything.
 */
final class EnrichWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichWorker.class);
    private static final String STAGE = "enrich";
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    /**
     * Times a commit or an abort that timed out (max.block.ms, 60 s) is retried before the worker gives up (Kafka allows
     * retrying both). Kept small so that a broker gone for minutes ends in a dead worker and a process restart within
     * about the liveness stall limit, rather than a worker that hangs on.
     */
    private static final int TIMEOUT_RETRIES = 2;

    private final EnrichConfig config;
    private final Enricher enricher;
    private final String transactionalId;
    private final int index;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final EnrichMetrics metrics;
    private final WorkerHealth health;
    private final Consumer<EnrichWorker> onExit;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private String lastRetryCause;
    /** True while the worker waits on an enrichment or a backoff, the only places stop() may interrupt. */
    private volatile boolean interruptible;
    /** Partitions whose lag this worker reports (touched only by the worker thread). */
    private final java.util.Set<TopicPartition> owned = new java.util.HashSet<>();

    EnrichWorker(EnrichConfig config, Enricher enricher, int index, EnrichMetrics metrics) {
        this(config, enricher, index, metrics, w -> {});
    }

    EnrichWorker(EnrichConfig config, Enricher enricher, int index, EnrichMetrics metrics, Consumer<EnrichWorker> onExit) {
        this.config = config;
        this.enricher = enricher;
        this.index = index;
        this.transactionalId = config.instanceId() + "-" + index;
        this.metrics = metrics;
        this.health = new WorkerHealth(transactionalId);
        this.onExit = onExit;
    }

    WorkerHealth health() {
        return health;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
                TimeBudget budget = new TimeBudget("enrich-" + index);
                var consumerMeters = metrics.bindClient(c);
                var producerMeters = metrics.bindClient(producer)) {
            this.consumer = c;
            producer.initTransactions();
            c.subscribe(List.of(config.topics().raw()), new Rebalance(c));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                health.progress();
                if (health.state() == WorkerHealth.State.STARTING) {
                    health.state(WorkerHealth.State.RUNNING);
                }
                updateLag(c, records);
                if (!records.isEmpty()) {
                    process(c, producer, budget, records);
                    updateLag(c, ConsumerRecords.empty());
                }
            }
            health.state(WorkerHealth.State.STOPPED);
        } catch (WakeupException | InterruptException e) {
            if (running.get()) {
                fail("interrupted unexpectedly", e);
            } else {
                health.state(WorkerHealth.State.STOPPED);
            }
        } catch (InterruptedException e) {
            if (running.get()) {
                fail("interrupted unexpectedly", e);
            } else {
                health.state(WorkerHealth.State.STOPPED);
            }
        } catch (ProducerFencedException e) {
            // Another instance took over our transactional id: stop, it owns the work now. For this process it
            // is still a dead worker: liveness fails and, configured so, the process exits.
            fail("fenced by a newer instance with the same transactional id", e);
        } catch (RuntimeException | Error e) {
            fail("failed", e);
        } finally {
            // This worker no longer knows its partitions' lag: leave them to whoever takes them over.
            owned.forEach(metrics::removePartition);
            LOG.info("enrich worker {} stopped ({})", transactionalId, health.state());
            onExit.accept(this);
        }
    }

    private void fail(String what, Throwable e) {
        String reason = what + ": " + Secrets.message(e);
        LOG.error("enrich worker {} {}", transactionalId, reason, e);
        health.failed(reason);
        metrics.recordWorkerFailure();
    }

    /** Enriches a poll's records, then writes them; see the class comment for what happens on a failure. */
    private void process(KafkaConsumer<String, byte[]> c, KafkaProducer<String, byte[]> producer, TimeBudget budget,
            ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            outcomes.add(transform(record, budget));
            health.progress();
        }
        Attempt batch = write(c, producer, outcomes);
        if (batch.ok()) {
            committed(outcomes);
            return;
        }
        metrics.recordAbort();
        if (!batch.recordsFault()) {
            // The broker, the network or the group (a rebalance) failed, not a record: redo the batch later.
            retryLater(c, outcomes, batch);
            return;
        }
        // Log the cause once, here; the record-by-record pass below names the record it belongs to.
        LOG.warn("enrich worker {}: transaction of {} records aborted ({}); writing them one per transaction to isolate the cause",
                transactionalId, outcomes.size(), batch.describe());
        metrics.recordIsolated(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            Attempt single = write(c, producer, List.of(o));
            if (single.ok()) {
                committed(List.of(o));
                continue;
            }
            metrics.recordAbort();
            if (single.recordsFault()) {
                Outcome dead = o.rejectedByKafka(config, single.cause());
                LOG.error("enrich record {}-{}@{} (key {}) refused by Kafka, to the dead-letter topic: {}", o.source().topic(),
                        o.source().partition(), o.source().offset(), o.source().key(), single.describe());
                Attempt deadLetter = write(c, producer, List.of(dead));
                if (deadLetter.ok()) {
                    committed(List.of(dead));
                    continue;
                }
                metrics.recordAbort();
                single = deadLetter;
            }
            // Not the record's fault (or even its dead letter cannot be written): redo from this record on, later.
            retryLater(c, outcomes.subList(i, outcomes.size()), single);
            return;
        }
    }

    private void committed(List<Outcome> outcomes) {
        metrics.recordCommit(outcomes.size());
        for (Outcome o : outcomes) {
            switch (o.kind()) {
                case ENRICHED -> {}
                case TRUNCATED -> metrics.recordTruncated();
                case DEAD_LETTER -> metrics.recordDeadLetter();
            }
        }
        if (health.state() == WorkerHealth.State.RETRYING) {
            health.state(WorkerHealth.State.RUNNING);
            LOG.info("enrich worker {}: transactions succeed again", transactionalId);
            lastRetryCause = null;
        }
    }

    /** Rewinds to the first unwritten record of each partition; the next poll brings them back. */
    private void retryLater(KafkaConsumer<String, byte[]> c, List<Outcome> unwritten, Attempt failure) throws InterruptedException {
        String cause = failure.describe();
        if (!cause.equals(lastRetryCause)) { // once per cause, not once per retry
            LOG.warn("enrich worker {}: transaction failed, not because of a record ({}); {} records will be retried",
                    transactionalId, cause, unwritten.size());
            lastRetryCause = cause;
        }
        health.state(WorkerHealth.State.RETRYING);
        Map<TopicPartition, Long> first = new HashMap<>();
        for (Outcome o : unwritten) {
            first.merge(new TopicPartition(o.source().topic(), o.source().partition()), o.source().offset(), Math::min);
        }
        Collection<TopicPartition> assigned = c.assignment();
        first.forEach((tp, offset) -> {
            if (assigned.contains(tp)) { // a partition lost meanwhile restarts from its committed offset elsewhere
                c.seek(tp, offset);
            }
        });
        interruptible = true;
        try {
            if (running.get()) {
                Thread.sleep(RETRY_BACKOFF.toMillis());
            }
        } finally {
            interruptible = false;
        }
    }

    /** One transaction with the outcomes' records and offsets. Never throws for an abortable failure: it reports it. */
    private Attempt write(KafkaConsumer<String, byte[]> c, KafkaProducer<String, byte[]> producer, List<Outcome> outcomes) {
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>(outcomes.size());
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (Outcome o : outcomes) {
                sent.add(producer.send(o.output()));
                offsets.put(new TopicPartition(o.source().topic(), o.source().partition()), new OffsetAndMetadata(o.source().offset() + 1));
            }
            // Check every send before committing: a failed send puts the producer in an error state in which the
            // commit only says "in an error state"; the send's own exception says why (RecordTooLargeException...).
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                Throwable failure = failure(sent.get(i));
                if (failure != null) {
                    abort(producer);
                    return Attempt.failed(failure);
                }
            }
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            commit(producer);
            return Attempt.OK;
        } catch (InterruptException e) {
            throw e; // stopping
        } catch (ProducerFencedException | OutOfOrderSequenceException | UnsupportedVersionException | AuthorizationException fatal) {
            throw fatal; // the producer cannot go on; the worker ends and liveness reports it
        } catch (KafkaException e) {
            abort(producer);
            return Attempt.failed(e);
        }
    }

    private static Throwable failure(Future<RecordMetadata> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            // Sends aborted because another send of the transaction failed are not the cause: look further.
            return e.getCause() instanceof TransactionAbortedException ? null : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** commitTransaction may be retried after a timeout (the broker may be failing over); other errors are the caller's. */
    private static void commit(KafkaProducer<String, byte[]> producer) {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (attempt > TIMEOUT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private void abort(KafkaProducer<String, byte[]> producer) {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.abortTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (attempt > TIMEOUT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** What to publish for one raw record: its enriched record, or a dead letter with the reason. */
    Outcome transform(ConsumerRecord<String, byte[]> record, TimeBudget budget) throws InterruptedException {
        long start = System.nanoTime();
        EnrichConfig.Limits limits = config.limits();
        try {
            RawArticle article = accept(record, limits);
            EnrichedArticle enriched;
            interruptible = true;
            try {
                if (!running.get()) {
                    throw new InterruptedException("stopping");
                }
                enriched = budget.call(() -> enricher.enrich(article), limits.timeBudget());
            } catch (TimeoutException e) {
                metrics.recordTimedOut();
                throw new LimitExceededException("enrichment ran past the time budget of " + limits.timeBudget().toMillis()
                        + " ms (NEWSFLOW_ENRICH_TIME_BUDGET_MS) on an article of " + article.body().length() + " chars; interrupted");
            } finally {
                interruptible = false;
            }
            RecordFitter.Fitted fitted = RecordFitter.fit(enriched, article.id(), limits.maxRecordBytes());
            if (fitted.truncated()) {
                LOG.warn("enrich record {}-{}@{} (id {}): enriched record over {} bytes, evidence capped to fit (truncated=true)",
                        record.topic(), record.partition(), record.offset(), article.id(), limits.maxRecordBytes());
            }
            metrics.recordEnriched(System.nanoTime() - start,
                    article.ingestedAt() == null ? null : Duration.between(article.ingestedAt(), Instant.now()));
            return new Outcome(record, new ProducerRecord<>(config.topics().enriched(), article.id(), fitted.value()),
                    fitted.truncated() ? Kind.TRUNCATED : Kind.ENRICHED);
        } catch (RuntimeException | StackOverflowError e) {
            if (e instanceof InterruptException || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping");
            }
            // A bad record must not stop the partition: it goes to the DLQ with its original bytes and the reason.
            LOG.warn("enrich record {}-{}@{} (key {}) to the dead-letter topic: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), Secrets.redact(DeadLetters.reason(e)));
            return new Outcome(record, DeadLetters.of(config.topics().dlq(), STAGE, record, e), Kind.DEAD_LETTER);
        }
    }

    /** The checks where a record enters enrich: each failure is a reason for the dead-letter topic. */
    static RawArticle accept(ConsumerRecord<String, byte[]> record, EnrichConfig.Limits limits) {
        if (record.value() != null && record.value().length > limits.maxArticleBytes()) {
            throw new LimitExceededException("raw record is " + record.value().length + " bytes, over the limit of "
                    + limits.maxArticleBytes() + " (NEWSFLOW_ENRICH_MAX_ARTICLE_BYTES)");
        }
        RawArticle article = Json.read(record.value(), RawArticle.class);
        RecordChecks.requireSchemaVersion("raw article", article.schemaVersion(), RawArticle.SCHEMA_VERSION);
        RecordChecks.requireValidId(article.id());
        if (!Objects.equals(record.key(), article.id())) {
            // The key decides the partition, and the sink upserts by id: a mismatch would split an article's versions.
            throw new org.newsflow.contract.InvalidRecordException("record key " + (record.key() == null ? "null" : "'" + abbreviate(record.key()) + "'")
                    + " is not the article id '" + article.id() + "'");
        }
        RecordChecks.requireSaneTime("publishedAt", article.publishedAt(), Instant.now());
        long chars = (long) article.body().length() + article.title().length();
        if (chars > limits.maxArticleChars()) {
            throw new LimitExceededException("article is " + chars + " chars (title + body), over the limit of "
                    + limits.maxArticleChars() + " (NEWSFLOW_ENRICH_MAX_ARTICLE_CHARS)");
        }
        return article;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private void updateLag(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> inFlight) {
        for (TopicPartition tp : c.assignment()) {
            OptionalLong behind = c.currentLag(tp); // empty until a fetch for the partition has returned
            if (behind.isPresent()) {
                owned.add(tp);
                metrics.partitionLag(config.groupId(), tp, behind.getAsLong() + inFlight.records(tp).size());
            }
        }
    }

    void stop() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null && interruptible) {
            // ends a wait on an enrichment or a retry backoff; never a Kafka call (a commit is left to finish)
            t.interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> c;

        Rebalance(KafkaConsumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(metrics::removePartition);
            owned.removeAll(partitions);
            health.partitions(names(c.assignment(), partitions));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            health.partitions(names(c.assignment(), List.of()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    private static List<String> names(Collection<TopicPartition> assigned, Collection<TopicPartition> leaving) {
        return assigned.stream().filter(tp -> !leaving.contains(tp)).map(TopicPartition::toString).sorted().toList();
    }

    private Properties consumerProperties() {
        // read_committed (ingest may be transactional too), offsets committed in the producer's transaction.
        return config.kafka().consumer(transactionalId)
                .group(config.groupId())
                // Static membership: a replica restarted under the same name gets its partitions back at once, instead
                // of them waiting for the session timeout (45 s) and a rebalance.
                .staticMember(config.groupInstanceId(index))
                .maxPollRecords(config.maxBatch())
                // A batch is enriched between two polls: allow maxBatch time budgets, so a slow but legal batch is not evicted.
                .maxPollInterval(java.time.Duration.ofMillis(config.maxPollIntervalMs()))
                // A raw record may be as large as the article limit: fetch it whole.
                .set(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1_048_576, config.limits().maxArticleBytes() + 65_536))
                .build();
    }

    private Properties producerProperties() {
        // Records are checked against maxRecordBytes before they are sent; this leaves room for headers and framing.
        return config.kafka().producer(transactionalId).transactional(transactionalId).batched(5)
                .maxRequestSize(config.limits().producerMaxRequestSize()).build();
    }

    enum Kind { ENRICHED, TRUNCATED, DEAD_LETTER }

    /** A raw record and what is to be published for it. */
    record Outcome(ConsumerRecord<String, byte[]> source, ProducerRecord<String, byte[]> output, Kind kind) {
        /** The dead letter for a record whose output Kafka refused. */
        Outcome rejectedByKafka(EnrichConfig config, Throwable cause) {
            String why = (kind == Kind.DEAD_LETTER ? "its dead letter" : "the enriched record") + " (" + output.value().length
                    + " bytes) was refused by Kafka: " + cause;
            ProducerRecord<String, byte[]> dead = DeadLetters.of(config.topics().dlq(), STAGE, source,
                    new LimitExceededException(why));
            if (kind == Kind.DEAD_LETTER) {
                // Even the original bytes cannot be written: keep the reason and the source coordinates, drop the value.
                dead = new ProducerRecord<>(dead.topic(), null, dead.key(), null, dead.headers());
            }
            return new Outcome(source, dead, Kind.DEAD_LETTER);
        }
    }

    /** The result of one transaction. */
    record Attempt(Throwable cause) {
        static final Attempt OK = new Attempt(null);

        static Attempt failed(Throwable cause) {
            return new Attempt(Objects.requireNonNull(cause));
        }

        boolean ok() {
            return cause == null;
        }

        /**
         * Whether Kafka refused the record itself (it would refuse it on every retry), as opposed to a failure of the
         * broker or the network, which a retry can get past.
         */
        boolean recordsFault() {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                        || t instanceof InvalidRecordException || t instanceof SerializationException) {
                    return true;
                }
            }
            return false;
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            for (Throwable t = cause; t != null && sb.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
                if (sb.length() > 0) {
                    sb.append(" <- ");
                }
                sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            }
            return Secrets.redact(sb.toString());
        }
    }
}
