package org.newsflow.sink.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The person page: who the store thinks a person is, who appears with them, and what they do in events. */
final class JdbcPeople {
    private static final int CO_MENTIONED = 20;

    private final DataSource dataSource;
    private final Dialect dialect;

    JdbcPeople(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Optional<PersonProfile> person(String key, ArticleFilter f) {
        FilterSql filter = FilterSql.of(f.withPeople(List.of()), dialect, false);
        List<Object> params = new ArrayList<>();
        params.add(key);
        params.addAll(filter.params());
        String where = from("") + filter.where();

        String[] name = {null};
        Map<String, Integer> titles = new LinkedHashMap<>();
        Map<String, Integer> countries = new LinkedHashMap<>();
        long[] articles = {0};
        Sql.query(dataSource, "person", "SELECT t.name, t.country, t.titles" + where + " ORDER BY a.article_time DESC, a.id DESC",
                params, rs -> {
                    articles[0]++;
                    if (name[0] == null) {
                        name[0] = rs.getString(1);
                    }
                    if (rs.getString(2) != null) {
                        countries.merge(rs.getString(2), 1, Integer::sum);
                    }
                    if (rs.getString(3) != null) {
                        Arrays.stream(rs.getString(3).split("; ")).forEach(title -> titles.merge(title, 1, Integer::sum));
                    }
                });
        if (articles[0] == 0) {
            return Optional.empty();
        }
        List<PersonProfile.CoMention> co = new ArrayList<>();
        Sql.query(dataSource, "person", "SELECT o.person_key, MAX(o.name), COUNT(*)" + from(" JOIN article_person o ON o.article_id = a.id AND o.person_key <> t.person_key")
                        + filter.where()
                        + " GROUP BY o.person_key ORDER BY COUNT(*) DESC, o.person_key LIMIT " + CO_MENTIONED,
                params, rs -> co.add(new PersonProfile.CoMention(rs.getString(1), rs.getString(2), rs.getLong(3))));
        Map<String, Long> asSource = new TreeMap<>();
        Map<String, Long> asTarget = new TreeMap<>();
        List<Object> eventParams = new ArrayList<>(params);
        eventParams.add(false);
        eventParams.add(false);
        Sql.query(dataSource, "person", "SELECT e.type, e.source_name, e.target_name, t.name_norm"
                        + from(" JOIN events e ON e.article_id = a.id") + filter.where()
                        + " AND e.negated = ? AND e.hypothetical = ?", eventParams, rs -> {
                    if (names(rs.getString(2), rs.getString(4))) {
                        asSource.merge(rs.getString(1), 1L, Long::sum);
                    }
                    if (names(rs.getString(3), rs.getString(4))) {
                        asTarget.merge(rs.getString(1), 1L, Long::sum);
                    }
                });
        return Optional.of(new PersonProfile(key, name[0], byFrequency(titles), byFrequency(countries).stream().findFirst()
                .orElse(null), articles[0], List.copyOf(co), Map.copyOf(asSource), Map.copyOf(asTarget)));
    }

    private static String from(String join) {
        return " FROM articles a JOIN article_person t ON t.article_id = a.id" + join + " WHERE t.person_key = ?";
    }

    /**
     * Whether an event's actor text names the person: the whole name, or the surname as a word of it (events name
     * people as "Putin" or "Russian President Vladimir Putin"). Compared in Java: SQLite's lower() is ASCII-only.
     */
    static boolean names(String actor, String personNameNorm) {
        if (actor == null || personNameNorm == null || personNameNorm.isBlank()) {
            return false;
        }
        String a = " " + FilterSql.lower(actor).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        String[] words = personNameNorm.split("\\s+");
        return a.contains(" " + personNameNorm + " ") || a.contains(" " + words[words.length - 1] + " ");
    }

    private static List<String> byFrequency(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
                .map(Map.Entry::getKey).toList();
    }
}
