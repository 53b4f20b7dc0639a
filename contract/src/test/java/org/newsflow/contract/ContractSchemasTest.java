package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {
    static RawArticle raw() {
        String body = "Armenia and Azerbaijan traded accusations on Monday.";
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(null, "Title", body), null, "Example Wire",
                "Title", body, "en", Instant.parse("2022-11-07T00:00:00Z"), Instant.parse("2022-11-07T10:00:00Z"), "test");
    }

    static EnrichedArticle enriched() {
        RawArticle raw = raw();
        Mention armenia = new Mention(0, 7, "Armenia", "NAME");
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), raw, "en", Instant.parse("2022-11-07T10:00:01Z"), "test",
                List.of(new CountryTag("AM", "ARM", "Armenia", 1, true, List.of(armenia))),
                List.of(new PersonTag("Nikol Pashinian", "nikol pashinian", 1, List.of("Prime Minister"), "AM",
                        List.of(new Mention(10, 25, "Nikol Pashinian")))),
                List.of(new OrganizationTag("European Union", "EU", "IGO", null, 1, List.of(new Mention(30, 44, "European Union")))),
                List.of(new LocationTag("Yerevan", "CITY", "AM", 1, List.of(new Mention(1, 2, "Y")))),
                List.of(new EventTag("ACCUSE", null, "11", 3, new Actor("AM", "Armenia", "COUNTRY", "GOV"),
                        new Actor("AZ", "Azerbaijan", "COUNTRY", null), new Mention(27, 35, "accusations"),
                        new Mention(0, 52, "Armenia and Azerbaijan traded accusations on Monday."), "2022-11-07", null, null,
                        new Casualties(286, null, false), false, false)),
                Map.of("ACCUSE", 1),
                List.of("AFP"));
    }

    @Test
    void serialisedRecordsValidate() {
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, raw())).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, enriched())).isEmpty();
    }

    @Test
    void schemaRejectsBrokenRecords() {
        RawArticle r = raw();
        RawArticle badLanguage = new RawArticle(1, r.id(), null, null, "t", "b", "english", null, Instant.now(), null);
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, badLanguage)).anyMatch(m -> m.contains("language"));
        RawArticle badId = new RawArticle(1, "not-an-id", null, null, "t", "b", null, null, Instant.now(), null);
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, badId)).anyMatch(m -> m.contains("id"));
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, Map.of("schemaVersion", 1))).isNotEmpty();
    }

    @Test
    void nearDuplicateMarkIsAdditiveAndOmittedWhenAbsent() {
        RawArticle first = raw();
        assertThat(Json.toString(first)).doesNotContain("duplicateOf").doesNotContain("duplicateSimilarity");

        String otherBody = first.body() + " Reporting by Example Wire.";
        RawArticle copy = new RawArticle(1, ArticleIds.of(null, "Other title", otherBody), null, "Other Outlet",
                "Other title", otherBody, "en", null, Instant.parse("2022-11-07T10:05:00Z"), "test")
                .withDuplicateOf(first.id(), 0.875);
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, copy)).isEmpty();
        assertThat(Json.read(Json.toBytes(copy), RawArticle.class)).isEqualTo(copy);
        assertThat(Json.MAPPER.valueToTree(copy).get("duplicateOf").asText()).isEqualTo(first.id());
        assertThat(Json.MAPPER.valueToTree(copy).get("duplicateSimilarity").asDouble()).isEqualTo(0.875);
        // An enriched record carries the raw one, so the mark reaches the store through the enriched topic too.
        EnrichedArticle e = enriched();
        EnrichedArticle enrichedCopy = new EnrichedArticle(e.schemaVersion(), copy.id(), copy, e.language(), e.enrichedAt(),
                e.enricher(), e.countries(), e.people(), e.organizations(), e.locations(), e.events(), e.eventCounts(), e.credits());
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, enrichedCopy)).isEmpty();
        // A reader from before the fields existed, i.e. one that only knows the old ones, still reads the record.
        assertThat(Json.read(Json.toString(copy).replace("duplicateOf", "x").replace("duplicateSimilarity", "y"), RawArticle.class).duplicateOf()).isNull();
    }

    @Test
    void schemaAndRecordRejectBrokenDuplicateMarks() {
        RawArticle r = raw();
        String json = Json.toString(r);
        var badId = Json.MAPPER.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) badId).put("duplicateOf", "not-an-id").put("duplicateSimilarity", 0.9);
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, badId)).anyMatch(m -> m.contains("duplicateOf"));
        var onlySimilarity = Json.MAPPER.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) onlySimilarity).put("duplicateSimilarity", 0.9);
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, onlySimilarity)).isNotEmpty();
        var tooSimilar = Json.MAPPER.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tooSimilar).put("duplicateOf", "txt-0123456789abcdef0123456789abcdef").put("duplicateSimilarity", 1.5);
        assertThat(ContractSchemas.violations(ContractSchemas.RAW, tooSimilar)).anyMatch(m -> m.contains("duplicateSimilarity"));

        assertThatThrownBy(() -> r.withDuplicateOf(r.id(), 1.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> r.withDuplicateOf("txt-0123456789abcdef0123456789abcdef", 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.withDuplicateOf(null, 0.9).duplicateSimilarity()).isNull();
        // A record claiming to duplicate itself is refused when read, with a reason (it would go to the DLQ).
        String self = json.replaceFirst("\\{", "{\"duplicateOf\":\"" + r.id() + "\",\"duplicateSimilarity\":1.0,");
        assertThatThrownBy(() -> Json.read(self, RawArticle.class)).isInstanceOf(InvalidRecordException.class).hasMessageContaining("itself");
    }

    @Test
    void roundTripsThroughJson() {
        EnrichedArticle e = enriched();
        byte[] bytes = Json.toBytes(e);
        assertThat(Json.read(bytes, EnrichedArticle.class)).isEqualTo(e);
    }

    @Test
    void truncatedFlagIsAdditive() {
        EnrichedArticle complete = enriched();
        // a complete record has no "truncated" key at all: its bytes are what they were before the flag existed
        assertThat(Json.toString(complete)).doesNotContain("truncated");
        EnrichedArticle cut = new EnrichedArticle(complete.schemaVersion(), complete.id(), complete.article(), complete.language(),
                complete.enrichedAt(), complete.enricher(), complete.countries(), complete.people(), complete.organizations(),
                complete.locations(), complete.events(), complete.eventCounts(), complete.credits(), true);
        assertThat(Json.toString(cut)).contains("\"truncated\":true");
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, cut)).isEmpty();
        assertThat(Json.read(Json.toBytes(cut), EnrichedArticle.class)).isEqualTo(cut);
        assertThat(Json.read(Json.toBytes(cut), EnrichedArticle.class).wasTruncated()).isTrue();
        assertThat(Json.read(Json.toBytes(complete), EnrichedArticle.class).wasTruncated()).isFalse();
        // a record written before the flag existed reads as complete
        assertThat(Json.read(Json.toString(complete).replace(",\"truncated\":true", ""), EnrichedArticle.class)).isEqualTo(complete);
    }

    static Statement denial() {
        return new Statement("016", Statement.QUAD_CLASS, new Actor("AZ", "Azerbaijan", "COUNTRY", "GOV"), null,
                new Mention(23, 29, "traded"), new Mention(0, 52, "Armenia and Azerbaijan traded accusations on Monday."),
                "2022-11-07", false, false);
    }

    @Test
    void statementsAreAdditiveAndOmittedWhenAbsent() {
        EnrichedArticle without = enriched();
        // no statements: no key at all, the bytes are what they were before the field existed
        assertThat(Json.toString(without)).doesNotContain("statements");
        assertThat(without.withStatements(List.of()).statements()).isNull();
        assertThat(without.statementsOrEmpty()).isEmpty();

        EnrichedArticle with = without.withStatements(List.of(denial()));
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, with)).isEmpty();
        assertThat(Json.read(Json.toBytes(with), EnrichedArticle.class)).isEqualTo(with);
        var node = Json.MAPPER.valueToTree(with).get("statements").get(0);
        assertThat(node.get("cameoCode").asText()).isEqualTo("016");
        assertThat(node.get("quadClass").asInt()).isZero();
        assertThat(node.has("type")).isFalse();
        // statements are not events and not counted with them
        assertThat(with.events()).hasSize(1);
        assertThat(with.eventCounts()).isEqualTo(Map.of("ACCUSE", 1));
        // a reader from before the field existed still reads the record
        String renamed = Json.toString(with).replace("\"statements\"", "\"addedLater\"");
        assertThat(Json.read(renamed, EnrichedArticle.class).statements()).isNull();
    }

    @Test
    void schemaRejectsBrokenStatements() {
        var record = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(enriched().withStatements(List.of(denial())));
        var item = (com.fasterxml.jackson.databind.node.ObjectNode) record.get("statements").get(0);
        item.put("cameoCode", "112");
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, record)).anyMatch(m -> m.contains("cameoCode"));
        item.put("cameoCode", "013").put("quadClass", 3);
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, record)).anyMatch(m -> m.contains("quadClass"));
        item.put("quadClass", 0).remove("source");
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, record)).anyMatch(m -> m.contains("source"));
        // and the record refuses a code that is not a statement's
        Actor az = new Actor("AZ", "Azerbaijan", "COUNTRY", null);
        assertThatThrownBy(() -> new Statement("112", 0, az, null, null, null, null, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("112");
        assertThatThrownBy(() -> new Statement("013", 3, az, null, null, null, null, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QuadClass");
        assertThatThrownBy(() -> new Statement("013", 0, null, null, null, null, null, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
        // a record carrying a broken statement is refused when read, with a reason (it would go to the DLQ)
        String broken = Json.toString(enriched().withStatements(List.of(denial()))).replace("\"cameoCode\":\"016\"", "\"cameoCode\":\"160\"");
        assertThatThrownBy(() -> Json.read(broken, EnrichedArticle.class)).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void eventCameoCodeIsAdditive() {
        EventTag old = enriched().events().get(0);
        assertThat(old.cameoCode()).isNull();
        assertThat(Json.toString(old)).doesNotContain("cameoCode");
        EventTag coded = new EventTag(old.type(), old.mode(), old.cameoRoot(), old.quadClass(), old.source(), old.target(),
                old.trigger(), old.sentence(), old.date(), old.locationCountry(), old.place(), old.casualties(), old.negated(),
                old.hypothetical(), "112");
        EnrichedArticle e = enriched();
        EnrichedArticle withCode = new EnrichedArticle(e.schemaVersion(), e.id(), e.article(), e.language(), e.enrichedAt(),
                e.enricher(), e.countries(), e.people(), e.organizations(), e.locations(), List.of(coded), e.eventCounts(), e.credits());
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, withCode)).isEmpty();
        assertThat(Json.read(Json.toBytes(withCode), EnrichedArticle.class).events().get(0).cameoCode()).isEqualTo("112");
        var bad = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(withCode);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("events").get(0)).put("cameoCode", "7x");
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, bad)).anyMatch(m -> m.contains("cameoCode"));
    }

    @Test
    void readersIgnoreFieldsAddedLater() {
        String json = Json.toString(raw()).replaceFirst("\\{", "{\"addedInV1_3\":true,");
        assertThat(Json.read(json, RawArticle.class).id()).isEqualTo(raw().id());
    }

    @Test
    void malformedPayloadsGiveAReason() {
        assertThatThrownBy(() -> Json.read("{not json", RawArticle.class))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("not a valid RawArticle JSON");
        assertThatThrownBy(() -> Json.read("{\"schemaVersion\":1}", RawArticle.class))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> Json.read((byte[]) null, RawArticle.class)).isInstanceOf(InvalidRecordException.class);
    }
}
