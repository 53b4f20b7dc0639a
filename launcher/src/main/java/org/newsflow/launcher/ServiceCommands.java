package org.newsflow.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.newsflow.contract.Settings;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.sink.SinkMain;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Each service on its own, against any Kafka cluster. Settings come from the environment (NEWSFLOW_*);
 * the few options here override them. See the README for every setting.
 */
final class ServiceCommands {
    private ServiceCommands() {}

    /** Options every service takes. */
    static class KafkaOptions {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers (env NEWSFLOW_BOOTSTRAP_SERVERS, default 127.0.0.1:9092)")
        String bootstrapServers;

        Settings settings() {
            Settings s = Settings.fromEnvironment();
            return bootstrapServers == null ? s : s.with("BOOTSTRAP_SERVERS", bootstrapServers);
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Publish article files to the raw topic (bad files go to the dead-letter topic).")
    static final class Ingest extends KafkaOptions implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR")
        List<Path> inputs;

        @Override
        public Integer call() throws Exception {
            IngestService.Summary s = new IngestService(IngestConfig.from(settings())).ingest(inputs);
            System.out.printf("%d articles published, %d inputs rejected to the dead-letter topic%n", s.published(), s.rejected());
            return 0;
        }
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true, description = "Run the enrich service until stopped (consume raw, publish enriched, exactly once).")
    static final class Enrich extends KafkaOptions implements Callable<Integer> {
        @Option(names = "--threads", description = "worker threads (env NEWSFLOW_ENRICH_THREADS, default: cores)")
        Integer threads;

        @Option(names = "--exit-on-worker-failure", arity = "1", paramLabel = "true|false",
                description = "exit with status 1 when a worker dies, for a supervisor to restart the service (env NEWSFLOW_EXIT_ON_WORKER_FAILURE, default true)")
        Boolean exitOnWorkerFailure;

        @Override
        public Integer call() throws Exception {
            Settings s = settings();
            if (threads != null) {
                s = s.with("ENRICH_THREADS", threads.toString());
            }
            if (exitOnWorkerFailure != null) {
                s = s.with("EXIT_ON_WORKER_FAILURE", exitOnWorkerFailure.toString());
            }
            // Returns 1 when a worker died (and exiting on that is configured): the exit status tells the supervisor.
            return EnrichService.run(s);
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the sink service and its query API until stopped.")
    static final class Sink extends KafkaOptions implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "URL", description = "sqlite:PATH or postgresql://... (env NEWSFLOW_SINK_STORE, default sqlite:./data/newsflow.db)")
        String store;

        @Override
        public Integer call() throws Exception {
            SinkConfig config = SinkConfig.from(settings());
            if (store != null) {
                config = config.withStore(store);
            }
            ArticleStore articles = SinkMain.openWithRetry(config); // the database may come up after the sink
            SinkService service = new SinkService(config, articles, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Dashboard.staticFiles());
            try {
                service.start();
            } catch (IllegalArgumentException e) { // for example an API bound beyond loopback without a token
                articles.close();
                System.err.println("sink: " + org.newsflow.contract.Secrets.redact(e.getMessage()));
                return 2;
            }
            // Exits with status 70 if the consumer loop dies (NEWSFLOW_SINK_EXIT_ON_FAILURE, default true), so that a
            // supervisor restarts the sink instead of leaving an API up over a store nobody fills.
            SinkMain.runUntilStopped(service, articles, config.exitOnFailure(), System::exit);
            return 0;
        }
    }
}
