package org.newsflow.sink.store;

import java.util.List;
import java.util.Optional;
import org.newsflow.contract.EnrichedArticle;

/** The query side of a store: what the API serves. Every method may throw {@link StoreException}. */
public interface ArticleReader extends AutoCloseable {

    /** Number of stored articles (a full count: not for health checks, see {@link #ping()}). */
    long count();

    /**
     * Cheap reachability check for readiness probes: borrows a connection and validates it (no table scan).
     *
     * @throws StoreException when the database cannot be reached
     */
    void ping();

    /** The stored (newest) version of an article. */
    Optional<EnrichedArticle> find(String id);

    /** The stored version's JSON text, exactly as stored. */
    Optional<String> findJson(String id);

    /** A page of articles matching the filters, in the query's order, with the total over all pages. */
    ArticlePage search(ArticleQuery query);

    /** Counts per key (country, person, organization, event type) with per-bucket counts. */
    List<StatSeries> stats(StatsQuery query);

    /** Counts over time, every bucket of the window present. */
    List<StatSeries> timeline(TimelineQuery query);

    /** Per country: articles tagging it and events it took part in, by QuadClass; most articles first. */
    List<CountryActivity> countryActivity(ArticleFilter filter);

    /**
     * Countries on the other side of (real) events involving one of {@code countries}; most events first. The
     * filter's own countries are not applied (the focus countries replace them).
     */
    List<Counterpart> counterparts(ArticleFilter filter, List<String> countries, int limit);

    /** One person over the filter (whose people are not applied); empty when no article in range mentions them. */
    Optional<PersonProfile> person(String key, ArticleFilter filter);

    /** Where the store is, without secrets, for logs. */
    String describe();

    @Override
    void close();
}
