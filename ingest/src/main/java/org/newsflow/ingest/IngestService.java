package org.newsflow.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.ingest.source.ArticleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads article files and directories and publishes every article (or its rejection) to Kafka. */
public final class IngestService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** What one run did. */
    public record Summary(int files, long published, long rejected, List<String> ids) {}

    private final IngestConfig config;
    private final ArticleFiles files = new ArticleFiles();

    public IngestService(IngestConfig config) {
        this.config = config;
    }

    public Summary ingest(List<Path> roots) throws IOException {
        List<Path> paths = ArticleFiles.list(roots);
        List<String> ids = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Path path : paths) {
                for (ArticleFiles.Item item : files.read(path)) {
                    acks.add(publisher.publish(item));
                    if (item.ok()) {
                        ids.add(item.article().id());
                    }
                }
            }
            publisher.flush();
            acks.forEach(ArticlePublisher::await);
            LOG.info("ingested {} files: {} articles published, {} rejected to {}",
                    paths.size(), publisher.published(), publisher.rejected(), config.topics().dlq());
            return new Summary(paths.size(), publisher.published(), publisher.rejected(), List.copyOf(ids));
        }
    }

    /** Runs ingest once over the paths given as arguments, with settings from the environment. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ingest FILE_OR_DIR...   (settings: NEWSFLOW_BOOTSTRAP_SERVERS, NEWSFLOW_TOPIC_RAW, NEWSFLOW_TOPIC_DLQ)");
            System.exit(2);
        }
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            roots.add(Path.of(a));
        }
        Summary s = new IngestService(IngestConfig.from(org.newsflow.contract.Settings.fromEnvironment())).ingest(roots);
        System.out.printf("%d articles published, %d rejected%n", s.published(), s.rejected());
    }
}
