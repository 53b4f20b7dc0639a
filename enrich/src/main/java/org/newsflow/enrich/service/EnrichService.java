package org.newsflow.enrich.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
 *
 * <p>Health: the service is live while every worker is (none ended on an error, none stuck past
 * {@link EnrichConfig#stallLimit()}), and ready while every worker is consuming. A worker does not restart
 * itself: whatever killed it (a fenced transactional id, an unexpected error) is better handled by a fresh
 * process, so the standalone service exits (see {@link #run(Settings)}) and its supervisor restarts it.
 */
public final class EnrichService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final EnrichConfig config;
    private final Enricher enricher;
    private final EnrichMetrics metrics;
    private final List<EnrichWorker> workers = new ArrayList<>();
    private final CountDownLatch workerFailed = new CountDownLatch(1);
    private ExecutorService executor;
    private volatile boolean closing;

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
            EnrichWorker worker = new EnrichWorker(config, enricher, i, metrics, this::workerExited);
            workers.add(worker);
            executor.submit(worker);
        }
        LOG.info("enrich service started: {}", config.describe());
    }

    private void workerExited(EnrichWorker worker) {
        if (worker.health().state() == WorkerHealth.State.FAILED && !closing) {
            workerFailed.countDown();
        }
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    public EnrichConfig config() {
        return config;
    }

    /** Each worker's health, in worker order. */
    public synchronized List<WorkerHealth> workers() {
        return workers.stream().map(EnrichWorker::health).toList();
    }

    /** Every worker alive (none failed, none stuck); false before start. */
    public boolean live() {
        List<WorkerHealth> w = workers();
        return !w.isEmpty() && w.stream().allMatch(h -> h.live(config.stallLimit()));
    }

    /** Every worker consuming. */
    public boolean ready() {
        List<WorkerHealth> w = workers();
        return !closing && !w.isEmpty() && w.stream().allMatch(h -> h.ready(config.stallLimit()));
    }

    /** The health document served at {@code /health/live} and {@code /health/ready}. */
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean live = live();
        boolean ready = ready();
        m.put("status", ready ? "UP" : live ? "NOT_READY" : "DOWN");
        m.put("live", live);
        m.put("ready", ready);
        m.put("lag", metrics.lag());
        m.put("workers", workers().stream().map(h -> h.toJson(config.stallLimit())).toList());
        return m;
    }

    /** Blocks until a worker ends on an error (not on {@link #close()}). */
    public void awaitWorkerFailure() throws InterruptedException {
        workerFailed.await();
    }

    /** Waits at most {@code millis} for a worker to end on an error; true when one did. */
    public boolean awaitWorkerFailure(long millis) throws InterruptedException {
        return workerFailed.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        closing = true;
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

    /**
     * Runs the service, with {@code /metrics}, {@code /health/live} and {@code /health/ready} on
     * NEWSFLOW_ENRICH_METRICS_PORT (default 8084; bound to NEWSFLOW_ENRICH_METRICS_HOST, default 127.0.0.1; port -1
     * turns it off). Returns only when a worker has died and NEWSFLOW_EXIT_ON_WORKER_FAILURE is true (the default):
     * with exit status 1, for the caller to exit with, so a supervisor restarts the process. Otherwise runs until
     * the process is stopped, with {@code /health/live} failing once a worker is dead.
     */
    public static int run(Settings settings) throws InterruptedException {
        EnrichConfig config = EnrichConfig.from(settings);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EnrichService service = new EnrichService(config, Enricher.shared(), new EnrichMetrics(registry));
        int port = settings.getInt(EnrichSettings.METRICS_PORT);
        String host = settings.get(EnrichSettings.METRICS_HOST);
        MetricsEndpoint endpoint = null;
        if (port >= 0) {
            try {
                endpoint = new MetricsEndpoint(registry, service, host, port);
                LOG.info("enrich metrics and health on http://{}:{}/metrics, /health/live, /health/ready", host, endpoint.port());
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
        service.awaitWorkerFailure();
        if (config.exitOnWorkerFailure()) {
            LOG.error("an enrich worker died; exiting with status 1 so the supervisor restarts the service "
                    + "(NEWSFLOW_EXIT_ON_WORKER_FAILURE=false keeps the process up with /health/live failing). Workers: {}",
                    service.workers().stream().map(h -> h.name() + "=" + h.state() + (h.error() == null ? "" : " (" + h.error() + ")")).toList());
            return 1;
        }
        LOG.error("an enrich worker died; /health/live now fails (NEWSFLOW_EXIT_ON_WORKER_FAILURE=false, the process stays up)");
        Thread.currentThread().join();
        return 0;
    }
}
