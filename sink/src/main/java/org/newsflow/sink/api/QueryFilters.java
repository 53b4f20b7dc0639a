package org.newsflow.sink.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsflow.sink.store.ArticleFilter;
import org.newsflow.sink.store.SearchText;

/** The common filters of every query endpoint, read from the request (see the API contract). */
final class QueryFilters {
    static final List<String> NAMES = List.of("from", "to", "country", "person", "organization", "eventType",
            "quadClass", "source", "language", "q", "duplicates");

    private QueryFilters() {}

    /** The common parameter names plus the endpoint's own. */
    static Set<String> known(String... own) {
        Set<String> names = new HashSet<>(NAMES);
        names.addAll(List.of(own));
        return names;
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
