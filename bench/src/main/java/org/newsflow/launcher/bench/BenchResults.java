package org.newsflow.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Every figure of one benchmark run, and its Markdown section for BENCHMARKS.md. */
public final class BenchResults {
    String mode;
    String command;
    ZonedDateTime started;
    BenchRunner.Machine machine;
    String loadBefore;
    String source;
    String loadAfter;
    final List<String> loadDuring = new ArrayList<>();
    double wallSeconds;

    List<String> corpusRoots;
    int articles;
    int corpusArticles;
    long[] words;
    int[] tokens;

    double newsflowLoadSeconds;
    double baselineLoadSeconds;
    double baselineFirstCallSeconds;
    String newsflowWarmup;
    String baselineWarmup;
    long tagCountries;
    long tagPeople;
    long tagOrganizations;
    long tagLocations;
    long tagEvents;

    final List<Throughput.Result> baseline = new ArrayList<>();
    final List<Throughput.Result> newsflow = new ArrayList<>();
    Throughput.Result newsflowNlpOnly;
    final List<PipelineBench.Capacity> pipeline = new ArrayList<>();
    PipelineBench.Latency latency;
    final List<Long> storedRows = new ArrayList<>();
    final List<Long> sentArticles = new ArrayList<>();
    double brokerStartSeconds;

    long liveHeapEnricherOnly;
    long liveHeapPipeline;
    long peakHeapPipeline;
    long heapCommitted;
    long maxHeap;
    long rssPeak;
    long rssNow;
    boolean rssPeakReset;

    long totalTokens() {
        return tokens == null ? 0 : Arrays.stream(tokens).asLongStream().sum();
    }

    Throughput.Result newsflowAt(int threads) {
        return newsflow.stream().filter(n -> n.threads() == threads).findFirst()
                .orElseThrow(() -> new IllegalStateException("no in-process newsflow run with " + threads + " threads"));
    }

    Throughput.Result baselineAt(int threads) {
        return baseline.stream().filter(n -> n.threads() == threads).findFirst().orElse(null);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The Markdown section of this run, between markers that {@link #writeTo} replaces on the next run of the same mode. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(beginMarker(mode)).append('\n');
        md.append(f("### %s run, %s%n%n", mode.equals("short") ? "Short (`--short`)" : "Full",
                started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT))));
        md.append("- Command: `").append(command).append("`\n");
        md.append(f("- Machine: %d cores (%s), %s RAM; %s; %s%n", machine.cores(), machine.cpu(), gib(machine.memoryBytes()),
                machine.java(), machine.os()));
        md.append("- Source: ").append(source).append('\n');
        md.append("- JVM options: `").append(machine.jvmArgs().isBlank() ? "(none)" : machine.jvmArgs()).append("`\n");
        md.append(f("- Load average (1, 5, 15 min) before: %s; after: %s; at each stage: %s%n", loadBefore, loadAfter,
                String.join("; ", loadDuring)));
        md.append(f("- Wall time of the whole run: %.0f s%n", wallSeconds));
        long minWords = Arrays.stream(words).min().orElse(0);
        long maxWords = Arrays.stream(words).max().orElse(0);
        md.append(f("- Articles: %d%s (%s), %,d words (%d-%d per article), **%,d tokens** by CoreNLP's tokenizer (%.0f per article)%n",
                articles, articles < corpusArticles ? " of " + corpusArticles + ", the short mode's subset: every second article and the seed" : "",
                String.join(" + ", corpusRoots.stream().map(BenchResults::relative).toList()), Arrays.stream(words).sum(), minWords, maxWords,
                totalTokens(), (double) totalTokens() / articles));
        md.append(f("- Loading: newsflow enricher %.1f s (including its first article); baseline CoreNLP %.1f s, first call %.1f s%n",
                newsflowLoadSeconds, baselineLoadSeconds, baselineFirstCallSeconds));
        md.append(f("- Warm-up before measuring: newsflow %s; baseline %s%n", newsflowWarmup, baselineWarmup));
        md.append(f("- Tags newsflow produced on these articles (one pass): %d countries, %d people, %d organizations, %d locations, %d events%n%n",
                tagCountries, tagPeople, tagOrganizations, tagLocations, tagEvents));

        md.append("**(1) baseline and (2) newsflow enrichment, in-process, same articles, same thread count**\n\n");
        md.append("| engine | threads | articles | seconds | articles/s | tokens/s | ratio to baseline (articles/s) | worker CPU s | articles per CPU-s | ratio (per CPU-s) | process CPU s | JIT s | GC s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Throughput.Result b : baseline) {
            md.append(row(b, "CoreNLP defaults `tokenize,ssplit,pos,lemma,ner`", "1.0x", "1.0x"));
            Throughput.Result n = newsflowAt(b.threads());
            md.append(row(n, "newsflow `Enricher` (all tags)", f("**%.1fx**", n.articlesPerSecond() / b.articlesPerSecond()),
                    f("%.2fx", n.articlesPerCpuSecond() / b.articlesPerCpuSecond())));
        }
        if (newsflowNlpOnly != null) {
            Throughput.Result b = baselineAt(newsflowNlpOnly.threads());
            Throughput.Result n = newsflowAt(newsflowNlpOnly.threads());
            md.append(row(newsflowNlpOnly, "(breakdown) newsflow's CoreNLP pass alone", f("%.1fx", newsflowNlpOnly.articlesPerSecond() / b.articlesPerSecond()),
                    f("%.1fx", newsflowNlpOnly.articlesPerCpuSecond() / b.articlesPerCpuSecond())));
            md.append(f("%nBreakdown at %d thread(s), by CPU time per article: newsflow's CoreNLP pass (3-class CRF only) %.0f ms, "
                    + "the rest of enrichment (gazetteer, people and event rules, dependency parsing of trigger sentences) %.0f ms, "
                    + "against %.0f ms for the baseline.%n", n.threads(), 1000 / newsflowNlpOnly.articlesPerCpuSecond(),
                    1000 / n.articlesPerCpuSecond() - 1000 / newsflowNlpOnly.articlesPerCpuSecond(), 1000 / b.articlesPerCpuSecond()));
        }
        md.append("\n\"Worker CPU s\" is the CPU time of the measuring threads (ThreadMXBean; GC and JIT threads not included); \"process CPU s\" is the whole JVM's in the same interval; \"JIT s\" and \"GC s\" are the JIT compilers' and the collectors' time in it (the GC figure is pause/collection time, not CPU). "
                + "On a machine shared with other work, articles per CPU-second is the steadier measure of the cost of an article; "
                + "articles/s is what a user sees.\n");
        if (baseline.size() > 1) {
            Throughput.Result b1 = baseline.get(0);
            Throughput.Result bn = baseline.get(baseline.size() - 1);
            Throughput.Result n1 = newsflow.get(0);
            Throughput.Result nn = newsflow.get(newsflow.size() - 1);
            md.append(f("%nScaling from %d to %d threads: baseline %.2fx, newsflow %.2fx.%n", b1.threads(), bn.threads(),
                    bn.articlesPerSecond() / b1.articlesPerSecond(), nn.articlesPerSecond() / n1.articlesPerSecond()));
        }

        md.append("\n**(3) pipeline through Kafka** (embedded KRaft broker; ingest publisher -> raw topic -> enrich service, "
                + "transactional -> enriched topic -> sink service, read_committed -> SQLite; a backlog of articles timed from "
                + "the first send to the database commit of the last)\n\n");
        md.append("| enrich threads | partitions | articles | seconds | articles/s | ratio to in-process (2) | process CPU s | articles per process CPU-s | ratio to in-process (per process CPU-s) | stored rows / sent |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int i = 0; i < pipeline.size(); i++) {
            PipelineBench.Capacity c = pipeline.get(i);
            Throughput.Result n = newsflowAt(c.threads());
            md.append(f("| %d | %d | %d | %.1f | %.2f | **%.2fx** | %.1f | %.2f | **%.2fx** | %d / %d |%n", c.threads(), c.partitions(),
                    c.articles(), c.seconds(), c.articlesPerSecond(), c.articlesPerSecond() / n.articlesPerSecond(), c.processCpuSeconds(),
                    c.articlesPerProcessCpuSecond(), c.articlesPerProcessCpuSecond() / n.articlesPerProcessCpuSecond(),
                    storedRows.get(i), sentArticles.get(i)));
        }
        md.append("\nThe per-process-CPU-second ratio compares the CPU the whole process spent per article (broker, ingest, enrich, "
                + "sink, GC, JIT) with the in-process run's: the cost of the transport, independent of how much CPU other work left us.\n");
        if (!pipeline.isEmpty()) {
            PipelineBench.Capacity c = pipeline.get(pipeline.size() - 1);
            Throughput.Result b = baselineAt(c.threads());
            if (b != null) {
                md.append(f("%nPipeline vs baseline in-process at %d threads: %.1fx.%n", c.threads(), c.articlesPerSecond() / b.articlesPerSecond()));
            }
        }

        if (latency != null) {
            md.append(f("%n**(4) latency, ingest to store** (ingestedAt stamped by ingest -> the sink's database commit), offered load "
                    + "%.2f articles/s (open loop, evenly spaced) = %.0f%% of the measured capacity, for %.0f s, %d articles, %d enrich threads%n%n",
                    latency.offeredPerSecond(), 100 * latency.offeredPerSecond() / pipeline.get(pipeline.size() - 1).articlesPerSecond(),
                    latency.seconds(), latency.articles(), latency.threads()));
            if (latency.articles() < 100) {
                md.append(f("With %d samples, p99 is the slowest article or close to it.%n%n", latency.articles()));
            }
            md.append("| p50 | p95 | p99 | max |\n|---:|---:|---:|---:|\n");
            md.append(f("| %.0f ms | %.0f ms | **%.0f ms** | %.0f ms |%n", latency.percentileMillis(50), latency.percentileMillis(95),
                    latency.percentileMillis(99), latency.maxMillis()));
        }

        md.append("\n**(5) memory** (one process: broker, ingest, enrich service and sink; the baseline's models were released first)\n\n");
        md.append(f("- Peak heap used while the pipeline ran (sampled every 20 ms): %s; heap committed at the end %s; -Xmx %s%n",
                mib(peakHeapPipeline), mib(heapCommitted), mib(maxHeap)));
        md.append(f("- Live heap after full GC: newsflow enricher loaded, nothing else running %s; whole pipeline running %s%n",
                mib(liveHeapEnricherOnly), mib(liveHeapPipeline)));
        md.append(f("- Peak RSS (VmHWM) %s: %s; RSS at the end %s%n", rssPeakReset ? "during the pipeline stage (reset before it)"
                : "of the whole process (could not be reset)", mib(rssPeak), mib(rssNow)));
        md.append(targets());
        md.append(endMarker(mode)).append('\n');
        return md.toString();
    }

    /** The targets, met or not, by these figures. */
    private String targets() {
        StringBuilder t = new StringBuilder("\n**Targets**\n\n");
        for (Throughput.Result b : baseline) {
            double ratio = newsflowAt(b.threads()).articlesPerSecond() / b.articlesPerSecond();
            double cpuRatio = newsflowAt(b.threads()).articlesPerCpuSecond() / b.articlesPerCpuSecond();
            t.append(f("- Enrichment >= 5x baseline at %d thread(s) (stretch 10x): %.2fx in articles/s, %s; %.2fx per CPU-second, %s%n",
                    b.threads(), ratio, verdict(ratio), cpuRatio, verdict(cpuRatio)));
        }
        for (PipelineBench.Capacity c : pipeline) {
            double ratio = c.articlesPerSecond() / newsflowAt(c.threads()).articlesPerSecond();
            double cpuRatio = c.articlesPerProcessCpuSecond() / newsflowAt(c.threads()).articlesPerProcessCpuSecond();
            t.append(f("- Pipeline >= 0.9x in-process enrichment at %d thread(s): %.2fx in articles/s, %s; %.2fx per process CPU-second, %s%n",
                    c.threads(), ratio, ratio >= 0.9 ? "met" : "NOT met", cpuRatio, cpuRatio >= 0.9 ? "met" : "NOT met"));
        }
        if (latency != null) {
            double p99 = latency.percentileMillis(99);
            t.append(f("- Latency p99 < 1 s at 50%% load: %.0f ms, %s%n", p99, p99 < 1000 ? "met" : "NOT met"));
        }
        return t.toString();
    }

    private static String verdict(double ratio) {
        return ratio >= 10 ? "met, stretch met" : ratio >= 5 ? "met (stretch not met)" : "NOT met";
    }

    /** A path relative to the working directory when it is under it (the figures should not name one machine's layout). */
    private static String relative(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
    }

    private static String row(Throughput.Result r, String engine, String ratio, String cpuRatio) {
        return f("| %s | %d | %d | %.1f | %.2f | %,.0f | %s | %.1f | %.2f | %s | %.1f | %.1f | %.1f |%n", engine, r.threads(), r.articles(),
                r.seconds(), r.articlesPerSecond(), r.tokensPerSecond(), ratio, r.cpuSeconds(), r.articlesPerCpuSecond(), cpuRatio,
                r.processCpuSeconds(), r.jitSeconds(), r.gcSeconds());
    }

    private static String gib(long bytes) {
        return bytes < 0 ? "n/a" : f("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    static String beginMarker(String mode) {
        return "<!-- newsflow-bench:begin " + mode + " -->";
    }

    static String endMarker(String mode) {
        return "<!-- newsflow-bench:end " + mode + " -->";
    }

    /** Replaces this mode's section in the file (or appends it, creating the file if need be). */
    public void writeTo(Path file) throws IOException {
        String section = markdown();
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int begin = text.indexOf(beginMarker(mode));
        int end = text.indexOf(endMarker(mode));
        String updated;
        if (begin >= 0 && end > begin) {
            int after = end + endMarker(mode).length();
            if (after < text.length() && text.charAt(after) == '\n') {
                after++;
            }
            updated = text.substring(0, begin) + section + text.substring(after);
        } else {
            updated = text + (text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
