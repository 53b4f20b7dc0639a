package org.newsflow.ingest.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Setting;
import org.newsflow.contract.Settings;

/**
 * Marks near-duplicates: an article whose body is, by MinHash over word shingles, at least {@code threshold}
 * Jaccard-similar to one ingested within the window gets {@code duplicateOf} = the id of the first copy of that
 * story and {@code duplicateSimilarity} = the estimate. The typical case is a wire story (AFP, Reuters, AP)
 * republished by many outlets with a new headline, a dateline, a trailing "Reporting by ..." or an added paragraph.
 * Marked articles still flow on; consumers and the store filter them.
 *
 * <p>Rules:
 * <ol>
 *   <li>Only the body counts: outlets rewrite headlines, and the body is what enrich tags.</li>
 *   <li>The first copy is the earliest one indexed; a copy of a copy is marked with the first copy's id, so a
 *       story has one id all its copies point to.</li>
 *   <li>The same id again (a re-ingest, an upsert downstream) is never a duplicate of itself: it gets the mark it got
 *       the first time, and is not indexed twice.</li>
 *   <li>Bodies with fewer than {@code minShingles} shingles are neither marked nor indexed: two short briefs
 *       ("Markets closed higher on Monday.") share most of their few shingles without being the same story.</li>
 * </ol>
 *
 * <p>Thread-safe: the signature (the costly part) is computed without a lock; the lookup and the insert happen
 * under one lock, so concurrent sources delivering copies of one story produce exactly one first copy.
 * Memory is bounded by {@code capacity} entries of about 1 KB (see {@link NearDuplicateIndex}) and by the window.
 * State survives a restart through {@link RecentRawArticles}, which replays the window from the raw topic.
 */
public final class NearDuplicateProcessor implements ArticleProcessor {

    public static final Setting THRESHOLD = Setting.of("INGEST_DEDUP_THRESHOLD",
            Double.toString(Config.defaults().threshold()), "ingest",
            "Jaccard estimate from which an article is a near-duplicate");
    public static final Setting SHINGLE_WORDS = Setting.of("INGEST_DEDUP_SHINGLE_WORDS",
            Integer.toString(Config.defaults().shingleWords()), "ingest", "words per shingle").positive();
    public static final Setting CAPACITY = Setting.of("INGEST_DEDUP_CAPACITY",
            Integer.toString(Config.defaults().capacity()), "ingest", "most articles indexed; the oldest go first").positive();
    public static final Setting WINDOW_HOURS = Setting.of("INGEST_DEDUP_WINDOW_HOURS",
            Long.toString(Config.defaults().window().toHours()), "ingest", "how long an article stays indexed").positive();
    public static final Setting MIN_SHINGLES = Setting.of("INGEST_DEDUP_MIN_SHINGLES",
            Integer.toString(Config.defaults().minShingles()), "ingest", "shorter bodies are left alone").positive();
    /** The near-duplicate tuning settings (docs/dedup.md). */
    public static final List<Setting> SETTINGS = List.of(THRESHOLD, SHINGLE_WORDS, CAPACITY, WINDOW_HOURS, MIN_SHINGLES);

    /**
     * @param threshold Jaccard estimate from which an article is a near-duplicate (NEWSFLOW_INGEST_DEDUP_THRESHOLD)
     * @param shingleWords words per shingle (NEWSFLOW_INGEST_DEDUP_SHINGLE_WORDS)
     * @param capacity most articles indexed; the oldest go first (NEWSFLOW_INGEST_DEDUP_CAPACITY)
     * @param window how long an article stays indexed (NEWSFLOW_INGEST_DEDUP_WINDOW_HOURS)
     * @param minShingles shorter bodies are left alone (NEWSFLOW_INGEST_DEDUP_MIN_SHINGLES)
     */
    public record Config(double threshold, int shingleWords, int capacity, Duration window, int minShingles) {
        public Config {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
            }
            if (shingleWords < 1 || capacity < 1 || minShingles < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("shingleWords, capacity, minShingles and window must be positive");
            }
        }

        /** The documented defaults; docs/dedup.md has the measurements behind them. */
        public static Config defaults() {
            return new Config(0.6, 4, 100_000, Duration.ofHours(48), 20);
        }

        public static Config from(Settings settings) {
            String threshold = settings.get(THRESHOLD);
            double parsedThreshold;
            try {
                parsedThreshold = Double.parseDouble(threshold);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting NEWSFLOW_INGEST_DEDUP_THRESHOLD has an invalid value: '" + threshold + "'", e);
            }
            return new Config(
                    parsedThreshold,
                    settings.getInt(SHINGLE_WORDS),
                    settings.getInt(CAPACITY),
                    Duration.ofHours(settings.getLong(WINDOW_HOURS)),
                    settings.getInt(MIN_SHINGLES));
        }
    }

    private final Config config;
    private final Clock clock;
    private final MinHash minHash;
    private final NearDuplicateIndex index;

    public NearDuplicateProcessor(Config config) {
        this(config, Clock.systemUTC());
    }

    /** With a clock of the caller's: tests move time to check the window. */
    public NearDuplicateProcessor(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.minHash = new MinHash(config.shingleWords());
        this.index = new NearDuplicateIndex(config.capacity(), config.window().toMillis(), config.threshold());
    }

    public Config config() {
        return config;
    }

    @Override
    public RawArticle process(RawArticle article) {
        short[] signature = signatureOf(article.body());
        if (signature == null) {
            // Too short to tell: the mark is ingest's to set, so one a source brought along is not kept either.
            return article.duplicateOf() == null ? article : article.withDuplicateOf(null, null);
        }
        long now = clock.millis();
        NearDuplicateIndex.Match match;
        synchronized (index) {
            match = index.find(article.id(), signature, now);
            if (match == null) {
                index.add(article.id(), signature, null, -1, 0, now);
            } else if (!match.self()) {
                index.add(article.id(), signature, match.firstId(), match.firstSeq(), match.similarity(), now);
            }
        }
        if (match == null || match.firstId() == null) {
            return article.duplicateOf() == null ? article : article.withDuplicateOf(null, null);
        }
        return article.withDuplicateOf(match.firstId(), round(match.similarity()));
    }

    /**
     * An article read back from the raw topic, reduced to what the index keeps (the body is not kept, so a replay
     * of the window holds signatures, not texts, while it sorts them by time).
     */
    public record Restorable(String id, short[] signature, String duplicateOf, double similarity, long time) {}

    /** The article as the index would hold it, or null when it would not be indexed (too short, older than the window). */
    public Restorable prepare(RawArticle article, Instant publishedToTopicAt) {
        short[] signature = signatureOf(article.body());
        long time = publishedToTopicAt.toEpochMilli();
        if (signature == null || time < clock.millis() - config.window().toMillis()) {
            return null;
        }
        return new Restorable(article.id(), signature, article.duplicateOf(),
                article.duplicateSimilarity() == null ? 0 : article.duplicateSimilarity(), time);
    }

    /**
     * Indexes an article already published, as it was marked then, without marking it again. Call in publication
     * order. A second record of an id already restored (a re-ingest) is skipped, as {@link #process} would.
     */
    public void restore(Restorable r) {
        synchronized (index) {
            NearDuplicateIndex.Match existing = index.find(r.id(), r.signature(), r.time());
            if (existing != null && existing.self()) {
                return;
            }
            long firstSeq = r.duplicateOf() == null ? -1 : index.firstSeqOf(r.duplicateOf(), r.signature());
            index.add(r.id(), r.signature(), r.duplicateOf(), firstSeq, r.similarity(), r.time());
        }
    }

    /** {@link #prepare} then {@link #restore}. */
    public void restore(RawArticle article, Instant publishedToTopicAt) {
        Restorable r = prepare(article, publishedToTopicAt);
        if (r != null) {
            restore(r);
        }
    }

    /** Articles indexed now. */
    public int size() {
        synchronized (index) {
            return index.size();
        }
    }

    /** Bytes held by the index's arrays now (id strings not counted). */
    public long indexBytes() {
        synchronized (index) {
            return index.arrayBytes();
        }
    }

    int bandEntries() {
        synchronized (index) {
            return index.bandEntries();
        }
    }

    private short[] signatureOf(String body) {
        long[] words = MinHash.wordHashes(body);
        if (minHash.shingleCount(words.length) < config.minShingles()) {
            return null;
        }
        return minHash.signature(words);
    }

    /** Three decimals: the estimate's own error is ~0.035, more digits would only suggest precision. */
    private static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
