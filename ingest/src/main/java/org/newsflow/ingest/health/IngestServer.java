package org.newsflow.ingest.health;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.newsflow.contract.Json;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.ServiceMetrics;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.publish.BrokerCheck;
import org.newsflow.ingest.publish.BrokerUnavailableException;
import org.newsflow.ingest.push.PushEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service's HTTP server (Javalin): {@code POST /api/ingest} (see {@link PushEndpoint}),
 * {@code GET /health/live} (the process serves), {@code GET /health/ready} (a Kafka broker answers: checked in the
 * background every 2 s, so a probe never waits for Kafka), {@code GET /metrics} (Prometheus).
 *
 * <p>Binds to 127.0.0.1 by default; it refuses to bind beyond loopback without a token, since the push endpoint
 * publishes whatever it is given. Every response carries {@code X-Content-Type-Options: nosniff}, a
 * {@code Content-Security-Policy} that allows nothing, {@code X-Frame-Options: DENY}, {@code Referrer-Policy:
 * no-referrer} and {@code Cache-Control: no-store}; errors are RFC 9457 problem details; a wrong method gets 405 with
 * {@code Allow}.
 */
public final class IngestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final IngestService service;
    private final Javalin app;
    private final ScheduledExecutorService readiness = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-readiness");
        t.setDaemon(true);
        return t;
    });
    /** null while unknown; "" when ready; otherwise why not. */
    private final AtomicReference<String> notReady = new AtomicReference<>();
    private BrokerCheck check;

    /**
     * @param registry the registry the service and its sources register meters on; served at /metrics when it is a
     *     Prometheus registry
     */
    public IngestServer(IngestService service, MeterRegistry registry) {
        this.service = service;
        String host = service.config().httpHost();
        if (!loopback(host) && (service.config().token() == null || service.config().token().isBlank())) {
            throw new IllegalStateException("refusing to serve the push endpoint on " + host
                    + " without NEWSFLOW_INGEST_TOKEN (clients then send it in the Authorization header); set it, or bind to 127.0.0.1 (NEWSFLOW_INGEST_HTTP_HOST)");
        }
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = service.config().limits().maxRequestBytes();
            routes(cfg.routes, registry); // Javalin 7: routes and handlers are part of the configuration
        });
        Gauge.builder("newsflow.ingest.ready", () -> "".equals(notReady.get()) ? 1 : 0)
                .description("1 when a Kafka broker answers the ingest service").register(registry);
        ServiceMetrics.bindJvm(registry); // jvm_*, process_*, system_*: the serving ingest process is a service
    }

    private void routes(RoutesConfig app, MeterRegistry registry) {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Cache-Control", "no-store");
        });
        new PushEndpoint(service).install(app);
        allow(app, "/api/ingest", HandlerType.POST);
        app.get("/health/live", ctx -> ctx.contentType("application/json").result(Json.toBytes(Map.of("status", "UP"))));
        allow(app, "/health/live", HandlerType.GET);
        app.get("/health/ready", ctx -> {
            String why = notReady.get();
            Map<String, Object> body = new LinkedHashMap<>();
            boolean ready = "".equals(why) && !service.stopped();
            body.put("status", ready ? "UP" : "DOWN");
            if (!ready) {
                body.put("reason", service.stopped() ? "stopping" : why == null ? "not checked yet" : why);
            }
            ctx.status(ready ? 200 : 503).contentType("application/json").result(Json.toBytes(body));
        });
        allow(app, "/health/ready", HandlerType.GET);
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape()));
            allow(app, "/metrics", HandlerType.GET);
        }
        app.error(404, ctx -> Problems.send(ctx, null, "Not Found", 404, "no such resource: " + ctx.path()
                + " (POST /api/ingest, GET /health/live, /health/ready, /metrics)"));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Problems.send(ctx, "internal-error", "Internal Server Error", 500, Secrets.message(e));
        });
    }

    /** Wrong methods on {@code path} get 405 with an Allow header naming the one that works. */
    private static void allow(RoutesConfig app, String path, HandlerType allowed) {
        for (HandlerType m : METHODS) {
            if (!m.equals(allowed)) {
                app.addHttpHandler(m, path, ctx -> {
                    ctx.header("Allow", allowed.name());
                    Problems.send(ctx, null, "Method Not Allowed", 405, ctx.method().name() + " is not supported on " + path + "; use " + allowed.name());
                });
            }
        }
    }

    public IngestServer start() {
        check = new BrokerCheck(service.config());
        readiness.scheduleWithFixedDelay(() -> {
            try {
                check.require();
                notReady.set("");
            } catch (BrokerUnavailableException e) {
                notReady.set(e.getMessage());
            } catch (RuntimeException e) {
                notReady.set(Secrets.message(e));
            }
        }, 0, 2, TimeUnit.SECONDS);
        app.start(service.config().httpHost(), service.config().httpPort());
        LOG.info("ingest: serving http://{}:{}/api/ingest, /health/live, /health/ready, /metrics", service.config().httpHost(), port());
        return this;
    }

    public int port() {
        return app.port();
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        app.stop();
        readiness.shutdownNow();
        if (check != null) {
            check.close();
        }
    }
}
