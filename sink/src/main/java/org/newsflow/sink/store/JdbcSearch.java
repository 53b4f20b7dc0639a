package org.newsflow.sink.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;

/** Finding articles: by id, and pages over the common filters in one of three orders, with the total. */
final class JdbcSearch {
    private final DataSource dataSource;
    private final Dialect dialect;

    JdbcSearch(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    long count() {
        return Sql.count(dataSource, "count", "SELECT COUNT(*) FROM articles", List.of());
    }

    Optional<String> findJson(String id) {
        String[] json = {null};
        Sql.query(dataSource, "find " + id, "SELECT record FROM articles WHERE id = ?", List.of(id), rs -> json[0] = rs.getString(1));
        return Optional.ofNullable(json[0]);
    }

    ArticlePage search(ArticleQuery q) {
        FilterSql filter = FilterSql.of(q.filter(), dialect, false);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT a.id, a.article_time, a.record FROM articles a");
        if (q.sort() == ArticleQuery.Sort.RELEVANCE) {
            sql.append(dialect.relevanceJoin("a"));
            params.add(dialect.textParameter(SearchText.of(q.filter().text())));
        }
        sql.append(" WHERE 1 = 1").append(filter.where());
        params.addAll(filter.params());
        ArticleQuery.Cursor after = q.after();
        long skipped = after != null && after.isOffset() ? after.articleTimeMs() : 0;
        switch (q.sort()) {
            case NEWEST, OLDEST -> {
                String cmp = q.sort() == ArticleQuery.Sort.NEWEST ? "<" : ">";
                String dir = q.sort() == ArticleQuery.Sort.NEWEST ? "DESC" : "ASC";
                if (after != null && !after.isOffset()) {
                    sql.append(" AND (a.article_time ").append(cmp).append(" ? OR (a.article_time = ? AND a.id ")
                            .append(cmp).append(" ?))");
                    params.add(after.articleTimeMs());
                    params.add(after.articleTimeMs());
                    params.add(after.id());
                }
                sql.append(" ORDER BY a.article_time ").append(dir).append(", a.id ").append(dir).append(" LIMIT ?");
                params.add(q.limit() + 1);
            }
            case RELEVANCE -> {
                sql.append(" ORDER BY ").append(dialect.relevanceOrder())
                        .append(", a.article_time DESC, a.id DESC LIMIT ? OFFSET ?");
                params.add(q.limit() + 1);
                params.add(skipped);
            }
        }
        List<EnrichedArticle> items = new ArrayList<>();
        ArticleQuery.Cursor[] last = {null};
        boolean[] more = {false};
        Sql.query(dataSource, "search", sql.toString(), params, rs -> {
            if (items.size() == q.limit()) {
                more[0] = true;
                return;
            }
            items.add(Json.read(rs.getString(3), EnrichedArticle.class));
            last[0] = new ArticleQuery.Cursor(rs.getLong(2), rs.getString(1));
        });
        ArticleQuery.Cursor next = !more[0] ? null
                : q.sort() == ArticleQuery.Sort.RELEVANCE ? ArticleQuery.Cursor.offset(skipped + items.size()) : last[0];
        long total = Sql.count(dataSource, "count", "SELECT COUNT(*) FROM (SELECT 1 FROM articles a WHERE 1 = 1"
                + filter.where() + " LIMIT " + (ArticlePage.TOTAL_CAP + 1) + ") x", filter.params());
        return new ArticlePage(items, next, Math.min(total, ArticlePage.TOTAL_CAP), total > ArticlePage.TOTAL_CAP,
                snippets(q.filter().text(), items));
    }

    private static Map<String, SearchText.Snippet> snippets(String text, List<EnrichedArticle> items) {
        Map<String, SearchText.Snippet> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        SearchText search = SearchText.of(text);
        for (EnrichedArticle a : items) {
            RawArticle raw = a.article();
            SearchText.Snippet s = raw == null ? null : search.snippet(raw.title(), raw.body());
            if (s != null) {
                out.put(a.id(), s);
            }
        }
        return out;
    }
}
