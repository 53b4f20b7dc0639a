package org.newsflow.launcher.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench events}: enrichment CPU per article with the CAMEO verb dictionary on and off, in one process,
 * alternating, on the same articles, with the CoreNLP baseline of the same run and the parse volume (issue 13's
 * 15% budget; BENCHMARKS.md "Event dictionary cost").
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Event dictionary cost: enrichment CPU per article with the CAMEO dictionary on and off (same process, "
                + "alternating rounds, one thread), the events step alone, sentences and tokens parsed, and the plain CoreNLP "
                + "baseline of the same run; medians over the rounds.")
final class EventsBenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "7", description = "alternating rounds (on/off order swapped every round; default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--passes", defaultValue = "2", description = "passes over the corpus per mode and round (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(names = "--no-baseline", description = "skip the plain CoreNLP baseline (saves loading a second pipeline)")
    boolean noBaseline;

    @Option(names = "--corpus", paramLabel = "FILE_OR_DIR", description = "articles to measure (default: bench/corpus and samples/armenia-azerbaijan-border.json)")
    List<Path> corpus = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Path> roots = corpus.isEmpty() ? BenchCorpus.defaultRoots() : corpus;
        EventsBench.Figures f = new EventsBench(BenchCorpus.load(roots), Math.max(1, rounds), Math.max(1, passes), !noBaseline, out).run();
        out.println();
        out.print(f.markdown());
        return 0;
    }
}
