package org.newsflow.enrich.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
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
import org.newsflow.enrich.Enricher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consume-transform-produce loop: a consumer in the enrich group and a transactional producer.
 * Each poll's records are enriched and their results (enriched records, or dead letters for bad input)
 * are written in one Kafka transaction together with the consumed offsets, so a crash anywhere either
 * publishes all of a batch and moves the offsets, or neither: exactly-once from raw to enriched.
 * The consumer's group metadata goes into the transaction, so a zombie from an older generation is fenced.
 */
final class EnrichWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichWorker.class);

    private final EnrichConfig config;
    private final Enricher enricher;
    private final String transactionalId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final EnrichMetrics metrics;
    private KafkaConsumer<String, byte[]> consumer;

    EnrichWorker(EnrichConfig config, Enricher enricher, int index, EnrichMetrics metrics) {
        this.config = config;
        this.enricher = enricher;
        this.transactionalId = config.instanceId() + "-" + index;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            this.consumer = c;
            producer.initTransactions();
            c.subscribe(List.of(config.topics().raw()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    processInTransaction(c, producer, records);
                }
            }
        } catch (WakeupException | InterruptException e) {
            if (running.get()) {
                LOG.error("enrich worker {} interrupted unexpectedly", transactionalId, e);
            }
        } catch (ProducerFencedException e) {
            // Another instance took over our transactional id: stop, it owns the work now.
            LOG.warn("enrich worker {} fenced by a newer instance; stopping", transactionalId);
        } catch (RuntimeException e) {
            LOG.error("enrich worker {} failed", transactionalId, e);
            metrics.recordWorkerFailure();
        } finally {
            LOG.info("enrich worker {} stopped", transactionalId);
        }
    }

    private void processInTransaction(KafkaConsumer<String, byte[]> c, KafkaProducer<String, byte[]> producer,
            ConsumerRecords<String, byte[]> records) {
        producer.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                producer.send(transform(record));
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            producer.commitTransaction();
            metrics.recordCommit(records.count());
        } catch (ProducerFencedException | UnsupportedVersionException | AuthorizationException fatal) {
            throw fatal;
        } catch (KafkaException e) {
            // Abortable: nothing of this batch is visible to read_committed consumers. Rewind to the last
            // committed offsets and let the next poll redo the batch.
            LOG.warn("transaction aborted, batch will be retried: {}", e.toString());
            producer.abortTransaction();
            rewind(c, records);
            metrics.recordAbort();
        }
    }

    /** The enriched record, or a dead letter with the reason when the input is unusable or enrichment fails. */
    ProducerRecord<String, byte[]> transform(ConsumerRecord<String, byte[]> record) {
        long start = System.nanoTime();
        try {
            RawArticle article = Json.read(record.value(), RawArticle.class);
            EnrichedArticle enriched = enricher.enrich(article);
            metrics.recordEnriched(System.nanoTime() - start,
                    article.ingestedAt() == null ? null : java.time.Duration.between(article.ingestedAt(), java.time.Instant.now()));
            return new ProducerRecord<>(config.topics().enriched(), article.id(), Json.toBytes(enriched));
        } catch (RuntimeException | StackOverflowError e) {
            // A bad record must not stop the partition: it goes to the DLQ with its original bytes and the reason.
            LOG.warn("record {}-{}@{} to dead-letter topic: {}", record.topic(), record.partition(), record.offset(), DeadLetters.reason(e));
            metrics.recordDeadLetter();
            return DeadLetters.of(config.topics().dlq(), "enrich", record, e);
        }
    }

    private static void rewind(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(records.partitions());
        for (TopicPartition tp : records.partitions()) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset != null) {
                c.seek(tp, offset.offset());
            } else {
                c.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    void stop() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only see raw records whose producing transaction committed (ingest may be transactional too).
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
        // NLP on a batch takes seconds, not minutes; this bound only catches a hung worker.
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }
}
