package org.newsflow.sink.api;

import java.time.Instant;
import java.util.List;
import org.newsflow.sink.store.ArticleFilter;
import org.newsflow.sink.store.SearchText;

/** The common filters of every query endpoint, read from the request (see the API contract). */
final class QueryFilters {
    private static final String LIST = "; comma-separated values mean any of them";

    /** The common filters as documented (and therefore accepted: see {@link ApiOperation#queryNames()}). */
    static final List<ApiParameter> PARAMETERS = List.of(
            ApiParameter.query("from", ApiParameter.string(), "inclusive lower bound on the article time (publication, "
                    + "else ingestion time): an ISO-8601 instant such as 2022-11-07T10:00:00Z, or a date (midnight UTC)"),
            ApiParameter.query("to", ApiParameter.string(), "exclusive upper bound on the article time, like from"),
            ApiParameter.query("country", ApiParameter.string("^[A-Za-z]{2}(,[A-Za-z]{2})*$"), "ISO 3166-1 alpha-2 code "
                    + "of a tagged country" + LIST + ". Where events are counted: events with the country as source or target"),
            ApiParameter.query("person", ApiParameter.string(), "person key (vladimir_putin) or whole words of the name, "
                    + "any case (putin finds Vladimir Putin)" + LIST),
            ApiParameter.query("organization", ApiParameter.string(), "acronym or whole words of the name, any case" + LIST),
            ApiParameter.query("eventType", ApiParameter.string(), "PLOVER event type (AGREE, CONSULT, SUPPORT, CONCEDE, "
                    + "COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, "
                    + "ASSAULT) of an event in the article" + LIST + ". Where events are counted: only those events"),
            ApiParameter.query("quadClass", ApiParameter.string("^[1-4](,[1-4])*$"), "QuadClass of an event in the "
                    + "article: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict" + LIST),
            ApiParameter.query("source", ApiParameter.string(), "publisher name, exact" + LIST),
            ApiParameter.query("language", ApiParameter.string("^[A-Za-z]{2,3}(,[A-Za-z]{2,3})*$"), "ISO 639-1 code" + LIST),
            ApiParameter.query("q", ApiParameter.string(), "full-text search over title and body: every word must occur "
                    + "(whole words, any case, no stemming)"),
            ApiParameter.query("duplicates", ApiParameter.choice(null, "include", "exclude", "only"), "articles ingest "
                    + "marked as near-duplicates of an earlier one: include (default for article lists), exclude "
                    + "(default for counts: a republished story counts once) or only them"));

    private QueryFilters() {}

    /** The common filters followed by the endpoint's own parameters. */
    static List<ApiParameter> with(ApiParameter... own) {
        List<ApiParameter> all = new java.util.ArrayList<>(PARAMETERS);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }

    /**
     * The filters, with the time window as given (either bound may be null; {@code to} must be after {@code from}).
     *
     * @param duplicatesDefault {@code include} for article lists, {@code exclude} for counts (a republished wire
     *        story is one story)
     */
    static ArticleFilter read(Params p, String duplicatesDefault) {
        Instant from = p.time("from");
        Instant to = p.time("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequest("to", "'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        String q = p.text("q");
        if (q != null && SearchText.terms(q).isEmpty()) {
            throw new BadRequest("q", "parameter 'q' has no words to search for");
        }
        String duplicates = p.choice("duplicates", duplicatesDefault, List.of("include", "exclude", "only"));
        return new ArticleFilter(from == null ? null : from.toEpochMilli(), to == null ? null : to.toEpochMilli(),
                p.countries("country"), p.list("person"), p.list("organization"), p.eventTypes("eventType"),
                p.quadClasses("quadClass"), p.list("source"), p.languages("language"), q,
                ArticleFilter.Duplicates.valueOf(duplicates.toUpperCase(java.util.Locale.ROOT)));
    }
}
