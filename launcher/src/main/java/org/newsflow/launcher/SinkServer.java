package org.newsflow.launcher;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Consumer;
import org.newsflow.sink.api.SinkApi;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;

/**
 * The sink as a process runs it: the Kafka loop ({@link SinkService}) and, when {@code NEWSFLOW_SINK_HTTP_ENABLED},
 * the query API ({@link SinkApi}) next to it, whose health endpoints report the loop. The two know nothing of each
 * other; this is where they are wired, for {@code newsflow sink} and the demo.
 */
final class SinkServer implements AutoCloseable {
    private final SinkConfig config;
    private final ArticleStore store;
    private final SinkService service;
    private final Consumer<JavalinConfig> httpCustomizer;
    private SinkApi api;

    /** @param httpCustomizer extra Javalin configuration (the dashboard's static files) */
    SinkServer(SinkConfig config, ArticleStore store, PrometheusMeterRegistry registry, Consumer<JavalinConfig> httpCustomizer) {
        this.config = config;
        this.store = store;
        this.service = new SinkService(config, store, registry);
        this.httpCustomizer = httpCustomizer;
    }

    /**
     * Starts the API first (a bad bind, or an address beyond loopback without a token, fails before anything is
     * consumed), then the loop.
     */
    SinkServer start() {
        if (config.httpEnabled()) {
            api = new SinkApi(store, service.registry(), httpCustomizer, config.apiSecurity(), service::health)
                    .start(config.httpHost(), config.httpPort());
        }
        try {
            service.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    SinkService service() {
        return service;
    }

    /** The API's port (useful with port 0), or -1 when the API is off. */
    int httpPort() {
        return api == null ? -1 : api.port();
    }

    /** Stops the loop (its last batch committed), then the API. */
    @Override
    public void close() {
        service.close();
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
