package org.newsflow.sink.api;

import static org.newsflow.sink.api.ApiParameter.choice;
import static org.newsflow.sink.api.ApiParameter.integer;
import static org.newsflow.sink.api.ApiParameter.query;
import static org.newsflow.sink.api.ApiParameter.string;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.newsflow.sink.store.StatsQuery;

/**
 * Every GET route of the API, declared once: {@link SinkApi} registers them with Javalin and {@link OpenApiDocument}
 * describes them, so the description cannot miss a route or a parameter, and a parameter it does not list is
 * refused (400).
 */
final class ApiRoutes {
    static final String JSON = "application/json";

    private ApiRoutes() {}

    /** The handlers the table points at, implemented by {@link SinkApi}. */
    interface Handlers {
        void openApi(io.javalin.http.Context ctx);

        void health(io.javalin.http.Context ctx, boolean live, boolean ready);

        void article(io.javalin.http.Context ctx);
    }

    static List<ApiOperation> table(Handlers api, QueryRoutes q, boolean metrics, Handler scrape) {
        List<ApiOperation> ops = new ArrayList<>();
        ops.add(op("/api/articles", "listArticles", "articles", "Find articles",
                "Articles over the common filters, in pages: newest first by default, oldest first, or best match first "
                        + "with a full-text query. The total counts all pages (up to 10,000).",
                QueryFilters.with(
                        query("sort", choice("newest", "newest", "oldest", "relevance"), "relevance needs q"),
                        query("limit", integer(1, 500, 50), "page size"),
                        query("cursor", string(), "next of the previous page (same filters and sort)"),
                        query("view", choice("summary", "summary", "full"), "summaries, or the full enriched records")),
                "ArticlePage", false, q::articles));
        ops.add(op("/api/articles/{id}", "getArticle", "articles", "Get one article",
                "The full enriched record, the newest version stored (the contract's EnrichedArticle).",
                List.of(ApiParameter.path("id", "article id: 1-128 letters, digits, '-', '_', '.' or ':'")),
                "EnrichedArticle", true, api::article));
        for (StatsQuery.Kind kind : StatsQuery.Kind.values()) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            List<ApiParameter> params = new ArrayList<>(QueryFilters.with(
                    query("bucket", choice("hour", "minute", "hour", "day"), "UTC-aligned buckets; minute only for "
                            + "windows up to 6 hours; at most 2000 buckets. Default window: 24 hours of hours, 30 days of days"),
                    query("limit", integer(1, 200, 20), "number of keys, highest totals first")));
            if (kind == StatsQuery.Kind.EVENTS || kind == StatsQuery.Kind.STATEMENTS) {
                params.add(query("includeHypothetical", java.util.Map.of("type", "boolean", "default", false),
                        "also count negated and hypothetical " + (kind == StatsQuery.Kind.EVENTS ? "events" : "statements")));
            }
            String what = kind == StatsQuery.Kind.EVENTS ? "Events per PLOVER type"
                    : kind == StatsQuery.Kind.STATEMENTS ? "Public statements (CAMEO 01x, not events) per CAMEO code" : "Articles per " + switch (kind) {
                case COUNTRIES -> "country";
                case PEOPLE -> "person";
                default -> "organization";
            };
            ops.add(op("/api/stats/" + name, "stats" + Character.toUpperCase(name.charAt(0)) + name.substring(1), "stats",
                    what, what + " over a time window, with per-bucket counts (non-empty buckets only).",
                    List.copyOf(params), "Stats", false, ctx -> q.stats(ctx, kind)));
        }
        ops.add(op("/api/stats/timeline", "statsTimeline", "stats", "Counts over time",
                "Articles, or events per PLOVER type or QuadClass, in every bucket of the window (zeros included). "
                        + "Without bucket: minutes up to 6 hours, hours up to 14 days, days beyond; default window: "
                        + "the last 24 hours.",
                QueryFilters.with(query("bucket", choice(null, "minute", "hour", "day"), "bucket width"),
                        query("by", choice("articles", "articles", "eventType", "quadClass"), "what to count")),
                "Timeline", false, q::timeline));
        ops.add(op("/api/stats/map", "statsMap", "stats", "Activity per country",
                "Per country: articles tagging it, and real events with it as source or target, per QuadClass.",
                QueryFilters.PARAMETERS, "CountryMap", false, q::map));
        ops.add(op("/api/stats/counterparts", "statsCounterparts", "stats", "Counterpart countries",
                "Countries on the other side of real events involving country (required), per PLOVER type.",
                QueryFilters.with(query("limit", integer(1, 250, 50), "number of countries")),
                "Counterparts", false, q::counterparts));
        ops.add(op("/api/people/{key}", "getPerson", "people", "One person",
                "Name, titles, country, articles, co-mentioned people and event roles over the filters.",
                QueryFilters.with(ApiParameter.path("key", "person key, such as vladimir_putin")),
                "Person", true, q::person));
        ops.add(open("/api/health", "health", "Health: liveness and readiness",
                "200 when the consumer loop runs and the store answers a (cached, cheap) ping; 503 otherwise.",
                ctx -> api.health(ctx, true, true)));
        ops.add(open("/api/health/live", "healthLive", "Liveness probe",
                "200 while the consumer loop runs; 503 when only a restart helps. No token needed.",
                ctx -> api.health(ctx, true, false)));
        ops.add(open("/api/health/ready", "healthReady", "Readiness probe",
                "200 when the loop is not stuck retrying and the store answers a ping. No token needed.",
                ctx -> api.health(ctx, false, true)));
        ops.add(new ApiOperation("/api/openapi.json", "openApi", "docs", "This description",
                "The OpenAPI description of this API, generated from the route table.", List.of(), "OpenApi", JSON,
                false, true, api::openApi));
        if (metrics) {
            ops.add(new ApiOperation("/metrics", "metrics", "docs", "Prometheus metrics",
                    "Prometheus text exposition format.", List.of(), null, "text/plain", false, false, scrape));
        }
        return List.copyOf(ops);
    }

    private static ApiOperation op(String path, String id, String tag, String summary, String description,
                                   List<ApiParameter> params, String response, boolean notFound, Handler handler) {
        return new ApiOperation(path, id, tag, summary, description, params, response, JSON, notFound, false, handler);
    }

    private static ApiOperation open(String path, String id, String summary, String description, Handler handler) {
        return new ApiOperation(path, id, "health", summary, description, List.of(), "Health", JSON, false,
                !path.equals("/api/health"), handler);
    }
}
