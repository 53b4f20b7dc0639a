package org.newsflow.launcher.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.RawArticle;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.events.DepGraph;
import org.newsflow.enrich.events.EventTagger;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.EnrichPipeline;

/**
 * The cost of the CAMEO verb dictionary (issue 13: enrichment CPU per article may grow at most 15%): two enrichers in
 * one process that share the CoreNLP pipeline, the dependency parser and every lexicon and differ only in the event
 * tagger (dictionary on, as shipped; dictionary off, as {@code -Dnewsflow.events.cameo=off}). Rounds alternate the
 * order of the modes (on/off, off/on, ...) so that a change in the machine's load hits both alike; each measurement
 * is the CPU time of the measuring thread over whole passes of the corpus, and the figures are medians over rounds.
 * The parse volume (sentences and tokens given to the parser) is deterministic and does not depend on the load.
 */
final class EventsBench {
    private final BenchCorpus corpus;
    private final int rounds;
    private final int passes;
    private final boolean baseline;
    private final PrintStream out;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    EventsBench(BenchCorpus corpus, int rounds, int passes, boolean baseline, PrintStream out) {
        this.corpus = corpus;
        this.rounds = rounds;
        this.passes = passes;
        this.baseline = baseline;
        this.out = out;
    }

    /** One configuration of enrichment, with its per-annotator CPU time and its parse counts. */
    static final class Mode {
        final String name;
        final Enricher enricher;
        final CountingParser parser;
        final Map<String, long[]> annotatorNanos = new LinkedHashMap<>();
        final List<Double> totalMs = new ArrayList<>();
        final List<Double> eventsMs = new ArrayList<>();
        long sentencesPerPass;
        long tokensPerPass;
        int events;
        int statements;
        int fingerprint;

        Mode(String name, EnrichFactory factory, boolean dictionary) {
            this.name = name;
            this.parser = new CountingParser(factory.sentenceParser()::parse);
            EventTagger tagger = new EventTagger(factory.eventLexicon(), parser, factory.knownLeaders(),
                    dictionary ? factory.cameoDictionary() : null, factory.tuning().cameo().ownCodes());
            List<Annotator> timed = new ArrayList<>();
            for (Annotator a : factory.articlePipeline(tagger).annotators()) {
                long[] slot = annotatorNanos.computeIfAbsent(a.contract().name(), k -> new long[1]);
                timed.add(new CpuTimed(a, slot));
            }
            this.enricher = new Enricher(factory.languageDetector(), new EnrichPipeline(timed), factory.nlp().description());
        }
    }

    /** The parser with a count of what it was given. Single-threaded use (the benchmark's one thread). */
    static final class CountingParser implements Function<List<Token>, DepGraph> {
        private final Function<List<Token>, DepGraph> parser;
        long sentences;
        long tokens;

        CountingParser(Function<List<Token>, DepGraph> parser) {
            this.parser = parser;
        }

        @Override
        public DepGraph apply(List<Token> toks) {
            sentences++;
            tokens += toks.size();
            return parser.apply(toks);
        }
    }

    /** An annotator whose thread CPU time is added to a slot. */
    private static final class CpuTimed implements Annotator {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        private final Annotator inner;
        private final long[] slot;

        CpuTimed(Annotator inner, long[] slot) {
            this.inner = inner;
            this.slot = slot;
        }

        @Override
        public Contract contract() {
            return inner.contract();
        }

        @Override
        public void annotate(ArticleDoc doc) {
            long t0 = CPU.getCurrentThreadCpuTime();
            inner.annotate(doc);
            slot[0] += CPU.getCurrentThreadCpuTime() - t0;
        }
    }

    record Figures(String started, String machine, String loadBefore, String loadAfter, int articles, int rounds, int passes,
            List<Mode> modes, List<Double> baselineMs, List<Double> ratios) {
        String markdown() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "Event dictionary cost: `newsflow bench events --rounds %d --passes %d`, %s, %s, "
                    + "load average %s before, %s after; %d articles, one thread, medians over %d alternating rounds%n%n",
                    rounds, passes, started, machine, loadBefore, loadAfter, articles, rounds));
            sb.append("| mode | enrichment CPU ms/article | events step CPU ms/article | sentences parsed | tokens parsed | events | statements "
                    + "| ratio to CoreNLP defaults per CPU-s |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            double base = baselineMs.isEmpty() ? Double.NaN : median(baselineMs);
            for (Mode m : modes) {
                double total = median(m.totalMs);
                sb.append(String.format(Locale.ROOT, "| dictionary %s | %.1f | %.1f | %d | %,d | %d | %d | %s |%n", m.name, total,
                        median(m.eventsMs), m.sentencesPerPass, m.tokensPerPass, m.events, m.statements,
                        Double.isNaN(base) ? "-" : String.format(Locale.ROOT, "%.1fx", base / total)));
            }
            if (!baselineMs.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "| CoreNLP defaults (tokenize,ssplit,pos,lemma,ner) | %.1f | | | | | | 1.0x |%n", base));
            }
            Mode on = modes.get(0);
            Mode off = modes.get(1);
            sb.append(String.format(Locale.ROOT, "%nCPU per article, dictionary on / off: %.3f (median of the per-round ratios; rounds: %s); "
                    + "ratio of the medians %.3f; tokens parsed %.3f%n", median(ratios), format(ratios),
                    median(on.totalMs) / median(off.totalMs), (double) on.tokensPerPass / off.tokensPerPass));
            return sb.toString();
        }
    }

    Figures run() {
        List<RawArticle> articles = corpus.articles();
        String started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = BenchRunner.loadAverage();
        EnrichFactory factory = EnrichFactory.process();
        Mode on = new Mode("on", factory, true);
        Mode off = new Mode("off", factory, false);
        log("corpus: %d articles; loading CoreNLP and the lexicons", articles.size());
        for (Mode m : List.of(on, off)) {
            fingerprint(m, articles);
            pass(m, articles, 1); // JIT warm-up
            log("dictionary %s: %d events, %d statements, %d sentences / %d tokens parsed per pass (output fingerprint %08x)",
                    m.name, m.events, m.statements, m.sentencesPerPass, m.tokensPerPass, m.fingerprint);
        }
        NlpPipeline plain = baseline ? NlpPipeline.withProperties(NlpPipeline.baselineProperties()) : null;
        List<Double> baselineMs = new ArrayList<>();
        if (plain != null) {
            baselineMs(plain, articles); // warm-up
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Mode> order = r % 2 == 0 ? List.of(on, off) : List.of(off, on);
            for (Mode m : order) {
                measure(m, articles);
            }
            if (plain != null) {
                baselineMs.add(baselineMs(plain, articles));
            }
            ratios.add(last(on.totalMs) / last(off.totalMs));
            log("round %d: on %.1f ms/article (events %.1f), off %.1f (events %.1f), ratio %.3f%s; load %s", r + 1, last(on.totalMs),
                    last(on.eventsMs), last(off.totalMs), last(off.eventsMs), last(ratios),
                    plain == null ? "" : String.format(Locale.ROOT, "; CoreNLP defaults %.1f", last(baselineMs)), BenchRunner.loadAverage());
        }
        return new Figures(started, BenchRunner.Machine.describe().summary(), loadBefore, BenchRunner.loadAverage(), articles.size(),
                rounds, passes, List.of(on, off), baselineMs, ratios);
    }

    /** Events, statements, parse volume per pass and a hash of the events and statements (same output, same hash). */
    private void fingerprint(Mode m, List<RawArticle> articles) {
        m.parser.sentences = 0;
        m.parser.tokens = 0;
        int h = 1;
        for (RawArticle a : articles) {
            EnrichedArticle e = m.enricher.enrich(a);
            m.events += e.events().size();
            m.statements += e.statements() == null ? 0 : e.statements().size();
            h = 31 * h + e.events().hashCode();
            h = 31 * h + (e.statements() == null ? 0 : e.statements().hashCode());
        }
        m.fingerprint = h;
        m.sentencesPerPass = m.parser.sentences;
        m.tokensPerPass = m.parser.tokens;
    }

    private void measure(Mode m, List<RawArticle> articles) {
        long events0 = m.annotatorNanos.get("events")[0];
        long nanos = pass(m, articles, passes);
        long eventsNanos = m.annotatorNanos.get("events")[0] - events0;
        double n = (double) articles.size() * passes;
        m.totalMs.add(nanos / 1e6 / n);
        m.eventsMs.add(eventsNanos / 1e6 / n);
    }

    /** Thread CPU time of {@code count} passes of the mode's enricher over the articles. */
    private long pass(Mode m, List<RawArticle> articles, int count) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int p = 0; p < count; p++) {
            for (RawArticle a : articles) {
                m.enricher.enrich(a);
            }
        }
        return cpu.getCurrentThreadCpuTime() - t0;
    }

    private double baselineMs(NlpPipeline plain, List<RawArticle> articles) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (RawArticle a : articles) {
            plain.annotateRaw(a.body());
        }
        return (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / articles.size();
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double last(List<Double> xs) {
        return xs.get(xs.size() - 1);
    }

    private static String format(List<Double> xs) {
        return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
    }

    private void log(String format, Object... args) {
        out.printf("[bench events] " + format + "%n", args);
        out.flush();
    }
}
