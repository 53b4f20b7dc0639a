package org.newsflow.examples;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsflow.contract.ArticleSerdes;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete downstream consumer of {@code news.articles.enriched}, the way docs/consumers.md explains it:
 * <ol>
 *   <li>{@code isolation.level=read_committed}: enrich writes inside Kafka transactions; without it a consumer
 *       also sees records of aborted transactions, which were never really published (and will come again).</li>
 *   <li>Values are read with the contract's {@link ArticleSerdes}: unknown fields of a newer minor version are
 *       ignored; a value that cannot be read is logged and skipped (seek past it), never a crash loop.</li>
 *   <li>Offsets are committed after the handler returns: at-least-once. Records are keyed by article id and
 *       a new version of an article replaces the old one, so the handler should upsert by {@code id}.</li>
 * </ol>
 * Run: {@code java -cp ... org.newsflow.examples.EnrichedArticleConsumer 127.0.0.1:9092 my-team}.
 */
public final class EnrichedArticleConsumer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichedArticleConsumer.class);

    private final KafkaConsumer<String, EnrichedArticle> consumer;
    private final String topic;
    private final Consumer<EnrichedArticle> handler;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private long skipped;

    public EnrichedArticleConsumer(String bootstrapServers, String groupId, String topic, Consumer<EnrichedArticle> handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), ArticleSerdes.enriched().deserializer());
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topic));
        try {
            while (running.get()) {
                try {
                    for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) {
                            handler.accept(record.value());
                        }
                    }
                    consumer.commitSync();
                } catch (RecordDeserializationException e) {
                    // One unreadable value: report it and move past it, or the partition would stall here forever.
                    skipped++;
                    LOG.warn("skipping unreadable record {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /** Records skipped because their value could not be read. */
    public long skipped() {
        return skipped;
    }

    /** Stops {@link #run()} from another thread; safe to call at any time. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String group = args.length > 1 ? args[1] : "example-consumer";
        EnrichedArticleConsumer c = new EnrichedArticleConsumer(bootstrap, group, Topics.ENRICHED, a ->
                System.out.printf("%s %s countries=%s events=%d%n", a.id(), a.article().title(),
                        a.countries().stream().map(t -> t.code()).toList(), a.events().size()));
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
        c.run();
    }
}
