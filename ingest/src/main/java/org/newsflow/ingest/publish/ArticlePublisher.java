package org.newsflow.ingest.publish;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.ingest.source.SourceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes raw articles to the raw topic, keyed by article id so that every version of an article lands on
 * one partition. The producer is idempotent with acks=all: a retry after a lost acknowledgement never
 * duplicates a record, and nothing counts as sent before all in-sync replicas have it.
 */
public final class ArticlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    private final IngestConfig config;
    private final KafkaProducer<String, byte[]> producer;
    private long published;
    private long rejected;

    public ArticlePublisher(IngestConfig config) {
        this.config = config;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one article; returns the broker's acknowledgement. */
    public Future<RecordMetadata> publish(RawArticle article) {
        published++;
        return producer.send(new ProducerRecord<>(config.topics().raw(), article.id(), Json.toBytes(article)));
    }

    /** Sends an item read from a source: the article to the raw topic, a rejected input to the dead-letter topic. */
    public Future<RecordMetadata> publish(SourceItem item) {
        if (item.ok()) {
            return publish(item.article());
        }
        rejected++;
        LOG.warn("rejected {}: {}", item.origin(), item.error());
        ProducerRecord<String, byte[]> dead = DeadLetters.of(config.topics().dlq(), "ingest", item.key(), item.original(),
                new IllegalArgumentException(item.error() + " (" + item.origin() + ")"));
        return producer.send(dead);
    }

    /** Blocks until everything sent so far is acknowledged; fails if any send failed. */
    public void flush() {
        producer.flush();
    }

    public long published() {
        return published;
    }

    public long rejected() {
        return rejected;
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

    @Override
    public void close() {
        producer.close();
    }
}
