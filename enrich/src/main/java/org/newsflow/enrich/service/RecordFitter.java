package org.newsflow.enrich.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.LocationTag;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;

/**
 * Makes an enriched record fit the record size limit, by one documented rule, or says it cannot.
 *
 * <p>An enriched record carries the article unchanged plus evidence spans, and a long article produces thousands of
 * spans (every "Kenya" is one): a ~200 KB article can enrich to more than the 1 MB Kafka accepts. The rule, applied
 * step by step until the record fits, each step on top of the previous one:
 * <ol>
 *   <li>at most {@value #EVIDENCE_CAP} evidence spans per country, person, organization and location tag (the first
 *       ones in the text);</li>
 *   <li>one evidence span per tag (the schema requires at least one);</li>
 *   <li>at most {@value #EVENT_CAP} events and as many statements (the first ones in the text).</li>
 * </ol>
 * A cut record has {@code truncated: true}; {@code mentions} and {@code eventCounts} keep the full counts, so
 * dashboards still count correctly. The article body is never cut (every offset points into it): a record that
 * does not fit after step 3 is rejected with {@link LimitExceededException}, and goes to the dead-letter topic.
 */
final class RecordFitter {
    static final int EVIDENCE_CAP = 10;
    static final int EVENT_CAP = 100;

    private RecordFitter() {}

    /** The serialised value, and whether it had to be cut. */
    record Fitted(byte[] value, boolean truncated) {}

    /**
     * @param maxRecordBytes the limit on key + value bytes
     */
    static Fitted fit(EnrichedArticle article, String key, int maxRecordBytes) {
        int keyBytes = key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length;
        int budget = maxRecordBytes - keyBytes;
        byte[] full = Json.toBytes(article);
        if (full.length <= budget) {
            return new Fitted(full, false);
        }
        List<UnaryOperator<EnrichedArticle>> steps = List.of(
                a -> capEvidence(a, EVIDENCE_CAP),
                a -> capEvidence(a, 1),
                a -> capEvents(a, EVENT_CAP));
        EnrichedArticle cut = article;
        byte[] bytes = full;
        for (UnaryOperator<EnrichedArticle> step : steps) {
            cut = step.apply(cut);
            bytes = Json.toBytes(cut);
            if (bytes.length <= budget) {
                return new Fitted(bytes, true);
            }
        }
        throw new LimitExceededException("enriched record is " + full.length + " bytes (" + bytes.length
                + " after truncation to 1 evidence span per tag and " + EVENT_CAP + " events), over the limit of "
                + maxRecordBytes + " bytes (NEWSFLOW_ENRICH_MAX_RECORD_BYTES); article body is "
                + article.article().body().length() + " chars");
    }

    static EnrichedArticle capEvidence(EnrichedArticle a, int cap) {
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.article(), a.language(), a.enrichedAt(), a.enricher(),
                a.countries().stream().map(c -> new CountryTag(c.code(), c.alpha3(), c.name(), c.mentions(), c.focus(), first(c.evidence(), cap))).toList(),
                a.people().stream().map(p -> new PersonTag(p.name(), p.key(), p.mentions(), p.titles(), p.country(), first(p.evidence(), cap))).toList(),
                a.organizations().stream().map(o -> new OrganizationTag(o.name(), o.acronym(), o.type(), o.country(), o.mentions(), first(o.evidence(), cap))).toList(),
                a.locations().stream().map(l -> new LocationTag(l.name(), l.kind(), l.country(), l.mentions(), first(l.evidence(), cap))).toList(),
                a.events(), a.eventCounts(), a.credits(), true, a.statements());
    }

    static EnrichedArticle capEvents(EnrichedArticle a, int cap) {
        // eventCounts is left as it is: it counts every event found, which is what dashboards want; statements are
        // capped like events (the first ones in the text)
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.article(), a.language(), a.enrichedAt(), a.enricher(),
                a.countries(), a.people(), a.organizations(), a.locations(), first(a.events(), cap), a.eventCounts(), a.credits(), true,
                first(a.statementsOrEmpty(), cap));
    }

    private static <T> List<T> first(List<T> list, int cap) {
        return list.size() <= cap ? list : list.subList(0, cap);
    }
}
