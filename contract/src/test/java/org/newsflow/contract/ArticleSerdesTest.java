package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ArticleSerdesTest {
    @Test
    void enrichedRecordsSurviveTheRoundTrip() {
        EnrichedArticle record = ContractSchemasTest.enriched();
        byte[] bytes = ArticleSerdes.enriched().serializer().serialize("t", record);
        assertThat(new ArticleSerdes.EnrichedDeserializer().deserialize("t", bytes)).isEqualTo(record);
    }

    @Test
    void unknownFieldsFromANewerMinorVersionAreIgnored() {
        String json = new String(ArticleSerdes.raw().serializer().serialize("t", ContractSchemasTest.raw()), StandardCharsets.UTF_8);
        String newer = json.substring(0, json.length() - 1) + ",\"fieldFromTheFuture\":{\"x\":1}}";
        assertThat(new ArticleSerdes.RawDeserializer().deserialize("t", newer.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ContractSchemasTest.raw());
    }

    @Test
    void malformedValuesRaiseKafkasSerializationExceptionWithTheReason() {
        assertThatThrownBy(() -> ArticleSerdes.enriched().deserializer().deserialize("news.articles.enriched", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.articles.enriched")
                .hasMessageContaining("not a valid EnrichedArticle");
        assertThat(ArticleSerdes.enriched().deserializer().deserialize("t", null)).isNull();
    }
}
