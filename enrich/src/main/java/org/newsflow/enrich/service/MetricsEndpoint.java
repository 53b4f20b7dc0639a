package org.newsflow.enrich.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.newsflow.contract.Json;

/**
 * Serves {@code /metrics} (Prometheus text format) and, given the service, {@code /health/live} and
 * {@code /health/ready} (200 when true, 503 otherwise, with a JSON body reporting each worker) for the enrich
 * service. The JDK's own HTTP server is enough for a few probe endpoints; a web framework would be weight without use.
 *
 * <p>Liveness and readiness are separate because they ask for different actions: a failed liveness probe means
 * "restart me" (a worker is dead or stuck), a failed readiness probe means "I am not consuming right now"
 * (starting, or the broker is unreachable and transactions are being retried), which a restart would not fix.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer server;

    public MetricsEndpoint(PrometheusMeterRegistry registry, String host, int port) throws IOException {
        this(registry, null, host, port);
    }

    public MetricsEndpoint(PrometheusMeterRegistry registry, EnrichService service, String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(StandardCharsets.UTF_8)));
        if (service != null) {
            server.createContext("/health/live", exchange -> health(exchange, service, service::live));
            server.createContext("/health/ready", exchange -> health(exchange, service, service::ready));
            server.createContext("/health", exchange -> health(exchange, service, service::ready));
        }
        server.start();
    }

    private static void health(HttpExchange exchange, EnrichService service, BooleanSupplier check) throws IOException {
        boolean ok = check.getAsBoolean();
        Map<String, Object> body = service.health();
        send(exchange, ok ? 200 : 503, "application/json", Json.toBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
