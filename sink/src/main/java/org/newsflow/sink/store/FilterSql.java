package org.newsflow.sink.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The common filters as SQL conditions on {@code articles a} (each one {@code " AND ..."}), and their parameters in
 * order. Tag filters are {@code EXISTS} subqueries on the tag tables, so an article is never counted twice.
 */
final class FilterSql {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private FilterSql() {}

    /**
     * @param eventRows true when the query joins {@code events t} and counts events: event types and quad classes
     *        then select those rows instead of articles
     */
    static FilterSql of(ArticleFilter f, Dialect dialect, boolean eventRows) {
        FilterSql s = new FilterSql();
        if (f.fromMs() != null) {
            s.add(" AND a.article_time >= ?", f.fromMs());
        }
        if (f.toMs() != null) {
            s.add(" AND a.article_time < ?", f.toMs());
        }
        s.in("a.language", f.languages());
        s.in("a.source", f.sources());
        switch (f.duplicates()) {
            case EXCLUDE -> s.sql.append(" AND a.duplicate_of IS NULL");
            case ONLY -> s.sql.append(" AND a.duplicate_of IS NOT NULL");
            case INCLUDE -> { }
        }
        if (!f.countries().isEmpty()) {
            s.sql.append(" AND EXISTS (SELECT 1 FROM article_country fc WHERE fc.article_id = a.id");
            s.in("fc.code", f.countries());
            s.sql.append(")");
        }
        if (!f.people().isEmpty()) {
            s.sql.append(" AND EXISTS (SELECT 1 FROM article_person fp WHERE fp.article_id = a.id AND (fp.person_key IN ")
                    .append(Sql.placeholders(f.people().size()));
            s.params.addAll(f.people());
            s.nameParts("fp.name_norm", f.people());
            s.sql.append("))");
        }
        if (!f.organizations().isEmpty()) {
            List<String> lower = f.organizations().stream().map(FilterSql::lower).toList();
            s.sql.append(" AND EXISTS (SELECT 1 FROM article_organization fo WHERE fo.article_id = a.id AND (fo.acronym_norm IN ")
                    .append(Sql.placeholders(lower.size()));
            s.params.addAll(lower);
            s.nameParts("fo.org_key", f.organizations());
            s.sql.append("))");
        }
        if (eventRows) {
            s.in("t.type", f.eventTypes());
            s.in("t.quad_class", f.quadClasses());
        } else if (!f.eventTypes().isEmpty() || !f.quadClasses().isEmpty()) {
            s.sql.append(" AND EXISTS (SELECT 1 FROM events fe WHERE fe.article_id = a.id");
            s.in("fe.type", f.eventTypes());
            s.in("fe.quad_class", f.quadClasses());
            s.sql.append(")");
        }
        if (f.text() != null) {
            s.add(" AND " + dialect.textCondition("a"), dialect.textParameter(SearchText.of(f.text())));
        }
        return s;
    }

    String where() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }

    private void add(String condition, Object param) {
        sql.append(condition);
        params.add(param);
    }

    private void in(String column, List<?> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN ").append(Sql.placeholders(values.size()));
            params.addAll(values);
        }
    }

    /**
     * A whole-word part of a lower-cased name: {@code putin} matches "vladimir putin", not "rasputin". LIKE on
     * {@code ' ' || name || ' '}, with the LIKE wildcards in the value escaped. Not index-assisted: a scan of the
     * tag table's name column, fine for an interactive filter at this store's scale.
     */
    private void nameParts(String column, List<String> values) {
        for (String v : values) {
            String part = lower(v).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            sql.append(" OR (' ' || ").append(column).append(" || ' ') LIKE ? ESCAPE '\\'");
            params.add("% " + part + " %");
        }
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
