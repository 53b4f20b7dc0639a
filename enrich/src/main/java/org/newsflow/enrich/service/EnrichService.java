package org.newsflow.enrich.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.newsflow.contract.Settings;
import org.newsflow.enrich.Enricher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich service: {@code threads} workers in one consumer group, sharing one {@link Enricher}
 * (one CoreNLP pipeline per process). Scale out by running more instances with the same group id;
 * the raw topic's partition count bounds the parallelism.
 */
public final class EnrichService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final EnrichConfig config;
    private final Enricher enricher;
    private final EnrichMetrics metrics;
    private final List<EnrichWorker> workers = new ArrayList<>();
    private ExecutorService executor;

    public EnrichService(EnrichConfig config, Enricher enricher) {
        this(config, enricher, new EnrichMetrics());
    }

    public EnrichService(EnrichConfig config, Enricher enricher, EnrichMetrics metrics) {
        this.config = config;
        this.enricher = enricher;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        executor = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "enrich-worker-" + workers.size());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < config.threads(); i++) {
            EnrichWorker worker = new EnrichWorker(config, enricher, i, metrics);
            workers.add(worker);
            executor.submit(worker);
        }
        LOG.info("enrich service started: {} workers, group {}, {} -> {}", config.threads(), config.groupId(),
                config.topics().raw(), config.topics().enriched());
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        workers.forEach(EnrichWorker::stop);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        executor = null;
    }

    /** Runs the service with settings from the environment until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        run(Settings.fromEnvironment());
    }

    /**
     * Runs the service until the process is stopped, with {@code /metrics} on NEWSFLOW_ENRICH_METRICS_PORT
     * (default 8084; bound to NEWSFLOW_ENRICH_METRICS_HOST, default 127.0.0.1; port -1 turns it off).
     */
    public static void run(Settings settings) throws InterruptedException {
        EnrichConfig config = EnrichConfig.from(settings);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EnrichService service = new EnrichService(config, Enricher.shared(), new EnrichMetrics(registry));
        int port = settings.getInt("ENRICH_METRICS_PORT", 8084);
        MetricsEndpoint endpoint = null;
        if (port >= 0) {
            try {
                endpoint = new MetricsEndpoint(registry, settings.get("ENRICH_METRICS_HOST", "127.0.0.1"), port);
                LOG.info("enrich metrics on http://{}:{}/metrics", settings.get("ENRICH_METRICS_HOST", "127.0.0.1"), endpoint.port());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot serve metrics on port " + port + ": " + e.getMessage(), e);
            }
        }
        MetricsEndpoint metricsEndpoint = endpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
        }, "enrich-shutdown"));
        service.start();
        Thread.currentThread().join();
    }
}
