package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What enrich publishes to {@link Topics#ENRICHED}: the raw article unchanged plus its tags.
 * Offsets in every {@link Mention} point into {@code article.body()}.
 *
 * @param language ISO 639-1 of the article (from the source, or detected)
 * @param enrichedAt when enrich produced this version; the sink keeps the newest version per id
 * @param enricher name and version of the enricher and its configuration, for provenance
 * @param credits wire services and publishers credited in the text ("AFP", "France 24"): not subjects
 * @param eventCounts per PLOVER type, the number of events, for dashboards
 * @param truncated true when the record was cut down to fit the enriched topic's record size limit: evidence
 *     lists are capped (each tag's {@code mentions} still counts every mention) and events may be capped
 *     ({@code eventCounts} still counts every event); absent (null) when nothing was cut. Added in schema
 *     version 1 (additive): older readers ignore it.
 * @param statements public statements (CAMEO root 01, QuadClass 0, no PLOVER type; see {@link Statement}), in text
 *     order; not events and not in {@code eventCounts}. Absent (null) when the article has none, so a record without
 *     statements keeps its exact old bytes. Added in schema version 1 (additive): older readers ignore it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedArticle(
        int schemaVersion,
        String id,
        RawArticle article,
        String language,
        Instant enrichedAt,
        String enricher,
        List<CountryTag> countries,
        List<PersonTag> people,
        List<OrganizationTag> organizations,
        List<LocationTag> locations,
        List<EventTag> events,
        Map<String, Integer> eventCounts,
        List<String> credits,
        Boolean truncated,
        List<Statement> statements) {

    public static final int SCHEMA_VERSION = 1;

    /** The canonical constructor is the JSON creator (the shorter one below is for code written before {@code truncated}). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public EnrichedArticle {
        countries = List.copyOf(countries);
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        locations = List.copyOf(locations);
        events = List.copyOf(events);
        // sorted, so the same article always serialises to the same bytes
        eventCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(eventCounts));
        credits = List.copyOf(credits);
        // only true is meaningful; false is normalised to absent so a complete record keeps its exact old bytes
        truncated = Boolean.TRUE.equals(truncated) ? Boolean.TRUE : null;
        // like truncated: none is absent, so older consumers and stored records see the bytes they saw before
        statements = statements == null || statements.isEmpty() ? null : List.copyOf(statements);
    }

    /** A record without statements (code written before {@code statements}). */
    public EnrichedArticle(int schemaVersion, String id, RawArticle article, String language, Instant enrichedAt,
            String enricher, List<CountryTag> countries, List<PersonTag> people, List<OrganizationTag> organizations,
            List<LocationTag> locations, List<EventTag> events, Map<String, Integer> eventCounts, List<String> credits,
            Boolean truncated) {
        this(schemaVersion, id, article, language, enrichedAt, enricher, countries, people, organizations, locations,
                events, eventCounts, credits, truncated, null);
    }

    /** A complete (not truncated) record. */
    public EnrichedArticle(int schemaVersion, String id, RawArticle article, String language, Instant enrichedAt,
            String enricher, List<CountryTag> countries, List<PersonTag> people, List<OrganizationTag> organizations,
            List<LocationTag> locations, List<EventTag> events, Map<String, Integer> eventCounts, List<String> credits) {
        this(schemaVersion, id, article, language, enrichedAt, enricher, countries, people, organizations, locations,
                events, eventCounts, credits, null, null);
    }

    /** The statements, empty when there are none (the component is null then). */
    public List<Statement> statementsOrEmpty() {
        return statements == null ? List.of() : statements;
    }

    /** A copy with these statements (none: the field is absent). */
    public EnrichedArticle withStatements(List<Statement> list) {
        return new EnrichedArticle(schemaVersion, id, article, language, enrichedAt, enricher, countries, people,
                organizations, locations, events, eventCounts, credits, truncated, list);
    }

    /** Whether this record was cut down to fit the size limit (see {@code truncated}). */
    public boolean wasTruncated() {
        return Boolean.TRUE.equals(truncated);
    }
}
