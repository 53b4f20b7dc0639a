package org.newsflow.sink.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.newsflow.contract.Json;
import org.newsflow.contract.RecordChecks;
import org.newsflow.contract.Secrets;
import org.newsflow.sink.Redacted;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API (JSON over HTTP, Javalin): everything under {@code /api}, described by {@code /api/openapi.json};
 * Prometheus metrics at {@code /metrics}; health at {@code /api/health}, {@code /api/health/live} and
 * {@code /api/health/ready}.
 *
 * <p>Every error is a problem-details body (RFC 9457, {@code application/problem+json}): 400 for any bad client
 * input (no request parameter can cause a 5xx), 401 without the bearer token when one is set, 404 for unknown
 * ids and routes, 405 with {@code Allow} for a wrong method, 421 for a Host not on the allow-list, 503 with
 * {@code Retry-After} while the database is unavailable. Every response carries the security headers
 * ({@link #securityHeaders}).
 */
public final class SinkApi implements AutoCloseable, ApiRoutes.Handlers {
    private static final Logger LOG = LoggerFactory.getLogger(SinkApi.class);
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;
    private static final int MAX_BUCKETS = 2_000;
    static final String PROBLEM_JSON = "application/problem+json";
    /** For JSON answers: nothing may load or frame them. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** For pages whose customizer gives no policy of its own ({@link PagePolicy}): same-origin resources only. */
    static final String DEFAULT_PAGE_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String LIVE = "/api/health/live";
    private static final String READY = "/api/health/ready";
    /** Set on answers that are complete with an error status, so that the error handlers leave them alone. */
    private static final String ANSWERED = "newsflow.answered";
    private static final long PING_TIMEOUT_MS = 1_500;
    private static final long PING_CACHE_MS = 1_000;

    /**
     * A customizer that serves pages (the dashboard) implements this to give their Content-Security-Policy, for
     * example with the hashes of its inline scripts and styles. API answers always get {@link #API_CSP}.
     */
    public interface PagePolicy {
        String contentSecurityPolicy();
    }

    private final ArticleStore store;
    private final PrometheusMeterRegistry registry;
    private final Javalin app;
    private byte[] openApi;
    private List<ApiOperation> operations;
    private final ApiSecurity security;
    private final Health loop;
    private final String pageCsp;
    /** Routes the customizer adds, documented with the sink's own; null when it adds none. */
    private final ApiExtension extension;
    /** GET routes as regular expressions, to tell a wrong method (405) from an unknown path (404). */
    private final List<Pattern> routes = new ArrayList<>();
    private final ExecutorService pinger = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsflow-sink-health");
        t.setDaemon(true);
        return t;
    });
    private Future<?> ping;
    private long pingAtMs;
    private Health.Component lastStoreHealth;

    /** An API on loopback, without token and without a consumer loop to report (tests, tools). */
    public SinkApi(ArticleStore store, PrometheusMeterRegistry registry, Consumer<JavalinConfig> customizer) {
        this(store, registry, customizer, ApiSecurity.of("127.0.0.1", null, List.of(), false), null);
    }

    /**
     * @param registry meters to serve at /metrics, or null for none
     * @param customizer more Javalin configuration (the demo's dashboard: static files); may implement
     *        {@link PagePolicy}, and {@link ApiExtension} to add documented routes
     * @param security the token and the Host allow-list
     * @param loop the consumer loop's health, or null when there is none
     */
    public SinkApi(ArticleStore store, PrometheusMeterRegistry registry, Consumer<JavalinConfig> customizer,
                   ApiSecurity security, Health loop) {
        this.store = store;
        this.registry = registry;
        this.security = security;
        this.loop = loop;
        this.pageCsp = customizer instanceof PagePolicy p ? p.contentSecurityPolicy() : DEFAULT_PAGE_CSP;
        this.extension = customizer instanceof ApiExtension e ? e : null;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.defaultContentType = "application/json";
            ProblemErrorHandler jettyErrors = new ProblemErrorHandler(API_CSP);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyErrors));
            customizer.accept(cfg);
            routes(cfg.routes); // Javalin 7: routes and handlers are part of the configuration
        });
    }

    public SinkApi start(String host, int port) {
        app.start(host, port);
        LOG.info("query API on http://{}:{}/api ({})", host, app.port(), security);
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
        pinger.shutdownNow();
    }

    /** The operations this API serves (its route table), for its OpenAPI description and tests. */
    List<ApiOperation> operations() {
        return operations;
    }

    /** Registers an operation: its handler sees only the query parameters the operation documents ({@link Params}). */
    private void get(RoutesConfig app, ApiOperation op) {
        Set<String> known = op.queryNames();
        get(app, op.path(), ctx -> {
            ctx.attribute(Params.KNOWN, known);
            op.handler().handle(ctx);
        });
    }

    private void get(RoutesConfig app, String path, io.javalin.http.Handler handler) {
        app.get(path, handler);
        StringBuilder regex = new StringBuilder();
        for (String segment : path.substring(1).split("/")) {
            regex.append('/').append(segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment));
        }
        routes.add(Pattern.compile(regex.toString()));
    }

    private void routes(RoutesConfig app) {
        app.before(this::filter);
        List<ApiOperation> ops = new ArrayList<>(ApiRoutes.table(this, new QueryRoutes(store), registry != null,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape())));
        if (extension != null) {
            ops.addAll(extension.operations());
        }
        operations = List.copyOf(ops);
        operations.forEach(op -> get(app, op));
        openApi = extension == null ? OpenApiDocument.json(operations)
                : OpenApiDocument.json(operations, extension.schemas(), extension.tags());
        ApiDocs.register((path, handler) -> get(app, path, handler));
        app.exception(BadRequest.class, (e, ctx) -> problem(ctx, 400, e.getMessage(), e.parameter()));
        app.exception(ApiProblem.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            problem(ctx, e.status(), e.getMessage(), null);
        });
        app.exception(StoreException.class, (e, ctx) -> {
            if (e.isDataError()) { // the database refused a value the client sent
                problem(ctx, 400, "the database rejected a value of this request", null);
            } else {
                LOG.warn("{} {}: store unavailable: {}", ctx.method(), ctx.path(), Secrets.message(e));
                ctx.header("Retry-After", "5");
                problem(ctx, 503, "the store is unavailable; try again later", null);
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), Redacted.copy(e));
            problem(ctx, 500, "internal error (logged on the server)", null);
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(ANSWERED) != null) {
                return;
            }
            if (routes.stream().anyMatch(r -> r.matcher(ctx.path()).matches())) {
                ctx.header("Allow", "GET");
                problem(ctx, 405, "method " + ctx.method() + " is not allowed here; use GET", null);
            } else {
                problem(ctx, 404, "no such resource (see /api/openapi.json)", null);
            }
        });
        // Statuses Javalin or Jetty set without going through the handlers above: the same problem format.
        for (HttpStatus status : List.of(HttpStatus.BAD_REQUEST, HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.CONTENT_TOO_LARGE,
                HttpStatus.URI_TOO_LONG, HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.SERVICE_UNAVAILABLE)) {
            app.error(status, ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    problem(ctx, status.getCode(), status.getMessage(), null);
                }
            });
        }
    }

    /** Runs before every request, static pages included: security headers, then the Host check, then the token. */
    private void filter(Context ctx) {
        securityHeaders(ctx);
        if (isProbe(ctx.path())) {
            // Supervisors call the probes by IP (Kubernetes sends the pod IP as Host) and without credentials; they
            // reveal no data, so neither the Host list nor the token applies.
            return;
        }
        if (!security.hostAllowed(ctx.header("Host"))) {
            throw new ApiProblem(421, "this server does not answer to the host named in the Host header "
                    + "(allowed hosts: NEWSFLOW_SINK_HTTP_ALLOWED_HOSTS)");
        }
        if (needsToken(ctx.path()) && !security.authorized(ctx.header("Authorization"))) {
            throw new ApiProblem(401, "this API needs a bearer token (Authorization: Bearer <NEWSFLOW_API_TOKEN>)",
                    Map.of("WWW-Authenticate", "Bearer realm=\"newsflow\""));
        }
    }

    /** Everything under /api and /metrics (any case, repeated slashes), except the probes. */
    static boolean needsToken(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/+", "/");
        // The API's description and its browser reveal no data, and a browser cannot send the token to open them.
        return !isProbe(path) && !p.equals("/api/openapi.json") && !ApiDocs.isDocs(p)
                && (p.startsWith("/api") || p.startsWith("/metrics"));
    }

    /** Exactly the two probe routes (as routed: case and slashes matter to the router, so they do here too). */
    static boolean isProbe(String path) {
        return path.equals(LIVE) || path.equals(READY);
    }

    /**
     * nosniff (a JSON answer is never run as a script or page), no framing (clickjacking), no referrer to other
     * sites, and a Content-Security-Policy: none at all for JSON, the page's own for the dashboard.
     */
    private void securityHeaders(Context ctx) {
        String p = ctx.path();
        boolean api = p.startsWith("/api") || p.startsWith("/metrics");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", api ? API_CSP : pageCsp);
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (api) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** Writes an RFC 9457 problem-details answer. */
    private static void problem(Context ctx, int status, String detail, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        HttpStatus known = HttpStatus.forStatus(status);
        body.put("title", known == HttpStatus.UNKNOWN ? "Error" : known.getMessage());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType(PROBLEM_JSON).result(Json.toBytes(body));
    }

    // ---------------------------------------------------------------- health

    /**
     * Liveness: the consumer loop runs (if there is one); only a restart helps when it fails. Readiness: the loop is
     * not stuck retrying and the store answers a ping (a connection validity check, no table scan), at most one
     * ping per second whatever the probe rate. 200 when the asked-for checks pass, 503 otherwise.
     */
    @Override
    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    @Override
    public void health(Context ctx, boolean checkLive, boolean checkReady) {
        List<Health.Component> components = new ArrayList<>();
        if (loop != null) {
            components.add(loop.check());
        }
        if (checkReady) {
            components.add(storeHealth());
        }
        boolean live = components.stream().allMatch(Health.Component::live);
        boolean ready = live && components.stream().allMatch(Health.Component::ready);
        boolean ok = (!checkLive || live) && (!checkReady || ready);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "UP" : "DOWN");
        body.put("live", live);
        if (checkReady) {
            body.put("ready", ready);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        for (Health.Component c : components) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("status", !c.live() ? "DOWN" : c.ready() ? "UP" : "NOT_READY");
            part.put("detail", Secrets.redact(c.detail()));
            parts.put(c.name(), part);
        }
        body.put("components", parts);
        ctx.attribute(ANSWERED, Boolean.TRUE); // a 503 here is the health body, not a problem
        ctx.status(ok ? 200 : 503).json(body);
    }

    private synchronized Health.Component storeHealth() {
        long now = System.currentTimeMillis();
        if (lastStoreHealth != null && now - pingAtMs < PING_CACHE_MS) {
            return lastStoreHealth;
        }
        if (ping == null || ping.isDone()) { // a ping that hangs (pool timeout) is waited for, never piled up
            ping = pinger.submit(store::ping);
        }
        Health.Component result;
        try {
            ping.get(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            result = new Health.Component("store", true, true, store.describe());
        } catch (TimeoutException e) {
            result = new Health.Component("store", true, false, "no answer within " + PING_TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            result = new Health.Component("store", true, false, Secrets.message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new Health.Component("store", true, false, "interrupted");
        }
        pingAtMs = System.currentTimeMillis();
        lastStoreHealth = result;
        return result;
    }

    @Override
    public void article(Context ctx) {
        String id = ctx.pathParam("id");
        if (!RecordChecks.validId(id)) {
            throw new BadRequest("id", "'id' must be 1-128 letters, digits, '-', '_', '.' or ':' (an article id)");
        }
        var json = store.findJson(id);
        if (json.isEmpty()) {
            throw new ApiProblem(404, "no article with id '" + id + "'");
        }
        ctx.contentType("application/json").result(json.get());
    }

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
