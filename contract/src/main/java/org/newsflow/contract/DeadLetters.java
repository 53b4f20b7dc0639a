package org.newsflow.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The dead-letter contract. A rejected record is republished to the DLQ topic with its original key and
 * value bytes untouched (so nothing is lost and it can be replayed after a fix), and the reason in headers,
 * the convention Kafka Connect uses for its dead-letter queues.
 */
public final class DeadLetters {
    public static final String REASON = "newsflow.dlq.reason";
    public static final String STAGE = "newsflow.dlq.stage";
    public static final String ERROR_CLASS = "newsflow.dlq.error.class";
    public static final String SOURCE_TOPIC = "newsflow.dlq.source.topic";
    public static final String SOURCE_PARTITION = "newsflow.dlq.source.partition";
    public static final String SOURCE_OFFSET = "newsflow.dlq.source.offset";
    public static final String FAILED_AT = "newsflow.dlq.failed.at";

    private DeadLetters() {}

    /** A dead letter for a record that came from a topic. */
    public static ProducerRecord<String, byte[]> of(
            String dlqTopic, String stage, ConsumerRecord<String, byte[]> failed, Throwable error) {
        ProducerRecord<String, byte[]> record = of(dlqTopic, stage, failed.key(), failed.value(), error);
        Headers headers = record.headers();
        headers.add(SOURCE_TOPIC, utf8(failed.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(failed.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(failed.offset())));
        return record;
    }

    /** A dead letter for input that never made it to a topic (for example an unreadable file at ingest). */
    public static ProducerRecord<String, byte[]> of(String dlqTopic, String stage, String key, byte[] value, Throwable error) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlqTopic, key, value);
        record.headers().add(REASON, utf8(reason(error)));
        record.headers().add(STAGE, utf8(stage));
        record.headers().add(ERROR_CLASS, utf8(error.getClass().getName()));
        record.headers().add(FAILED_AT, utf8(Instant.now().toString()));
        return record;
    }

    public static String reason(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    public static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
