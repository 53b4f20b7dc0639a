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
            description = "Event coding on both dev sets: PETR2 validation sentences (detection P/R, CAMEO root and PLOVER accuracy, "
                    + "actor countries, full triple, confusions) and PLOVER gold records (gold type among types found, source country, "
                    + "distinct types per sentence). See docs/events.md.")
    static final class Events implements Callable<Integer> {
        @Option(names = "--gold", paramLabel = "PETR2_XML", defaultValue = "../shared/eval/PETR2_GSR_validation.xml",
                description = "PETR2 validation file (default: ${DEFAULT-VALUE}); 'none' skips it")
        String gold;

        @Option(names = "--plover", paramLabel = "PLOVER_JSON", defaultValue = "../shared/eval/PLOVER_GSR_dev.json",
                description = "PLOVER gold records (default: ${DEFAULT-VALUE}); 'none' skips it")
        String plover;

        @Option(names = "--details", description = "print every sentence's gold and predicted events")
        boolean details;

        @Override
        public Integer call() {
            boolean detail = details || Boolean.getBoolean("newsflow.eval.details");
            if (!"none".equals(gold)) {
                EventEval.run(Path.of(gold), out(), detail);
            }
            if (!"none".equals(plover)) {
                PloverEval.run(Path.of(plover), out(), detail);
            }
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
