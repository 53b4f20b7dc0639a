package org.newsflow.sink.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.newsflow.contract.Statement;

/**
 * Counts for dashboards: per key with buckets, over time, per country (the map) and per counterpart country. Time
 * windows select articles through {@code articles_time_idx}, then their tag rows through the primary keys.
 * Events (and CAMEO 01x statements, their own table) are counted only when real (neither negated nor hypothetical)
 * unless a query says otherwise.
 */
final class JdbcStats {
    private static final String REAL = " AND t.negated = ? AND t.hypothetical = ?";
    private static final Map<Integer, String> QUAD_LABELS = Map.of(1, "Verbal cooperation", 2, "Material cooperation",
            3, "Verbal conflict", 4, "Material conflict");

    private final DataSource dataSource;
    private final Dialect dialect;

    JdbcStats(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    List<StatSeries> stats(StatsQuery q) {
        String bucket = bucket(q.bucketMs());
        List<Object> params = new ArrayList<>();
        String sql;
        if (q.actions()) {
            List<String> sides = new ArrayList<>(q.filter().countries());
            if (q.country() != null && !sides.contains(q.country())) {
                sides.add(q.country());
            }
            // statements have no type or QuadClass of their own: event filters then select articles, as for tags
            boolean events = q.kind() == StatsQuery.Kind.EVENTS;
            FilterSql filter = FilterSql.of(q.filter().withCountries(List.of()), dialect, events);
            String key = events ? "t.type" : "t.cameo_code";
            StringBuilder s = new StringBuilder("SELECT " + key + ", MAX(" + key + "), " + bucket + ", COUNT(*) FROM articles a"
                    + " JOIN " + (events ? "events" : "statements") + " t ON t.article_id = a.id WHERE 1 = 1" + filter.where());
            params.addAll(filter.params());
            if (!q.includeUnreal()) {
                s.append(REAL);
                params.add(false);
                params.add(false);
            }
            sides(s, params, sides);
            sql = s.append(" GROUP BY ").append(key).append(", ").append(bucket).toString();
        } else {
            String[] tk = switch (q.kind()) {
                case COUNTRIES -> new String[] {"article_country", "t.code"};
                case PEOPLE -> new String[] {"article_person", "t.person_key"};
                case ORGANIZATIONS -> new String[] {"article_organization", "t.org_key"};
                default -> throw new IllegalArgumentException(q.kind().toString());
            };
            FilterSql filter = FilterSql.of(q.filter(), dialect, false);
            sql = "SELECT " + tk[1] + ", MAX(t.name), " + bucket + ", COUNT(*) FROM articles a JOIN " + tk[0]
                    + " t ON t.article_id = a.id WHERE 1 = 1" + filter.where() + " GROUP BY " + tk[1] + ", " + bucket;
            params.addAll(filter.params());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<StatSeries.Bucket>> buckets = new LinkedHashMap<>();
        Sql.query(dataSource, "stats", sql, params, rs -> {
            String key = rs.getString(1);
            labels.putIfAbsent(key, q.kind() == StatsQuery.Kind.STATEMENTS ? Statement.label(key) : rs.getString(2));
            buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(new StatSeries.Bucket(rs.getLong(3), rs.getLong(4)));
        });
        List<StatSeries> series = new ArrayList<>();
        for (var e : buckets.entrySet()) {
            List<StatSeries.Bucket> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingLong(StatSeries.Bucket::startMs));
            long total = list.stream().mapToLong(StatSeries.Bucket::count).sum();
            series.add(new StatSeries(e.getKey(), labels.get(e.getKey()), total, List.copyOf(list)));
        }
        series.sort(BY_TOTAL);
        return series.size() > q.limit() ? List.copyOf(series.subList(0, q.limit())) : List.copyOf(series);
    }

    /** Every bucket of the window, zeros included; event series only for keys with at least one event. */
    List<StatSeries> timeline(TimelineQuery q) {
        String bucket = bucket(q.bucketMs());
        List<Object> params = new ArrayList<>();
        String sql;
        if (q.by() == TimelineQuery.By.ARTICLES) {
            FilterSql filter = FilterSql.of(q.filter(), dialect, false);
            sql = "SELECT 'articles', " + bucket + ", COUNT(*) FROM articles a WHERE 1 = 1" + filter.where()
                    + " GROUP BY " + bucket;
            params.addAll(filter.params());
        } else {
            String key = q.by() == TimelineQuery.By.EVENT_TYPE ? "t.type" : "t.quad_class";
            FilterSql filter = FilterSql.of(q.filter().withCountries(List.of()), dialect, true);
            StringBuilder s = new StringBuilder("SELECT " + key + ", " + bucket + ", COUNT(*) FROM articles a"
                    + " JOIN events t ON t.article_id = a.id WHERE 1 = 1" + filter.where() + REAL);
            params.addAll(filter.params());
            params.add(false);
            params.add(false);
            sides(s, params, q.filter().countries());
            sql = s.append(" GROUP BY ").append(key).append(", ").append(bucket).toString();
        }
        long first = Math.floorDiv(q.filter().fromMs(), q.bucketMs()) * q.bucketMs();
        int n = (int) ((q.filter().toMs() - first + q.bucketMs() - 1) / q.bucketMs());
        Map<String, long[]> counts = new TreeMap<>();
        Sql.query(dataSource, "timeline", sql, params, rs -> {
            int i = (int) ((rs.getLong(2) - first) / q.bucketMs());
            if (i >= 0 && i < n) {
                counts.computeIfAbsent(rs.getString(1), k -> new long[n])[i] += rs.getLong(3);
            }
        });
        if (q.by() == TimelineQuery.By.ARTICLES) {
            counts.putIfAbsent("articles", new long[n]);
        }
        List<StatSeries> series = new ArrayList<>();
        for (var e : counts.entrySet()) {
            List<StatSeries.Bucket> list = new ArrayList<>(n);
            long total = 0;
            for (int i = 0; i < n; i++) {
                list.add(new StatSeries.Bucket(first + i * q.bucketMs(), e.getValue()[i]));
                total += e.getValue()[i];
            }
            series.add(new StatSeries(e.getKey(), label(q.by(), e.getKey()), total, List.copyOf(list)));
        }
        series.sort(BY_TOTAL);
        return List.copyOf(series);
    }

    List<CountryActivity> countryActivity(ArticleFilter f) {
        FilterSql filter = FilterSql.of(f, dialect, false);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Long> articles = new LinkedHashMap<>();
        Sql.query(dataSource, "map", "SELECT t.code, MAX(t.name), COUNT(*) FROM articles a JOIN article_country t"
                + " ON t.article_id = a.id WHERE 1 = 1" + filter.where() + " GROUP BY t.code", filter.params(), rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                    articles.put(rs.getString(1), rs.getLong(3));
                });
        // Each event once per country taking part: the source's, and the target's when it is another country.
        String branch = " FROM articles a JOIN events t ON t.article_id = a.id WHERE 1 = 1" + filter.where() + REAL;
        String sql = "SELECT x.code, x.quad_class, COUNT(*) FROM (SELECT t.source_country AS code, t.quad_class" + branch
                + " AND t.source_country IS NOT NULL UNION ALL SELECT t.target_country AS code, t.quad_class" + branch
                + " AND t.target_country IS NOT NULL AND (t.source_country IS NULL OR t.source_country <> t.target_country)"
                + ") x GROUP BY x.code, x.quad_class";
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            params.addAll(filter.params());
            params.add(false);
            params.add(false);
        }
        Map<String, Map<Integer, Long>> quads = new LinkedHashMap<>();
        Sql.query(dataSource, "map", sql, params, rs -> quads.computeIfAbsent(rs.getString(1), k -> emptyQuads())
                .merge(rs.getInt(2), rs.getLong(3), Long::sum));
        List<String> codes = new ArrayList<>(articles.keySet());
        quads.keySet().stream().filter(c -> !articles.containsKey(c)).forEach(codes::add);
        List<CountryActivity> out = new ArrayList<>();
        for (String code : codes) {
            Map<Integer, Long> q = quads.getOrDefault(code, emptyQuads());
            out.add(new CountryActivity(code, names.getOrDefault(code, code), articles.getOrDefault(code, 0L),
                    q.values().stream().mapToLong(Long::longValue).sum(), Map.copyOf(q)));
        }
        out.sort(Comparator.comparingLong(CountryActivity::articles).reversed()
                .thenComparing(Comparator.comparingLong(CountryActivity::events).reversed())
                .thenComparing(CountryActivity::code));
        return List.copyOf(out);
    }

    List<Counterpart> counterparts(ArticleFilter f, List<String> countries, int limit) {
        if (countries.isEmpty()) {
            return List.of();
        }
        FilterSql filter = FilterSql.of(f.withCountries(List.of()), dialect, true);
        String in = Sql.placeholders(countries.size());
        String branch = " AS other, t.type FROM articles a JOIN events t ON t.article_id = a.id WHERE 1 = 1"
                + filter.where() + REAL;
        String sql = "SELECT x.other, x.type, COUNT(*) FROM (SELECT t.target_country" + branch
                + " AND t.source_country IN " + in + " AND t.target_country IS NOT NULL AND t.target_country NOT IN " + in
                + " UNION ALL SELECT t.source_country" + branch
                + " AND t.target_country IN " + in + " AND t.source_country IS NOT NULL AND t.source_country NOT IN " + in
                + ") x GROUP BY x.other, x.type";
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            params.addAll(filter.params());
            params.add(false);
            params.add(false);
            params.addAll(countries);
            params.addAll(countries);
        }
        Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
        Sql.query(dataSource, "counterparts", sql, params, rs -> byType.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                .merge(rs.getString(2), rs.getLong(3), Long::sum));
        List<Counterpart> out = new ArrayList<>();
        byType.forEach((code, types) -> out.add(new Counterpart(code,
                types.values().stream().mapToLong(Long::longValue).sum(), Map.copyOf(types))));
        out.sort(Comparator.comparingLong(Counterpart::events).reversed().thenComparing(Counterpart::code));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    private static final Comparator<StatSeries> BY_TOTAL =
            (a, b) -> a.total() != b.total() ? Long.compare(b.total(), a.total()) : a.key().compareTo(b.key());

    /** Bucket start of the article time: integer arithmetic, the same on both databases (article_time is never negative). */
    private static String bucket(long bucketMs) {
        return "(a.article_time / " + bucketMs + ") * " + bucketMs;
    }

    /** Only events with one of the countries as source or target (none given: all events). */
    private static void sides(StringBuilder sql, List<Object> params, List<String> countries) {
        if (!countries.isEmpty()) {
            String in = Sql.placeholders(countries.size());
            sql.append(" AND (t.source_country IN ").append(in).append(" OR t.target_country IN ").append(in).append(")");
            params.addAll(countries);
            params.addAll(countries);
        }
    }

    private static String label(TimelineQuery.By by, String key) {
        return switch (by) {
            case ARTICLES -> "Articles";
            case EVENT_TYPE -> key;
            case QUAD_CLASS -> QUAD_LABELS.getOrDefault(Integer.parseInt(key), key);
        };
    }

    private static Map<Integer, Long> emptyQuads() {
        Map<Integer, Long> m = new TreeMap<>();
        for (int i = 1; i <= 4; i++) {
            m.put(i, 0L);
        }
        return m;
    }
}
