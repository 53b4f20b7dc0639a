package org.newsflow.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serdes for the contract's records, for downstream consumers and Kafka Streams applications:
 * <pre>{@code
 * new KafkaConsumer<>(props, new StringDeserializer(), ArticleSerdes.enriched().deserializer());
 * }</pre>
 * They use the one Jackson configuration of {@link Json}: unknown fields are ignored (additive schema changes
 * within a major version never break a reader), and a malformed value raises Kafka's
 * {@link SerializationException} with the reason, which a consumer can catch, dead-letter and skip past.
 */
public final class ArticleSerdes {
    private ArticleSerdes() {}

    public static Serde<RawArticle> raw() {
        return serde(RawArticle.class);
    }

    public static Serde<EnrichedArticle> enriched() {
        return serde(EnrichedArticle.class);
    }

    /** Deserializer with a no-arg constructor, for {@code value.deserializer} in a properties file. */
    public static final class EnrichedDeserializer implements Deserializer<EnrichedArticle> {
        private final Deserializer<EnrichedArticle> delegate = enriched().deserializer();

        @Override
        public EnrichedArticle deserialize(String topic, byte[] data) {
            return delegate.deserialize(topic, data);
        }
    }

    /** Deserializer with a no-arg constructor, for {@code value.deserializer} in a properties file. */
    public static final class RawDeserializer implements Deserializer<RawArticle> {
        private final Deserializer<RawArticle> delegate = raw().deserializer();

        @Override
        public RawArticle deserialize(String topic, byte[] data) {
            return delegate.deserialize(topic, data);
        }
    }

    private static <T> Serde<T> serde(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : Json.toBytes(value);
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null; // a tombstone
            }
            try {
                return Json.read(data, type);
            } catch (InvalidRecordException e) {
                throw new SerializationException("record on " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
