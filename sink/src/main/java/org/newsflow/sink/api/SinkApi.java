package org.newsflow.sink.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.RawArticle;
import org.newsflow.sink.store.ArticlePage;
import org.newsflow.sink.store.ArticleQuery;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.StatSeries;
import org.newsflow.sink.store.StatsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API (JSON over HTTP, Javalin): everything under {@code /api}, described by {@code /api/openapi.json};
 * Prometheus metrics at {@code /metrics}.
 */
public final class SinkApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkApi.class);
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;
    private static final int MAX_BUCKETS = 2_000;

    private final ArticleStore store;
    private final PrometheusMeterRegistry registry;
    private final Javalin app;
    private final byte[] openApi;

    /**
     * @param registry meters to serve at /metrics, or null for none
     * @param customizer more Javalin configuration (the demo's dashboard: static files, routes)
     */
    public SinkApi(ArticleStore store, PrometheusMeterRegistry registry, Consumer<JavalinConfig> customizer) {
        this.store = store;
        this.registry = registry;
        this.openApi = resource("openapi.json");
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.defaultContentType = "application/json";
            customizer.accept(cfg);
        });
        routes();
    }

    public SinkApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public Javalin app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes() {
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "articles", store.count())));
        app.get("/api/articles", this::articles);
        app.get("/api/articles/{id}", this::article);
        app.get("/api/stats/countries", ctx -> stats(ctx, StatsQuery.Kind.COUNTRIES));
        app.get("/api/stats/people", ctx -> stats(ctx, StatsQuery.Kind.PEOPLE));
        app.get("/api/stats/events", ctx -> stats(ctx, StatsQuery.Kind.EVENTS));
        if (registry != null) {
            app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        }
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(error("bad_request", e.getMessage(), e.parameter())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal_error", e.getClass().getSimpleName() + ": " + e.getMessage(), null));
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.path().startsWith("/api") && ctx.result() == null) {
                ctx.json(error("not_found", "no such resource: " + ctx.path() + " (see /api/openapi.json)", null));
            }
        });
    }

    private static Map<String, Object> error(String code, String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body;
    }

    private void articles(Context ctx) {
        Params p = new Params(ctx, Set.of("country", "person", "organization", "eventType", "language", "source",
                "from", "to", "limit", "cursor", "view"));
        Instant from = p.time("from");
        Instant to = p.time("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequest("to", "'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        String view = p.text("view");
        if (view != null && !view.equals("summary") && !view.equals("full")) {
            throw new BadRequest("view", "parameter 'view' must be summary or full, got '" + view + "'");
        }
        ArticleQuery query = new ArticleQuery(p.country("country"), p.text("person"), p.text("organization"),
                p.eventType("eventType"), p.language("language"), p.text("source"),
                from == null ? null : from.toEpochMilli(), to == null ? null : to.toEpochMilli(),
                p.cursor("cursor"), p.integer("limit", 50, 1, 500));
        ArticlePage page = store.search(query);
        boolean full = "full".equals(view);
        List<Object> items = new ArrayList<>();
        for (EnrichedArticle a : page.items()) {
            items.add(full ? a : summary(a));
        }
        ctx.json(new Page(items, Params.encode(page.next())));
    }

    static Map<String, Object> summary(EnrichedArticle a) {
        RawArticle raw = a.article();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", a.id());
        s.put("title", raw.title());
        s.put("url", raw.url());
        s.put("source", raw.source());
        s.put("language", a.language());
        s.put("publishedAt", raw.publishedAt());
        s.put("enrichedAt", a.enrichedAt());
        s.put("countries", a.countries().stream().map((CountryTag c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("name", c.name());
            m.put("focus", c.focus());
            m.put("mentions", c.mentions());
            return m;
        }).toList());
        s.put("people", a.people().stream().map((PersonTag t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("key", t.key());
            m.put("country", t.country());
            m.put("titles", t.titles());
            return m;
        }).toList());
        s.put("organizations", a.organizations().stream().map(OrganizationTag::name).toList());
        s.put("eventCounts", a.eventCounts());
        s.put("href", "/api/articles/" + a.id());
        return s;
    }

    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        var json = store.findJson(id);
        if (json.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(error("not_found", "no article with id '" + id + "'", null));
            return;
        }
        ctx.contentType("application/json").result(json.get());
    }

    private void stats(Context ctx, StatsQuery.Kind kind) {
        Set<String> known = kind == StatsQuery.Kind.EVENTS
                ? Set.of("from", "to", "bucket", "limit", "country", "includeHypothetical")
                : Set.of("from", "to", "bucket", "limit");
        Params p = new Params(ctx, known);
        String bucketName = p.text("bucket") == null ? "hour" : p.text("bucket");
        long bucket = switch (bucketName) {
            case "hour" -> HOUR;
            case "day" -> DAY;
            default -> throw new BadRequest("bucket", "parameter 'bucket' must be hour or day, got '" + bucketName + "'");
        };
        Instant to = p.time("to");
        Instant from = p.time("from");
        if (to == null) {
            to = from == null ? Instant.now() : from.plus(Duration.ofMillis(bucket == HOUR ? DAY : 30 * DAY));
        }
        if (from == null) {
            from = to.minus(Duration.ofMillis(bucket == HOUR ? DAY : 30 * DAY));
        }
        if (!from.isBefore(to)) {
            throw new BadRequest("to", "'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        long buckets = (to.toEpochMilli() - from.toEpochMilli() + bucket - 1) / bucket;
        if (buckets > MAX_BUCKETS) {
            throw new BadRequest("from", "the window holds " + buckets + " " + bucketName + " buckets; at most " + MAX_BUCKETS
                    + " (narrow the window or use bucket=day)");
        }
        String country = kind == StatsQuery.Kind.EVENTS ? p.country("country") : null;
        boolean unreal = kind == StatsQuery.Kind.EVENTS && p.bool("includeHypothetical", false);
        List<StatSeries> series = store.stats(new StatsQuery(kind, from.toEpochMilli(), to.toEpochMilli(), bucket,
                p.integer("limit", 20, 1, 200), country, unreal));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind.name().toLowerCase());
        body.put("from", from);
        body.put("to", to);
        body.put("bucket", bucketName);
        List<Object> items = new ArrayList<>();
        for (StatSeries s : series) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", s.key());
            item.put("label", s.label());
            item.put("total", s.total());
            item.put("buckets", s.buckets().stream()
                    .map(b -> new BucketJson(Instant.ofEpochMilli(b.startMs()), b.count())).toList());
            items.add(item);
        }
        body.put("items", items);
        ctx.json(body);
    }

    /** nextCursor is written as null on the last page, not left out. */
    record Page(List<Object> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

    record BucketJson(Instant start, long count) {}

    private static byte[] resource(String name) {
        try (InputStream in = SinkApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
