package org.newsflow.launcher;

import org.newsflow.contract.ProgressBar;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.Setting;
import org.newsflow.contract.Settings;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.enrich.service.EnrichSettings;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.health.IngestServer;
import org.newsflow.ingest.process.ArticleProcessor;
import org.newsflow.ingest.process.StandardProcessors;
import org.newsflow.ingest.publish.BrokerUnavailableException;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.ingest.publish.IngestSettings;
import org.newsflow.ingest.source.ArticleSource;
import org.newsflow.ingest.source.FileSource;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkLifecycle;
import org.newsflow.sink.consume.SinkSettings;
import org.newsflow.sink.store.ArticleStore;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Each service on its own, against any Kafka cluster. Settings come from the environment (NEWSFLOW_*); the options
 * declared with them override them. See the README for every setting (its table is generated from the declarations).
 */
final class ServiceCommands {
    private ServiceCommands() {}

    /**
     * A service command: its settings are its declarations ({@code IngestSettings}, ...), read from the environment
     * and overridden by the options generated from the same declarations ({@link SettingOptions}).
     */
    abstract static class ServiceCommand {
        private final List<Setting> declared;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        ServiceCommand(List<Setting> declared) {
            this.declared = declared;
        }

        Settings settings() {
            return SettingOptions.apply(spec, declared, Settings.fromEnvironment());
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = SettingOptions.Ingest.class,
            description = {"Publish articles to the raw topic (bad input goes to the dead-letter topic with its reason).",
                    "One-shot by default: reads FILE_OR_DIR..., waits for Kafka's acknowledgements, prints a summary and exits",
                    "non-zero if anything could not be delivered. With --serve or --listen it keeps running: POST /api/ingest,",
                    "/health/live, /health/ready and /metrics until stopped."})
    static final class Ingest extends ServiceCommand implements Callable<Integer> {
        Ingest() {
            super(IngestSettings.service());
        }

        /** What to read. Each kind of input is an option or parameter here, and becomes a source in {@link #sources}. */
        static final class Inputs {
            @Parameters(arity = "0..*", paramLabel = "FILE_OR_DIR_OR_URL", description = "article files (.txt, .json, .jsonl), directories, or http(s) URLs of article pages")
            List<String> paths = new ArrayList<>();
        }

        /** The long-running mode and its HTTP server. */
        static final class Serving {
            @Option(names = "--serve", description = "keep running and serve the push endpoint, health and metrics until stopped")
            boolean serve;

            @Option(names = "--listen", paramLabel = "HOST:PORT", description = "HTTP address (implies --serve; env NEWSFLOW_INGEST_HTTP_HOST / _PORT, default 127.0.0.1:8085)")
            String listen;

            boolean on() {
                return serve || listen != null;
            }
        }

        @Mixin
        Inputs inputs = new Inputs();

        @Mixin
        Serving serving = new Serving();

        @Mixin
        FeedOptions feeds = new FeedOptions();

        @Option(names = "--deadline", paramLabel = "SECONDS", description = "one-shot: stop and report after this long (env NEWSFLOW_INGEST_DEADLINE_MS, default 600 s)")
        Integer deadlineSeconds;

        @Override
        public Integer call() throws Exception {
            // Kafka logs a warning every few hundred milliseconds while a broker is unreachable; ingest reports that
            // itself in one line (and readiness says it), so the repetition only buries the message.
            if (LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient") instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
            IngestConfig config = config();
            if (inputs.paths.isEmpty() && !feeds.followsFeeds() && !serving.on()) {
                System.err.println("newsflow ingest: nothing to ingest: give FILE_OR_DIR_OR_URL..., --feeds, --feed or --serve");
                return 2;
            }
            if (!serving.on()) {
                // One-shot: fail fast, before the near-duplicate index reads the raw topic back (which waits for a broker).
                try (org.newsflow.ingest.publish.BrokerCheck check = new org.newsflow.ingest.publish.BrokerCheck(config)) {
                    check.require();
                } catch (BrokerUnavailableException e) {
                    System.err.println("newsflow ingest: " + e.getMessage());
                    return 1;
                }
            }
            // One registry for the service, its sources and processors; the ingest server serves it at /metrics.
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            IngestService service = new IngestService(config, processors(config), registry);
            List<ArticleSource> sources = sources(config, registry, service);
            try {
                return serving.on() ? serve(service, sources, registry) : oneShot(service, sources);
            } catch (BrokerUnavailableException e) {
                System.err.println("newsflow ingest: " + e.getMessage());
                return 1;
            } finally {
                service.close();
            }
        }

        IngestConfig config() {
            IngestConfig config = IngestConfig.from(settings());
            if (deadlineSeconds != null) {
                config = config.withDeadline(Duration.ofSeconds(deadlineSeconds));
            }
            if (serving.listen != null) {
                int colon = serving.listen.lastIndexOf(':');
                if (colon < 0) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--listen takes HOST:PORT, got '" + serving.listen + "'");
                }
                config = config.withHttp(serving.listen.substring(0, colon).replace("[", "").replace("]", ""),
                        Integer.parseInt(serving.listen.substring(colon + 1)));
            }
            return config;
        }

        /** Every source the options ask for, in the order they run: files, then pages, then feeds. New kinds of input are assembled here. */
        List<ArticleSource> sources(IngestConfig config, MeterRegistry registry, IngestService service) throws Exception {
            List<ArticleSource> sources = new ArrayList<>();
            List<Path> files = inputs.paths.stream().filter(i -> !FeedOptions.isUrl(i)).map(Path::of).toList();
            if (!files.isEmpty()) {
                sources.add(new FileSource(files, config.limits()));
            }
            List<String> urls = inputs.paths.stream().filter(FeedOptions::isUrl).toList();
            // Feed state is saved only once Kafka has the items (the barrier), so a crash republishes rather than loses.
            sources.addAll(feeds.sources(settings(), urls, registry, service::awaitDelivered));
            return sources;
        }

        /** The processors every article passes, whatever its source, in order (near-duplicates last: see StandardProcessors). */
        List<ArticleProcessor> processors(IngestConfig config) {
            return StandardProcessors.create(config, settings());
        }

        private int oneShot(IngestService service, List<ArticleSource> sources) throws Exception {
            service.checkBroker();
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                // Ctrl-C / SIGTERM while following feeds: polls in flight save their state, Kafka acknowledges what was sent.
                service.stop();
                try {
                    finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            IngestService.Summary s;
            try (ProgressBar bar = IngestProgress.start(inputs.paths, service.registry())) {
                s = service.run(sources);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and waits for the latch above
                }
            }
            System.out.printf("%d articles published, %d inputs rejected to %s, %d not delivered%n",
                    s.published(), s.rejected(), service.config().topics().dlq(), s.failed());
            if (!s.complete()) {
                System.err.println("newsflow ingest: " + s.failure());
            }
            return s.complete() ? 0 : 1;
        }

        private int serve(IngestService service, List<ArticleSource> sources, MeterRegistry registry) throws Exception {
            CountDownLatch stopped = new CountDownLatch(1);
            IngestServer started;
            try {
                started = new IngestServer(service, registry).start();
            } catch (RuntimeException e) { // no token beyond loopback, port in use: one line, not a stack trace
                System.err.println("newsflow ingest: cannot serve on " + service.config().httpHost() + ":" + service.config().httpPort()
                        + ": " + Secrets.message(e));
                return 1;
            }
            try (IngestServer server = started) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    service.stop();
                    server.close();
                    service.close(); // waits (bounded) for what is in flight
                    stopped.countDown();
                }, "ingest-shutdown"));
                System.out.printf("newsflow ingest: serving http://%s:%d/api/ingest, /health/live, /health/ready, /metrics until stopped%n",
                        service.config().httpHost(), server.port());
                if (!sources.isEmpty()) {
                    IngestService.Summary s = service.run(sources);
                    System.out.printf("%d articles published, %d inputs rejected to %s, %d not delivered%n",
                            s.published(), s.rejected(), service.config().topics().dlq(), s.failed());
                }
                stopped.await();
            }
            return 0;
        }
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.Enrich.class,
            description = "Run the enrich service until stopped (consume raw, publish enriched, exactly once).")
    static final class Enrich extends ServiceCommand implements Callable<Integer> {
        Enrich() {
            super(EnrichSettings.service());
        }

        @Override
        public Integer call() throws Exception {
            // Returns 1 when a worker died (and exiting on that is configured): the exit status tells the supervisor.
            return EnrichService.run(settings());
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.Sink.class,
            description = "Run the sink service and its query API until stopped.")
    static final class Sink extends ServiceCommand implements Callable<Integer> {
        Sink() {
            super(SinkSettings.service());
        }

        @Override
        public Integer call() throws Exception {
            SinkConfig config = SinkConfig.from(settings());
            ArticleStore articles = SinkLifecycle.openWithRetry(config); // the database may come up after the sink
            SinkServer server = new SinkServer(config, articles, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    Dashboard.staticFiles(Dashboard.pipelineHealth(config, settings()), articles)); // its sampler is a daemon thread
            try {
                server.start();
            } catch (IllegalArgumentException e) { // for example an API bound beyond loopback without a token
                articles.close();
                System.err.println("sink: " + Secrets.redact(e.getMessage()));
                return 2;
            }
            // Exits with status 70 if the consumer loop dies (NEWSFLOW_SINK_EXIT_ON_FAILURE, default true), so that a
            // supervisor restarts the sink instead of leaving an API up over a store nobody fills.
            SinkLifecycle.runUntilStopped(server.service(), () -> {
                server.close();
                articles.close();
            }, config.exitOnFailure(), System::exit);
            return 0;
        }
    }
}
