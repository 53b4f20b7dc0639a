package org.newsflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.RawArticle;
import org.newsflow.ingest.process.ArticleProcessor;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.ingest.source.ArticleSource;
import org.newsflow.ingest.source.FileSource;
import org.newsflow.ingest.source.SourceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector: runs {@link ArticleSource}s, passes every article through the {@link ArticleProcessor}s and
 * publishes it (or its rejection) to Kafka. Sources and processors are given, not built here, so a new source or
 * processor is wired where the service is assembled and this class does not change.
 */
public final class IngestService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** What one run did. */
    public record Summary(int files, long published, long rejected, List<String> ids) {}

    private final IngestConfig config;
    private final List<ArticleProcessor> processors;
    private final AtomicBoolean stopped = new AtomicBoolean();

    public IngestService(IngestConfig config) {
        this(config, List.of());
    }

    public IngestService(IngestConfig config, List<ArticleProcessor> processors) {
        this.config = config;
        this.processors = List.copyOf(processors);
    }

    /** Reads the files and directories once and publishes what they hold. */
    public Summary ingest(List<Path> roots) throws Exception {
        FileSource files = new FileSource(roots);
        Summary s = run(List.of(files));
        return new Summary(files.filesRead(), s.published(), s.rejected(), s.ids());
    }

    /**
     * Runs the sources one after another until each is exhausted or {@link #stop()} is called, and waits until
     * Kafka has acknowledged everything they delivered.
     */
    public Summary run(List<? extends ArticleSource> sources) throws Exception {
        List<String> ids = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ArticleSource source : sources) {
                try (source) {
                    source.run(item -> {
                        SourceItem processed = process(item);
                        acks.add(publisher.publish(processed));
                        if (processed.ok()) {
                            ids.add(processed.article().id());
                        }
                    }, stopped::get);
                }
            }
            publisher.flush();
            acks.forEach(ArticlePublisher::await);
            LOG.info("ingest: {} articles published, {} rejected to {}",
                    publisher.published(), publisher.rejected(), config.topics().dlq());
            return new Summary(0, publisher.published(), publisher.rejected(), List.copyOf(ids));
        }
    }

    /** Asks long-running sources to finish; {@link #run} then returns after the last acknowledgement. */
    public void stop() {
        stopped.set(true);
    }

    private SourceItem process(SourceItem item) {
        if (!item.ok()) {
            return item;
        }
        RawArticle article = item.article();
        try {
            for (ArticleProcessor p : processors) {
                article = p.process(article);
            }
            return item.withArticle(article);
        } catch (InvalidRecordException e) {
            return SourceItem.rejected(item.origin(), item.original(), e.getMessage());
        }
    }
}
