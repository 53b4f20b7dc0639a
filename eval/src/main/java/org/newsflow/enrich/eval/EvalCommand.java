package org.newsflow.enrich.eval;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsflow.ingest.extract.ExtractionEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Accuracy against public gold data: the figures in docs/countries.md and docs/events.md come from here. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure accuracy against gold data.",
        subcommands = {EvalCommand.Countries.class, EvalCommand.Events.class, EvalCommand.Extraction.class})
public final class EvalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "countries", mixinStandardHelpOptions = true,
            description = "Country tags on the LGL corpus: per-article country-set P/R/F1 and per-toponym accuracy, with a plain-CoreNLP baseline in the same run.")
    static final class Countries implements Callable<Integer> {
        @Option(names = "--gold", required = true, paramLabel = "LGL_XML", description = "the LGL corpus, e.g. ../shared/eval/lgl.xml")
        Path gold;

        @Option(names = "--limit", defaultValue = "0", description = "only the first N articles (0: all)")
        int limit;

        @Option(names = "--no-baseline", description = "skip the plain-CoreNLP baseline (it takes minutes)")
        boolean noBaseline;

        @Override
        public Integer call() {
            CountryEval.run(gold, limit, !noBaseline, out());
            return 0;
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true,
            description = "Event coding on the PETR2 validation sentences: detection P/R, CAMEO root and PLOVER accuracy, actor countries, confusions.")
    static final class Events implements Callable<Integer> {
        @Option(names = "--gold", required = true, paramLabel = "PETR2_XML", description = "e.g. ../shared/eval/PETR2_GSR_validation.xml")
        Path gold;

        @Override
        public Integer call() {
            EventEval.run(gold, out());
            return 0;
        }
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Article-body extraction on news pages (benchmark layout: ground-truth.json + html/KEY.html.gz): precision, recall "
                    + "and F1 over 4-token shingles, with the plain baseline (all visible text, jsoup) in the same run. See docs/extraction.md.")
    static final class Extraction implements Callable<Integer> {
        @Option(names = "--gold", required = true, paramLabel = "DIR", description = "e.g. ../shared/eval/article-extraction")
        Path gold;

        @Option(names = "--pages", description = "also print every page's precision, recall and F1")
        boolean pages;

        @Override
        public Integer call() throws java.io.IOException {
            ExtractionEval.run(gold, pages, out());
            return 0;
        }
    }
}
