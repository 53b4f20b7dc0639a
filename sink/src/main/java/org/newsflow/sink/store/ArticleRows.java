package org.newsflow.sink.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsflow.contract.Actor;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Statement;

/**
 * The rows one enriched article becomes, declared once for both write paths: the {@code articles} columns each
 * writer fills, and the tag tables with their columns. {@code ArticleRowsTest} checks the declarations against the
 * migrations, so a column added to one and not the other fails the build.
 */
final class ArticleRows {
    /** The {@code articles} columns the writers fill, in their order ({@code search} is generated on PostgreSQL). */
    static final List<String> ARTICLE_COLUMNS = List.of("id", "version", "article_time", "published_at", "ingested_at",
            "enriched_at", "language", "source", "url", "title", "stored_at", "duplicate_of", "record");

    private ArticleRows() {}

    /**
     * The tag tables: name, then columns as "name" (text), "name:int", "name:long" or "name:bool". The index of a
     * table here is the {@code table} argument of {@link TagRowSink#add}; the values come in this column order.
     */
    static final String[][] TAG_TABLES = {
        {"article_country", "article_id", "code", "alpha3", "name", "mentions:int", "focus:bool", "article_time:long"},
        {"article_person", "article_id", "person_key", "name", "name_norm", "country", "titles", "mentions:int",
            "article_time:long"},
        {"article_organization", "article_id", "org_key", "name", "acronym", "acronym_norm", "type", "country",
            "mentions:int", "article_time:long"},
        {"events", "article_id", "seq:int", "type", "mode", "cameo_root", "quad_class:int",
            "source_country", "source_name", "source_sector", "target_country", "target_name", "target_sector",
            "event_date", "location_country", "place", "dead:int", "injured:int", "casualties_at_least:bool",
            "negated:bool", "hypothetical:bool", "trigger_text", "article_time:long"},
        {"statements", "article_id", "seq:int", "cameo_code", "source_country", "source_name", "source_sector",
            "target_country", "target_name", "target_sector", "statement_date", "negated:bool", "hypothetical:bool",
            "trigger_text", "article_time:long"},
    };

    interface TagRowSink {
        void add(int table, Object... values) throws SQLException;
    }

    /** The rows of one article in the tag tables (one key once per article); shared by both write paths. */
    static void tagRows(EnrichedArticle a, TagRowSink sink) throws SQLException {
        long time = articleTime(a);
        Set<String> seen = new HashSet<>();
        for (CountryTag t : a.countries()) {
            if (t.code() != null && seen.add(t.code())) {
                sink.add(0, a.id(), t.code(), t.alpha3(), t.name(), t.mentions(), t.focus(), time);
            }
        }
        seen.clear();
        for (PersonTag t : a.people()) {
            String key = t.key() != null && !t.key().isBlank() ? t.key() : lower(t.name());
            if (key != null && seen.add(key)) {
                sink.add(1, a.id(), key, t.name() == null ? key : t.name(), lower(t.name() == null ? key : t.name()),
                        t.country(), t.titles().isEmpty() ? null : String.join("; ", t.titles()), t.mentions(), time);
            }
        }
        seen.clear();
        for (OrganizationTag t : a.organizations()) {
            String key = lower(t.name());
            if (key != null && seen.add(key)) {
                sink.add(2, a.id(), key, t.name(), t.acronym(), lower(t.acronym()), t.type(), t.country(),
                        t.mentions(), time);
            }
        }
        int seq = 0;
        for (EventTag e : a.events()) {
            if (e.type() == null) {
                continue;
            }
            Actor s = e.source();
            Actor t = e.target();
            sink.add(3, a.id(), seq++, e.type(), e.mode(), e.cameoRoot(), e.quadClass(),
                    s == null ? null : s.country(), s == null ? null : truncate(s.name(), 300), s == null ? null : s.sector(),
                    t == null ? null : t.country(), t == null ? null : truncate(t.name(), 300), t == null ? null : t.sector(),
                    e.date(), e.locationCountry(), truncate(e.place(), 300),
                    e.casualties() == null ? null : e.casualties().dead(),
                    e.casualties() == null ? null : e.casualties().injured(),
                    e.casualties() == null ? null : e.casualties().atLeast(),
                    e.negated(), e.hypothetical(),
                    e.trigger() == null ? null : truncate(e.trigger().text(), 500), time);
        }
        seq = 0;
        for (Statement st : a.statementsOrEmpty()) {
            Actor s = st.source();
            Actor t = st.target();
            sink.add(4, a.id(), seq++, st.cameoCode(),
                    s == null ? null : s.country(), s == null ? null : truncate(s.name(), 300), s == null ? null : s.sector(),
                    t == null ? null : t.country(), t == null ? null : truncate(t.name(), 300), t == null ? null : t.sector(),
                    st.date(), st.negated(), st.hypothetical(),
                    st.trigger() == null ? null : truncate(st.trigger().text(), 500), time);
        }
    }


    /** What "newest first" and time windows refer to: publication time, else ingestion time, else enrichment time. */
    static long articleTime(EnrichedArticle a) {
        RawArticle raw = a.article();
        Instant t = raw != null && raw.publishedAt() != null ? raw.publishedAt()
                : raw != null && raw.ingestedAt() != null ? raw.ingestedAt()
                : a.enrichedAt() != null ? a.enrichedAt() : Instant.EPOCH;
        return millis(t);
    }

    /**
     * Epoch milliseconds; a time beyond what a long holds (year +999999999) is the record's fault, so it is a data
     * error (dead letter), not an ArithmeticException that would look like a bug. The sink validates dates before
     * this; the check is for other callers of the store.
     */
    static Long millis(Instant t) {
        if (t == null) {
            return null;
        }
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new StoreException("time " + t + " is out of the storable range", true, e);
        }
    }


    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
