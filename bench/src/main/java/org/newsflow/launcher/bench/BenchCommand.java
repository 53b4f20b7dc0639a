package org.newsflow.launcher.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench}: plain CoreNLP vs newsflow enrichment in-process vs the pipeline through Kafka, latency at
 * half load and memory, in one run on the same articles. See BENCHMARKS.md and {@link BenchRunner}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {SinkBenchCommand.class, SourcesBenchCommand.class, EventsBenchCommand.class, org.newsflow.launcher.bench.SoakCommand.class},
        description = {
            "Benchmark: plain CoreNLP (tokenize,ssplit,pos,lemma,ner, defaults) vs newsflow enrichment in-process vs the "
                    + "pipeline through an embedded Kafka broker (ingest -> enrich -> sink), ingest-to-store latency at half "
                    + "the measured capacity, and memory; same articles (bench/corpus + the seed sample), one run.",
            "Run it with a large enough heap (./newsflow sets -Xmx3g) on an otherwise quiet machine."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--short", description = "quick check, under 2 minutes: one baseline pass, short in-process, pipeline and latency runs, pipeline at the highest thread count only")
    boolean quick;

    @Option(names = "--threads", split = ",", paramLabel = "N[,N...]", defaultValue = "1,2",
            description = "thread counts for the in-process runs and the enrich service (default: ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--partitions", paramLabel = "N", description = "partitions of the raw and enriched topics (default: the enrich thread count)")
    Integer partitions;

    @Option(names = "--load", paramLabel = "FRACTION", defaultValue = "0.5",
            description = "offered load of the latency run, as a fraction of the measured pipeline capacity (default: ${DEFAULT-VALUE})")
    double load;

    @Option(names = "--corpus", paramLabel = "FILE_OR_DIR", description = "articles to measure (default: bench/corpus and samples/armenia-azerbaijan-border.json)")
    List<Path> corpus = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "write the results as Markdown into FILE (e.g. BENCHMARKS.md), replacing the previous section of the same mode")
    Path outFile;

    private static boolean viaMain;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("bench")) {
            args.remove(0);
        }
        String commandLine = (viaMain ? "java -cp launcher/target/newsflow.jar:launcher/target/lib/* " + BenchCommand.class.getName()
                : "newsflow bench") + (args.isEmpty() ? "" : " " + String.join(" ", args));
        BenchRunner.Options options = new BenchRunner.Options(quick, threads, corpus, partitions, load, commandLine);
        BenchResults results = new BenchRunner(options, out).run();
        out.println();
        out.print(results.markdown());
        if (outFile != null) {
            results.writeTo(outFile);
            out.println("results written to " + outFile.toAbsolutePath());
        }
        return 0;
    }

    /** Runs the benchmark without the top-level command: {@code java -cp ... org.newsflow.launcher.BenchCommand --short}. */
    public static void main(String[] args) {
        viaMain = true;
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
