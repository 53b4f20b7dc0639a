package org.newsflow.sink.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.sink.store.ArticleFilter;
import org.newsflow.sink.store.ArticlePage;
import org.newsflow.sink.store.ArticleQuery;
import org.newsflow.sink.store.ArticleReader;
import org.newsflow.sink.store.CountryActivity;
import org.newsflow.sink.store.Counterpart;
import org.newsflow.sink.store.PersonProfile;
import org.newsflow.sink.store.StatSeries;
import org.newsflow.sink.store.StatsQuery;
import org.newsflow.sink.store.TimelineQuery;

/**
 * The query endpoints over the store: article lists and every {@code /api/stats/*} count, the person page. All take
 * the common filters ({@link QueryFilters}); answers are built here, the SQL is the store's.
 */
final class QueryRoutes {
    private final ArticleReader store;

    QueryRoutes(ArticleReader store) {
        this.store = store;
    }

    void articles(Context ctx) {
        Params p = new Params(ctx);
        ArticleFilter filter = QueryFilters.read(p, "include");
        String view = p.choice("view", "summary", List.of("summary", "full"));
        String sortName = p.choice("sort", "newest", List.of("newest", "oldest", "relevance"));
        ArticleQuery.Sort sort = ArticleQuery.Sort.valueOf(sortName.toUpperCase(java.util.Locale.ROOT));
        if (sort == ArticleQuery.Sort.RELEVANCE && filter.text() == null) {
            throw new BadRequest("sort", "sort=relevance needs a full-text query 'q'");
        }
        ArticleQuery.Cursor cursor = p.cursor("cursor");
        if (cursor != null && cursor.isOffset() != (sort == ArticleQuery.Sort.RELEVANCE)) {
            throw new BadRequest("cursor", "this cursor belongs to another sort order; start again without 'cursor'");
        }
        ArticlePage page = store.search(new ArticleQuery(filter, sort, cursor, p.integer("limit", 50, 1, 500)));
        List<Object> items = new ArrayList<>();
        for (EnrichedArticle a : page.items()) {
            items.add("full".equals(view) ? a : ArticleSummaries.summary(a, page.snippets().get(a.id()), filter.text() != null));
        }
        String next = Params.encode(page.next());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", next);
        body.put("nextCursor", next); // the first version's name, kept for existing clients
        body.put("total", page.total());
        body.put("totalCapped", page.totalCapped());
        json(ctx, body);
    }

    /** Per-key counts with buckets: {@code countries}, {@code people}, {@code organizations} (articles), {@code events}, {@code statements}. */
    void stats(Context ctx, StatsQuery.Kind kind) {
        Params p = new Params(ctx);
        ArticleFilter filter = QueryFilters.read(p, "exclude");
        Window w = Window.of(p, filter, "hour", false);
        boolean unreal = (kind == StatsQuery.Kind.EVENTS || kind == StatsQuery.Kind.STATEMENTS) && p.bool("includeHypothetical", false);
        List<StatSeries> series = store.stats(new StatsQuery(kind, w.fromMs(), w.toMs(), w.bucketMs(),
                p.integer("limit", 20, 1, 200), null, unreal, filter));
        Map<String, Object> body = w.describe();
        body.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        body.put("items", series.stream().map(QueryRoutes::series).toList());
        json(ctx, reorder(body, "kind", "from", "to", "bucket", "items"));
    }

    void timeline(Context ctx) {
        Params p = new Params(ctx);
        ArticleFilter filter = QueryFilters.read(p, "exclude");
        Window w = Window.of(p, filter, null, true);
        TimelineQuery.By by = switch (p.choice("by", "articles", List.of("articles", "eventtype", "quadclass"))) {
            case "eventtype" -> TimelineQuery.By.EVENT_TYPE;
            case "quadclass" -> TimelineQuery.By.QUAD_CLASS;
            default -> TimelineQuery.By.ARTICLES;
        };
        List<StatSeries> series = store.timeline(new TimelineQuery(filter.withTime(w.fromMs(), w.toMs()), w.bucketMs(), by));
        Map<String, Object> body = w.describe();
        body.put("series", series.stream().map(QueryRoutes::series).toList());
        json(ctx, body);
    }

    void map(Context ctx) {
        Params p = new Params(ctx);
        ArticleFilter filter = QueryFilters.read(p, "exclude");
        List<Object> items = new ArrayList<>();
        for (CountryActivity c : store.countryActivity(filter)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", c.code());
            item.put("name", c.name());
            item.put("articles", c.articles());
            item.put("events", c.events());
            Map<String, Long> quads = new LinkedHashMap<>();
            c.quadClass().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> quads.put(String.valueOf(e.getKey()), e.getValue()));
            item.put("quadClass", quads);
            items.add(item);
        }
        json(ctx, Map.of("items", items));
    }

    void counterparts(Context ctx) {
        Params p = new Params(ctx);
        ArticleFilter filter = QueryFilters.read(p, "exclude");
        if (filter.countries().isEmpty()) {
            throw new BadRequest("country", "parameter 'country' is required: the country whose counterparts to list");
        }
        List<Object> items = new ArrayList<>();
        for (Counterpart c : store.counterparts(filter, filter.countries(), p.integer("limit", 50, 1, 250))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", c.code());
            item.put("events", c.events());
            item.put("byType", new java.util.TreeMap<>(c.byType()));
            items.add(item);
        }
        json(ctx, Map.of("items", items));
    }

    void person(Context ctx) {
        String key = ctx.pathParam("key");
        if (key.isBlank() || key.length() > 300 || key.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest("key", "'key' must be a person key such as vladimir_putin (1-300 characters)");
        }
        Params p = new Params(ctx);
        ArticleFilter filter = QueryFilters.read(p, "exclude");
        PersonProfile profile = store.person(key, filter)
                .orElseThrow(() -> new ApiProblem(404, "no article in this range mentions a person with key '" + key + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", profile.key());
        body.put("name", profile.name());
        body.put("titles", profile.titles());
        body.put("country", profile.country());
        body.put("articles", profile.articles());
        body.put("coMentioned", profile.coMentioned());
        body.put("asSource", new java.util.TreeMap<>(profile.asSource()));
        body.put("asTarget", new java.util.TreeMap<>(profile.asTarget()));
        json(ctx, body);
    }

    /** Nulls written out (as the contract's shapes show them: {@code "next": null}), unlike the records' NON_NULL. */
    private static final com.fasterxml.jackson.databind.ObjectMapper ANSWERS = org.newsflow.contract.Json.MAPPER.copy()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);

    private static void json(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(ANSWERS.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> series(StatSeries s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("key", s.key());
        item.put("label", s.label());
        item.put("total", s.total());
        item.put("buckets", s.buckets().stream().map(b -> new BucketJson(Instant.ofEpochMilli(b.startMs()), b.count())).toList());
        return item;
    }

    private static Map<String, Object> reorder(Map<String, Object> body, String... keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, body.get(k));
        }
        return out;
    }

    record BucketJson(Instant start, long count) {}

}
