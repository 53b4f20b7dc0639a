package org.newsflow.ingest.process;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.Setting;
import org.newsflow.contract.Settings;
import org.newsflow.ingest.publish.BrokerCheck;
import org.newsflow.ingest.publish.IngestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors every ingest runs, built once where the service is assembled (one Lingua detector and one
 * near-duplicate index per process, shared by all sources):
 * {@code new IngestService(config, StandardProcessors.create(config, settings))}.
 *
 * <ul>
 *   <li>{@code NEWSFLOW_INGEST_LANGUAGE} (default true): {@link LanguageProcessor};</li>
 *   <li>{@code NEWSFLOW_INGEST_DEDUP} (default true): {@link NearDuplicateProcessor} with
 *       {@link NearDuplicateProcessor.Config#from(Settings)};</li>
 *   <li>{@code NEWSFLOW_INGEST_DEDUP_REPLAY} (default true): rebuilds the index from the window of the raw topic
 *       ({@link RecentRawArticles}), so a restarted ingest still marks the next copy of a story it published before.
 *       When a broker answers (within NEWSFLOW_INGEST_MAX_BLOCK_MS), before returning; when none does, the service
 *       starts degraded instead of waiting: an empty index, restored in the background once a broker answers
 *       (see docs/dedup.md). Off, a restart starts with an empty index.</li>
 * </ul>
 * Near-duplicates last: an article that a later processor rejected would go to the dead-letter topic after
 * being indexed, and become a "first copy" that no consumer ever sees.
 */
public final class StandardProcessors {
    private StandardProcessors() {}

    public static final Setting LANGUAGE = Setting.of("INGEST_LANGUAGE", "true", "ingest", "run the language processor").bool();
    public static final Setting DEDUP = Setting.of("INGEST_DEDUP", "true", "ingest",
            "run the near-duplicate processor (see docs/dedup.md)").bool();
    public static final Setting DEDUP_REPLAY = Setting.of("INGEST_DEDUP_REPLAY", "true", "ingest",
            "rebuild the near-duplicate index from the raw topic at start-up").bool();
    /** The processors' settings: which run, and the near-duplicate tuning. */
    public static final List<Setting> SETTINGS = java.util.stream.Stream.of(List.of(LANGUAGE, DEDUP), NearDuplicateProcessor.SETTINGS,
            List.of(DEDUP_REPLAY)).flatMap(List::stream).toList();

    public static List<ArticleProcessor> create(IngestConfig config, Settings settings) {
        List<ArticleProcessor> processors = new ArrayList<>();
        if (settings.getBoolean(LANGUAGE)) {
            processors.add(new LanguageProcessor());
        }
        if (settings.getBoolean(DEDUP)) { // keep last: see the class comment
            NearDuplicateProcessor dedup = new NearDuplicateProcessor(NearDuplicateProcessor.Config.from(settings));
            if (settings.getBoolean(DEDUP_REPLAY)) {
                restore(config, dedup);
            }
            processors.add(dedup);
        }
        return List.copyOf(processors);
    }

    /**
     * Replays the raw topic's window into the index now when a broker answers; otherwise starts a background thread
     * that waits for one and replays then, so that a service started while Kafka is down serves (health, readiness
     * saying "not ready") at once instead of blocking its start for minutes. Returns that thread, or null.
     */
    static Thread restore(IngestConfig config, NearDuplicateProcessor dedup) {
        try (BrokerCheck check = new BrokerCheck(config)) {
            if (check.reachable()) {
                RecentRawArticles.replay(config.kafka(), config.topics().raw(), dedup);
                return null;
            }
        }
        LOG.warn("no Kafka broker answers at {}: the near-duplicate index starts empty and is restored from {} in the background "
                + "once one does (until then a copy of a story published before this start is not marked)",
                Secrets.redact(config.bootstrapServers()), config.topics().raw());
        Thread t = new Thread(() -> replayWhenReachable(config, dedup), "dedup-replay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void replayWhenReachable(IngestConfig config, NearDuplicateProcessor dedup) {
        try (BrokerCheck check = new BrokerCheck(config)) {
            while (!check.reachable()) {
                Thread.sleep(RETRY.toMillis());
            }
            RecentRawArticles.replay(config.kafka(), config.topics().raw(), dedup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("dedup replay in the background failed; the index holds what was published since the start", e);
        }
    }

    private static final java.time.Duration RETRY = java.time.Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(StandardProcessors.class);
}
