package org.newsflow.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.RecordChecks;
import org.newsflow.contract.Secrets;
import org.newsflow.ingest.process.ArticleProcessor;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.publish.BrokerCheck;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.ingest.source.ArticleSource;
import org.newsflow.ingest.source.FileSource;
import org.newsflow.ingest.source.SourceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector: runs {@link ArticleSource}s, passes every article through the {@link ArticleProcessor}s and the
 * record checks, and publishes it (or its rejection) to Kafka. Sources and processors are given, not built here, so a
 * new source or processor is wired where the service is assembled and this class does not change.
 *
 * <p>{@link #submit} is the one path every item takes, whatever its source: files and feeds through {@link #run},
 * pushed articles from the HTTP endpoint directly. Its future completes when Kafka has acknowledged the record
 * (acks=all) or the send has failed, so a caller can acknowledge only what Kafka has.
 *
 * <p>Processors are called by one thread at a time (they may keep state, e.g. near-duplicate detection), in order.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /**
     * What one run did.
     *
     * @param files files read (file sources only)
     * @param published articles Kafka acknowledged on the raw topic
     * @param rejected inputs Kafka acknowledged on the dead-letter topic
     * @param failed records (articles or dead letters) that could not be delivered
     * @param ids the ids of the published articles, in order of publication; a run with long-running sources (feeds
 *     followed until stopped) keeps only the last {@value #RECENT_IDS}, so that a collector running for weeks does not
 *     grow without bound
     * @param failure why the run stopped early or what failed first, or null
     */
    public record Summary(int files, long published, long rejected, long failed, List<String> ids, String failure) {
        /** True when everything read was delivered (as an article or as a dead letter). */
        public boolean complete() {
            return failed == 0 && failure == null;
        }
    }

    /**
     * What became of one item.
     *
     * @param origin where it came from
     * @param id the article id when it was published, else null
     * @param rejection why it was rejected (it went to the dead-letter topic), else null
     * @param malformed true when it was rejected for not being JSON or UTF-8 at all (rather than for its content)
     * @param deliveryError why Kafka did not take it, else null
     */
    public record Outcome(String origin, String id, String rejection, boolean malformed, String deliveryError) {
        public boolean delivered() {
            return deliveryError == null;
        }
    }

    private final IngestConfig config;
    private final List<ArticleProcessor> processors;
    private final MeterRegistry registry;
    private final Object processing = new Object();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The run in progress, for {@link #awaitDelivered()}; null between runs. */
    private volatile Run current;
    /** Delivery failures already reported by a barrier, so each is reported once. */
    private final AtomicLong failuresReported = new AtomicLong();
    private ArticlePublisher publisher;
    private BrokerCheck brokerCheck;

    public IngestService(IngestConfig config) {
        this(config, List.of());
    }

    public IngestService(IngestConfig config, List<ArticleProcessor> processors) {
        this(config, processors, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * @param registry where ingest's meters go ({@code newsflow_ingest_*}); sources and processors register theirs on
     *     the same registry, and the ingest server serves it at {@code /metrics}
     */
    public IngestService(IngestConfig config, List<ArticleProcessor> processors, MeterRegistry registry) {
        this.config = config;
        this.processors = List.copyOf(processors);
        this.registry = registry;
    }

    public IngestConfig config() {
        return config;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * One-shot: checks that a broker answers, reads the files and directories once, publishes what they hold, waits
     * for Kafka's acknowledgements within the deadline, and closes the producer.
     *
     * @throws org.newsflow.ingest.publish.BrokerUnavailableException when no broker answers within max.block.ms
     */
    public Summary ingest(List<Path> roots) throws Exception {
        try {
            checkBroker();
            FileSource files = new FileSource(roots, config.limits());
            Summary s = run(List.of(files));
            return new Summary(files.filesRead(), s.published(), s.rejected(), s.failed(), s.ids(), s.failure());
        } finally {
            close();
        }
    }

    /** Throws {@link org.newsflow.ingest.publish.BrokerUnavailableException} unless a broker answers within max.block.ms. */
    public void checkBroker() {
        brokerCheck().require();
    }

    /** Readiness: a broker answers now. */
    public boolean ready() {
        return !stopped.get() && brokerCheck().reachable();
    }

    /**
     * Runs the sources one after another until each is exhausted or {@link #stop()} is called, and waits until Kafka
     * has acknowledged everything they delivered. When every source is finite, the run has the configured deadline:
     * past it, reading stops and what was not acknowledged counts as failed. A send that times out (broker gone)
     * stops the run too, instead of waiting max.block.ms for every further article.
     */
    public Summary run(List<? extends ArticleSource> sources) throws Exception {
        boolean finite = sources.stream().allMatch(ArticleSource::finite);
        Instant deadline = finite ? Instant.now().plus(config.deadline()) : Instant.MAX;
        Run run = new Run(finite);
        current = run;
        BooleanSupplier stop = () -> stopped.get() || run.abort.get() != null || Instant.now().isAfter(deadline);
        for (ArticleSource source : sources) {
            try (source) {
                source.run(item -> submit(source.name(), item, run), stop);
            }
            if (stop.getAsBoolean()) {
                break;
            }
        }
        boolean quiet = run.awaitQuiet(deadline);
        current = null;
        String failure = run.abort.get();
        if (!quiet) {
            long pending = run.pending();
            run.failed.addAndGet(pending);
            failure = first(failure, "the deadline of " + seconds(config.deadline()) + " (NEWSFLOW_INGEST_DEADLINE_MS) passed with "
                    + pending + " records not acknowledged by Kafka");
        } else if (Instant.now().isAfter(deadline)) {
            failure = first(failure, "the deadline of " + seconds(config.deadline()) + " (NEWSFLOW_INGEST_DEADLINE_MS) passed during the run: reading stopped");
        }
        if (failure == null && run.failed.get() > 0) {
            failure = run.firstError.get();
        }
        Summary summary = new Summary(0, run.published.get(), run.rejected.get(), run.failed.get(), run.ids(), failure);
        LOG.info("ingest: {} articles published, {} rejected to {}, {} not delivered{}", summary.published(), summary.rejected(),
                config.topics().dlq(), summary.failed(), failure == null ? "" : " (" + failure + ")");
        return summary;
    }

    /**
     * Processes one item (processors, record checks) and publishes it: the article to the raw topic, or the rejection
     * with its reason to the dead-letter topic. The future completes when Kafka has acknowledged the record or the send
     * failed; it never completes exceptionally.
     *
     * @param source the source's name, for metrics ({@code files}, {@code push}, ...)
     */
    public CompletableFuture<Outcome> submit(String source, SourceItem item) {
        return submit(source, item, null);
    }

    private CompletableFuture<Outcome> submit(String source, SourceItem item, Run run) {
        SourceItem processed = process(item);
        if (run != null) {
            run.sent.incrementAndGet();
        }
        String id = processed.ok() ? processed.article().id() : null;
        return publisher().publish(processed).handle((metadata, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String outcome = cause != null ? "failed" : processed.ok() ? "published" : "rejected";
            Counter.builder("newsflow.ingest.records").description("records ingest delivered (published, rejected to the DLQ) or failed to deliver")
                    .tag("source", source).tag("outcome", outcome).register(registry).increment();
            String deliveryError = cause == null ? null : Secrets.message(cause);
            if (run != null) {
                run.completed(processed, cause, deliveryError);
            }
            if (cause != null) {
                LOG.warn("could not deliver {} to Kafka: {}", Secrets.redact(processed.origin()), deliveryError);
            }
            return new Outcome(processed.origin(), cause == null ? id : null, processed.error(),
                    !processed.ok() && processed.error().contains(org.newsflow.ingest.source.ArticleFiles.MALFORMED), deliveryError);
        });
    }

    /** The processors, then the checks every published article must pass; a failure rejects the item with its reason. */
    public SourceItem process(SourceItem item) {
        if (!item.ok()) {
            return item;
        }
        RawArticle article = item.article();
        String step = "checks";
        try {
            synchronized (processing) {
                for (ArticleProcessor p : processors) {
                    step = p.getClass().getSimpleName();
                    article = p.process(article);
                    if (article == null) {
                        throw new InvalidRecordException("processor " + step + " returned no article");
                    }
                }
            }
            step = "checks";
            check(article);
            return item.withArticle(article);
        } catch (InvalidRecordException e) {
            return item.reject(e.getMessage());
        } catch (RuntimeException e) {
            // A bug in one processor must not lose the input: it goes to the dead-letter topic with the reason.
            LOG.error("processor {} failed on {}", step, Secrets.redact(item.origin()), e);
            return item.reject(step + " failed: " + Secrets.message(e));
        }
    }

    /** What every article on the raw topic satisfies, whatever its source and processors (see RecordChecks). */
    private void check(RawArticle a) {
        RecordChecks.requireSchemaVersion("raw article", a.schemaVersion(), RawArticle.SCHEMA_VERSION);
        RecordChecks.requireValidId(a.id());
        RecordChecks.requireSaneTime("publishedAt", a.publishedAt(), Instant.now());
        if (a.body().isBlank()) {
            throw new InvalidRecordException("article body is empty");
        }
    }

    /**
     * A delivery barrier for sources that keep state (feeds): blocks until Kafka has acknowledged everything handed
     * over so far in the current run, and throws if a record failed since the last barrier, so that the caller does
     * not record as delivered what may not be on the topic (it republishes instead: same id, an upsert downstream).
     * Called from the sources' own threads.
     */
    public void awaitDelivered() throws InterruptedException {
        Run run = current;
        if (run == null) {
            return;
        }
        if (!run.awaitQuiet(Instant.now().plus(BARRIER_TIMEOUT))) {
            throw new IllegalStateException("Kafka has not acknowledged " + run.pending() + " records within " + seconds(BARRIER_TIMEOUT));
        }
        long failed = run.failed.get();
        long reported = failuresReported.getAndSet(failed);
        if (failed > reported) {
            throw new IllegalStateException((failed - reported) + " records were not delivered to Kafka: " + run.firstError.get());
        }
    }

    private static final Duration BARRIER_TIMEOUT = Duration.ofMinutes(2);
    /** Ids a long-running run keeps for its summary (a one-shot run keeps all: its caller asked for those files). */
    static final int RECENT_IDS = 1_000;

    /** Asks long-running sources to finish; {@link #run} then returns after the last acknowledgement. */
    public void stop() {
        stopped.set(true);
    }

    public boolean stopped() {
        return stopped.get();
    }

    private synchronized ArticlePublisher publisher() {
        if (publisher == null) {
            publisher = new ArticlePublisher(config);
            publisher.bindMetrics(registry);
        }
        return publisher;
    }

    private synchronized BrokerCheck brokerCheck() {
        if (brokerCheck == null) {
            brokerCheck = new BrokerCheck(config);
        }
        return brokerCheck;
    }

    /** Closes the producer (waiting at most the delivery timeout for records in flight); a later call opens a new one. */
    @Override
    public synchronized void close() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
        if (brokerCheck != null) {
            brokerCheck.close();
            brokerCheck = null;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The bookkeeping of one {@link #run}: counts by outcome, and what is still in flight. */
    private final class Run {
        final boolean oneShot;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<String> abort = new AtomicReference<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        private final RecentIds ids;

        Run(boolean oneShot) {
            this.oneShot = oneShot;
            this.ids = new RecentIds(oneShot ? Integer.MAX_VALUE : RECENT_IDS);
        }

        void completed(SourceItem item, Throwable error, String message) {
            if (error == null) {
                if (item.ok()) {
                    ids.add(item.article().id());
                    published.incrementAndGet();
                } else {
                    rejected.incrementAndGet();
                }
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, "could not deliver to Kafka: " + message);
                if (oneShot && !(error instanceof RecordTooLargeException || error instanceof SerializationException)) {
                    // Not about this record (broker gone, topic unusable, not authorised): every further send would
                    // fail the same way, after waiting max.block.ms each. A one-shot run stops; long-running sources
                    // go on, as the broker may come back.
                    abort.compareAndSet(null, (error instanceof TimeoutException ? "Kafka did not take a record in time" : "Kafka refused a record")
                            + ", stopped reading: " + message);
                }
            }
            synchronized (this) {
                done.incrementAndGet();
                notifyAll();
            }
        }

        long pending() {
            return sent.get() - done.get();
        }

        synchronized boolean awaitQuiet(Instant deadline) throws InterruptedException {
            while (pending() > 0) {
                long left = deadline.equals(Instant.MAX) ? 1_000 : Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                wait(Math.min(left, 1_000));
            }
            return true;
        }

        List<String> ids() {
            return ids.list();
        }
    }
}
