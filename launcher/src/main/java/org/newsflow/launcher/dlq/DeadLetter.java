package org.newsflow.launcher.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.newsflow.contract.DeadLetters;

/**
 * One record of the dead-letter topic, read back: where it sits ({@code partition@offset}), its original key and
 * bytes, and the reason headers that {@link DeadLetters} wrote.
 */
public record DeadLetter(int partition, long offset, long timestamp, String key, byte[] value, Map<String, String> headers) {
    static DeadLetter of(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(r.partition(), r.offset(), r.timestamp(), r.key(), r.value() == null ? new byte[0] : r.value(), headers);
    }

    /** The position as the commands print and accept it: {@code partition@offset}. */
    public String position() {
        return partition + "@" + offset;
    }

    public String reason() {
        return headers.getOrDefault(DeadLetters.REASON, "");
    }

    public String stage() {
        return headers.getOrDefault(DeadLetters.STAGE, "");
    }

    /** The topic the record was read from when it failed; empty for input that never reached a topic. */
    public Optional<String> sourceTopic() {
        return Optional.ofNullable(headers.get(DeadLetters.SOURCE_TOPIC)).filter(s -> !s.isBlank());
    }

    /** The value as text when it is valid UTF-8, else empty (binary input). */
    public Optional<String> text() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
