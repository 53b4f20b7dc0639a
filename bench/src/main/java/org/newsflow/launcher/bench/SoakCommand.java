package org.newsflow.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench soak}: the whole pipeline in one process (embedded broker, enrich service, sink) under a steady
 * load for N minutes; one line per interval with produced, enriched, stored, dead letters, consumer lag per group, heap
 * after GC and errors, then a summary. What it is for: lag that returns to zero and memory that stays flat over time.
 * See {@link SoakRun} and BENCHMARKS.md.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Soak run: embedded broker + enrich + sink in this process, a steady load of the benchmark articles "
                + "for N minutes (plus a malformed record every --bad-every articles, which must end in the dead-letter topic); "
                + "prints produced, enriched, stored, DLQ, consumer lag per group, heap after GC and errors per interval, and a summary.",
            "Exit code 1 if an article was lost, the lag did not return to zero, or errors were logged."})
public final class SoakCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "5", description = "how long to feed the load (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--rate", defaultValue = "4", description = "articles per second offered (default: ${DEFAULT-VALUE}); keep it below capacity")
    double rate;

    @Option(names = "--interval", defaultValue = "30", description = "seconds between report lines (default: ${DEFAULT-VALUE})")
    int intervalSeconds;

    @Option(names = "--threads", defaultValue = "2", description = "enrich worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--partitions", defaultValue = "4", description = "partitions of the raw and enriched topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--bad-every", defaultValue = "500", description = "every Nth record is malformed and must be dead-lettered (0: none; default: ${DEFAULT-VALUE})")
    int badEvery;

    @Option(names = "--store", description = "store URL (default: a fresh SQLite file in the temp dir, deleted afterwards)")
    String store;

    @Option(names = "--drain-seconds", defaultValue = "180", description = "after the load stops, how long to wait for the pipeline to catch up (default: ${DEFAULT-VALUE})")
    int drainSeconds;

    @Option(names = "--corpus", paramLabel = "FILE_OR_DIR", description = "articles to send (default: bench/corpus and the seed sample)")
    List<Path> corpus = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Path> roots = corpus.isEmpty() ? BenchCorpus.defaultRoots() : corpus;
        SoakRun.Options options = new SoakRun.Options(minutes, rate, intervalSeconds, threads, partitions, badEvery, store, drainSeconds);
        SoakRun.Result result = new SoakRun(options, BenchCorpus.load(roots).articles(), System.out).run();
        return result.passed() ? 0 : 1;
    }

    /** Runs the soak without the top-level command: {@code java -cp ... org.newsflow.launcher.bench.SoakCommand --minutes 30}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new SoakCommand()).execute(args));
    }
}
