package org.newsflow.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.ServiceMetrics;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Secrets;
import org.newsflow.ingest.source.SourceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes raw articles to the raw topic, keyed by article id so that every version of an article lands on
 * one partition, and rejected inputs to the dead-letter topic. The producer is idempotent with acks=all: a retry
 * after a lost acknowledgement never duplicates a record, and nothing counts as sent before all in-sync replicas
 * have it. Sends are bounded in time ({@link IngestConfig#maxBlock()}, {@link IngestConfig#deliveryTimeout()}), so
 * an unreachable broker shows up as failed sends within seconds rather than a hang.
 *
 * <p>A dead letter carries at most {@code NEWSFLOW_INGEST_MAX_DEAD_LETTER_BYTES} of the original input, so that it
 * fits Kafka's record limit itself; the headers {@value #ORIGINAL_BYTES} and {@value #TRUNCATED} say how large the
 * input was and whether the value is only its beginning, and {@value #ORIGIN} where it came from.
 */
public final class ArticlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    /** Dead-letter header: size in bytes of the whole original input. */
    public static final String ORIGINAL_BYTES = "newsflow.dlq.original.bytes";
    /** Dead-letter header, present ("true") when the value holds only the first bytes of the input. */
    public static final String TRUNCATED = "newsflow.dlq.truncated";
    /** Dead-letter header: where the input came from (file and line, feed, push request). */
    public static final String ORIGIN = "newsflow.dlq.origin";

    private final IngestConfig config;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private KafkaClientMetrics clientMetrics;

    public ArticlePublisher(IngestConfig config) {
        this.config = config;
        // Idempotent, acks=all, lz4, and bounded: an unreachable broker fails a send in maxBlock, not in a minute.
        Properties p = config.kafka().producer(config.clientId()).batched(5).bounded(config.maxBlock(), config.deliveryTimeout()).build();
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one article; returns the broker's acknowledgement. */
    public Future<RecordMetadata> publish(RawArticle article) {
        return send(new ProducerRecord<>(config.topics().raw(), article.id(), Json.toBytes(article)), published);
    }

    /** Sends an item read from a source: the article to the raw topic, a rejected input to the dead-letter topic. */
    public CompletableFuture<RecordMetadata> publish(SourceItem item) {
        if (item.ok()) {
            return send(new ProducerRecord<>(config.topics().raw(), item.article().id(), Json.toBytes(item.article())), published);
        }
        LOG.warn("rejected {}: {}", Secrets.redact(item.origin()), Secrets.redact(item.error()));
        return send(deadLetter(item), rejected);
    }

    /** The dead letter for a rejected item: its key, its original bytes (capped) and the reason in headers. */
    ProducerRecord<String, byte[]> deadLetter(SourceItem item) {
        int cap = config.limits().maxDeadLetterBytes();
        byte[] value = item.original().length <= cap ? item.original() : java.util.Arrays.copyOf(item.original(), cap);
        long size = item.originalSize();
        boolean truncated = size > value.length;
        String reason = Secrets.redact(item.error()) + (truncated
                ? " [the dead letter keeps the first " + value.length + " of " + size + " bytes: a dead letter must itself fit Kafka's record limit]"
                : "");
        ProducerRecord<String, byte[]> dead = DeadLetters.of(config.topics().dlq(), "ingest", item.key(), value, new InvalidRecordException(reason));
        dead.headers().add(ORIGINAL_BYTES, Long.toString(size).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ORIGIN, Secrets.redact(item.origin()).getBytes(StandardCharsets.UTF_8));
        if (truncated) {
            dead.headers().add(TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
        }
        return dead;
    }

    /** Never throws: a send that fails at once (no metadata within max.block.ms, closed producer) is a failed future. */
    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record, AtomicLong counter) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    counter.incrementAndGet();
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /** Blocks until everything sent so far is acknowledged or has failed (at most the delivery timeout). */
    public void flush() {
        producer.flush();
    }

    /** Articles acknowledged by Kafka. */
    public long published() {
        return published.get();
    }

    /** Dead letters acknowledged by Kafka. */
    public long rejected() {
        return rejected.get();
    }

    /** Waits for one acknowledgement, turning failures into unchecked exceptions. */
    public static RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka rejected a record: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Closes, waiting at most {@code timeout} for records still in flight (they fail after that). */
    /** The producer's own meters ({@code kafka_producer_*}) on {@code registry}, until the publisher closes. */
    public synchronized void bindMetrics(MeterRegistry registry) {
        if (clientMetrics == null) {
            clientMetrics = ServiceMetrics.bindKafkaClient(registry, producer);
        }
    }

    public void close(Duration timeout) {
        synchronized (this) {
            if (clientMetrics != null) {
                clientMetrics.close();
                clientMetrics = null;
            }
        }
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(config.deliveryTimeout());
    }
}
