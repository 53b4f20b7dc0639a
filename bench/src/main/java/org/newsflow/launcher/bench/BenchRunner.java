package org.newsflow.launcher.bench;

import org.newsflow.contract.ProgressBar;
import java.util.concurrent.atomic.AtomicInteger;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.RawArticle;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.nlp.NlpPipeline;

/**
 * The benchmark of issue 7, in one process and one run on the same articles:
 * <ol>
 *   <li>baseline: plain CoreNLP {@code tokenize,ssplit,pos,lemma,ner} with default options, per thread count;</li>
 *   <li>newsflow enrichment in-process ({@link Enricher}, all tags), per thread count, and its ratio to (1);</li>
 *   <li>the pipeline through an embedded Kafka broker, ingest -> enrich -> sink (SQLite), sustained articles/s
 *       and its ratio to (2);</li>
 *   <li>ingest-to-store latency p50/p95/p99 at an offered load of 50% of the capacity measured in (3);</li>
 *   <li>memory: heap and resident set while the pipeline runs.</li>
 * </ol>
 * Baseline and newsflow runs alternate per thread count, so a change in the machine's load hits both alike.
 */
public final class BenchRunner {
    /** What to run. {@code quick}: the short mode (under 2 minutes on 2 cores). */
    public record Options(boolean quick, List<Integer> threads, List<Path> corpusRoots, Integer partitions, double loadFraction,
            String commandLine) {
        public Options {
            threads = List.copyOf(new TreeSet<>(threads));
            if (threads.isEmpty() || threads.get(0) < 1) {
                throw new IllegalArgumentException("--threads needs thread counts >= 1");
            }
            if (loadFraction <= 0 || loadFraction > 1) {
                throw new IllegalArgumentException("--load must be in (0, 1]");
            }
        }

        int maxThreads() {
            return threads.get(threads.size() - 1);
        }

        /** Minimum seconds of each in-process measurement (baseline and newsflow); whole passes over the corpus. */
        double inProcessSeconds() {
            return quick ? 3 : 30;
        }

        int baselineMinPasses() {
            return 1;
        }

        int newsflowMinPasses() {
            return quick ? 2 : 5;
        }

        double capacitySeconds() {
            return quick ? 6 : 40;
        }

        double latencySeconds() {
            return quick ? 8 : 60;
        }
    }

    private final Options options;
    private final PrintStream out;

    public BenchRunner(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public BenchResults run() throws Exception {
        BenchResults r = new BenchResults();
        r.mode = options.quick() ? "short" : "full";
        r.command = options.commandLine();
        r.started = ZonedDateTime.now();
        r.machine = Machine.describe();
        r.loadBefore = loadAverage();
        r.source = sourceState();
        long wallStart = System.nanoTime();
        log("newsflow bench (%s mode) on %s", r.mode, r.machine.summary());

        List<Path> roots = options.corpusRoots().isEmpty() ? BenchCorpus.defaultRoots() : options.corpusRoots();
        BenchCorpus all = BenchCorpus.load(roots);
        BenchCorpus corpus = options.quick() ? all.sample() : all;
        List<RawArticle> articles = corpus.articles();
        r.corpusRoots = roots.stream().map(Path::toString).toList();
        r.articles = articles.size();
        r.corpusArticles = all.size();
        r.words = articles.stream().mapToLong(a -> a.body().split("\\s+").length).toArray();
        log("corpus: %d articles from %s%s", articles.size(), r.corpusRoots,
                options.quick() ? " (short mode: every second of the " + all.size() + " articles, and the seed)" : "");

        try (MemoryProbe memory = new MemoryProbe()) {
            // -- load and warm up newsflow's enricher (one CoreNLP pipeline per process), and count its tags
            long t0 = System.nanoTime();
            Enricher enricher = Enricher.shared();
            enricher.enrich(articles.get(articles.size() - 1));
            r.newsflowLoadSeconds = (System.nanoTime() - t0) / 1e9;
            log("newsflow enricher loaded and first article enriched in %.1f s", r.newsflowLoadSeconds);
            AtomicInteger progress = new AtomicInteger();
            try (ProgressBar bar = ProgressBar.start("bench warm-up", articles.size(), progress::get)) {
                for (RawArticle a : articles) { // first pass (warm-up): count the tags
                    EnrichedArticle e = enricher.enrich(a);
                    r.tagCountries += e.countries().size();
                    r.tagPeople += e.people().size();
                    r.tagOrganizations += e.organizations().size();
                    r.tagLocations += e.locations().size();
                    r.tagEvents += e.events().size();
                    progress.incrementAndGet();
                }
            }
            r.newsflowWarmup = warmUp("newsflow", articles.size(), i -> enricher.enrich(articles.get(i)));
            log("tags on the corpus: %d countries, %d people, %d organizations, %d locations, %d events",
                    r.tagCountries, r.tagPeople, r.tagOrganizations, r.tagLocations, r.tagEvents);

            // -- load and warm up the baseline: CoreNLP defaults
            t0 = System.nanoTime();
            // held in an array so the models can be released (set to null) before the pipeline stage
            NlpPipeline[] baselineHolder = {NlpPipeline.withProperties(NlpPipeline.baselineProperties())};
            r.baselineLoadSeconds = (System.nanoTime() - t0) / 1e9;
            RawArticle seed = articles.get(articles.size() - 1);
            t0 = System.nanoTime();
            baselineHolder[0].annotateRaw(seed.body());
            r.baselineFirstCallSeconds = (System.nanoTime() - t0) / 1e9;
            log("baseline CoreNLP loaded in %.1f s, first call %.1f s", r.baselineLoadSeconds, r.baselineFirstCallSeconds);
            r.baselineWarmup = warmUp("baseline", articles.size(), i -> baselineHolder[0].annotateRaw(articles.get(i).body()));

            // -- (1) and (2), alternating per thread count
            int[] tokens = new int[articles.size()];
            for (int threads : options.threads()) {
                r.loadDuring.add("in-process " + threads + "t: " + loadAverage());
                Throughput.Result base = Throughput.run("baseline " + threads + "t", articles.size(), threads,
                        options.baselineMinPasses(), options.inProcessSeconds(), i -> {
                            Annotation a = baselineHolder[0].annotateRaw(articles.get(i).body());
                            int n = a.get(CoreAnnotations.TokensAnnotation.class).size();
                            tokens[i] = n;
                            return n;
                        });
                r.baseline.add(base);
                log("(1) baseline CoreNLP, %d thread(s): %.2f articles/s, %.0f tokens/s (%d articles in %.1f s; %.2f articles per CPU-s)",
                        threads, base.articlesPerSecond(), base.tokensPerSecond(), base.articles(), base.seconds(), base.articlesPerCpuSecond());
                Throughput.Result mine = Throughput.run("newsflow " + threads + "t", articles.size(), threads,
                        options.newsflowMinPasses(), options.inProcessSeconds(), i -> {
                            enricher.enrich(articles.get(i));
                            return tokens[i];
                        });
                r.newsflow.add(mine);
                log("(2) newsflow enrichment, %d thread(s): %.2f articles/s, %.0f tokens/s (%d articles in %.1f s; %.2f articles per CPU-s) "
                        + "= %.1fx baseline (%.1fx per CPU-s)", threads, mine.articlesPerSecond(), mine.tokensPerSecond(), mine.articles(),
                        mine.seconds(), mine.articlesPerCpuSecond(), mine.articlesPerSecond() / base.articlesPerSecond(),
                        mine.articlesPerCpuSecond() / base.articlesPerCpuSecond());
                if (threads == options.threads().get(0)) {
                    // where newsflow's time goes: its CoreNLP pass alone (the rest is gazetteer, people and event rules,
                    // and dependency parsing of the sentences that hold an event trigger)
                    NlpPipeline nlp = NlpPipeline.shared();
                    Throughput.Result pass = Throughput.run("corenlp-pass " + threads + "t", articles.size(), threads,
                            options.newsflowMinPasses(), options.inProcessSeconds() / 2, i -> {
                                nlp.analyze(articles.get(i).body());
                                return tokens[i];
                            });
                    r.newsflowNlpOnly = pass;
                    log("    newsflow's CoreNLP pass alone, %d thread(s): %.2f articles/s, %.2f articles per CPU-s (%.0f%% of enrichment's CPU time)",
                            threads, pass.articlesPerSecond(), pass.articlesPerCpuSecond(),
                            100 * mine.articlesPerCpuSecond() / pass.articlesPerCpuSecond());
                }
            }
            r.tokens = tokens.clone();
            log("corpus tokens (CoreNLP tokenizer): %d in %d articles", r.totalTokens(), articles.size());

            // -- drop the baseline's models: from here on the process holds what an enrich service holds (plus broker and sink)
            StanfordCoreNLP.clearAnnotatorPool();
            baselineHolder[0] = null;
            r.liveHeapEnricherOnly = MemoryProbe.liveHeapAfterGc();

            // -- (3), (4), (5)
            memory.resetHeapPeak();
            r.rssPeakReset = MemoryProbe.resetRssPeak();
            List<Integer> pipelineThreads = options.quick() ? List.of(options.maxThreads()) : options.threads();
            t0 = System.nanoTime();
            try (PipelineBench pipeline = new PipelineBench(articles)) {
                r.brokerStartSeconds = (System.nanoTime() - t0) / 1e9;
                for (int threads : pipelineThreads) {
                    int partitions = options.partitions() == null ? threads : options.partitions();
                    try (PipelineBench.Session session = pipeline.open(threads, partitions)) {
                        session.warmUp(2 * partitions * 2, Duration.ofMinutes(2));
                        Throughput.Result inProcess = r.newsflowAt(threads);
                        int count = roundToCorpus(inProcess.articlesPerSecond() * options.capacitySeconds(), articles.size());
                        r.loadDuring.add("pipeline " + threads + "t: " + loadAverage());
                        PipelineBench.Capacity capacity = session.capacity(count, Duration.ofMinutes(10));
                        r.pipeline.add(capacity);
                        log("(3) pipeline ingest -> Kafka -> enrich -> Kafka -> sink -> SQLite, %d enrich thread(s), %d partitions: "
                                + "%.2f articles/s (%d articles in %.1f s) = %.2fx in-process (%.2fx per process CPU-s)", threads, partitions,
                                capacity.articlesPerSecond(), capacity.articles(), capacity.seconds(),
                                capacity.articlesPerSecond() / inProcess.articlesPerSecond(),
                                capacity.articlesPerProcessCpuSecond() / inProcess.articlesPerProcessCpuSecond());
                        if (threads == options.maxThreads()) {
                            double offered = options.loadFraction() * capacity.articlesPerSecond();
                            r.loadDuring.add("latency " + threads + "t: " + loadAverage());
                            PipelineBench.Latency latency = session.latency(offered, options.latencySeconds(), Duration.ofMinutes(5));
                            r.latency = latency;
                            log("(4) latency ingest -> store at %.2f articles/s (%.0f%% of capacity) for %.0f s, %d articles: "
                                    + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms", latency.offeredPerSecond(),
                                    options.loadFraction() * 100, latency.seconds(), latency.articles(), latency.percentileMillis(50),
                                    latency.percentileMillis(95), latency.percentileMillis(99), latency.maxMillis());
                            r.liveHeapPipeline = MemoryProbe.liveHeapAfterGc();
                        }
                        r.storedRows.add(session.storedRows());
                        r.sentArticles.add(session.sent());
                    }
                }
            }
            r.peakHeapPipeline = memory.peakHeapUsed();
            r.heapCommitted = MemoryProbe.heapCommitted();
            r.maxHeap = MemoryProbe.maxHeap();
            r.rssPeak = MemoryProbe.rssPeak();
            r.rssNow = MemoryProbe.rss();
            log("(5) memory while the pipeline ran: peak heap used %s (max heap %s), live heap after GC %s (enricher alone %s), "
                    + "peak RSS %s%s", BenchResults.mib(r.peakHeapPipeline), BenchResults.mib(r.maxHeap),
                    BenchResults.mib(r.liveHeapPipeline), BenchResults.mib(r.liveHeapEnricherOnly), BenchResults.mib(r.rssPeak),
                    r.rssPeakReset ? "" : " (process lifetime: VmHWM could not be reset)");
        }
        r.loadAfter = loadAverage();
        r.wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        log("done in %.0f s", r.wallSeconds);
        return r;
    }

    /**
     * Runs articles until the JIT has settled (compilation time under 10% of a 3-second window) or the time limit
     * is up: the JIT compilers take a core of their own for a minute or more after CoreNLP loads, and on 2 cores
     * that would be taken from whichever measurement ran first.
     */
    private String warmUp(String name, int corpusSize, java.util.function.IntConsumer job) {
        double limit = options.quick() ? 4 : 90;
        long start = System.nanoTime();
        long windowStart = start;
        long windowJit = Throughput.jitMillis();
        int done = 0;
        String outcome = "time limit reached";
        while ((System.nanoTime() - start) / 1e9 < limit) {
            job.accept(done++ % corpusSize);
            long now = System.nanoTime();
            double window = (now - windowStart) / 1e6;
            if (window >= 3000) {
                long jit = Throughput.jitMillis();
                if ((jit - windowJit) / window < 0.10) {
                    outcome = "JIT settled";
                    break;
                }
                windowStart = now;
                windowJit = jit;
            }
        }
        String summary = String.format(java.util.Locale.ROOT, "%d articles in %.0f s (%s)", done, (System.nanoTime() - start) / 1e9, outcome);
        log("%s warm-up: %s", name, summary);
        return summary;
    }

    /** The commit measured, and whether the modules that decide the speed had uncommitted changes. */
    static String sourceState() {
        try {
            String head = run("git", "rev-parse", "--short", "HEAD");
            String dirty = run("git", "status", "--porcelain", "--", "enrich", "contract", "ingest", "sink", "embedded-kafka");
            int files = dirty.isBlank() ? 0 : dirty.split("\n").length;
            return "git " + head + (files == 0 ? "" : " + uncommitted changes in " + files + " file(s) of the modules");
        } catch (IOException | RuntimeException e) {
            return "n/a (not a git checkout)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "n/a";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static int roundToCorpus(double n, int corpusSize) {
        int passes = Math.max(2, (int) Math.ceil(n / corpusSize));
        return passes * corpusSize;
    }

    static String loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            String[] p = s.split("\\s+");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", os.getSystemLoadAverage());
        }
    }

    private void log(String format, Object... args) {
        out.printf("[bench] " + format + "%n", args);
        out.flush();
    }

    /** The machine, for the record. */
    record Machine(int cores, long memoryBytes, String cpu, String java, String os, String jvmArgs) {
        static Machine describe() {
            int cores = Runtime.getRuntime().availableProcessors();
            long mem = -1;
            String cpu = "unknown CPU";
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        mem = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                    }
                }
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        cpu = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the rest is still useful
            }
            String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.vendor") + ")";
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
            String jvmArgs = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
            return new Machine(cores, mem, cpu, java, os, jvmArgs);
        }

        String summary() {
            return String.format("%d cores (%s), %.1f GiB RAM, %s", cores, cpu, memoryBytes / (1024.0 * 1024 * 1024), java);
        }
    }
}
