package org.newsflow.enrich.eval;

import org.newsflow.contract.ProgressBar;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsflow.contract.Actor;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Statement;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.events.CountryCodes;
import org.newsflow.enrich.events.EventLexicon;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.EnrichPipeline;

/**
 * Event coding against the PETRARCH-2 validation sentences (UniversalPetrarch's PETR2_GSR_validation.xml):
 * codes each gold sentence (the record's date as publication date) and prints detection recall and precision,
 * CAMEO root and PLOVER type accuracy on matched events, source and target country accuracy, the
 * (source country, target country, root) triple accuracy over gold events, and the most frequent mistakes.
 *
 * <p>Matching: within a sentence, each gold event is paired with the unpaired predicted event that agrees
 * best (root first, then source country, then target country). Negated events and events without any actor are not counted as predictions.
 * Gold actor codes: the first three letters are the country (ISO alpha-3); "---" is unknown; IGO... is an
 * intergovernmental organisation, which a predicted actor with sector IGO and no country matches.
 */
public final class EventEval {

    /** A gold or predicted event reduced to what PETR2 gold says. */
    public record Coded(String root, String plover, String source, String target) {}

    /** One gold record. */
    public record Record(String id, String date, String text, List<Coded> gold) {}

    /** The figures. */
    public record Report(int sentences, int goldEvents, int predicted, int matchedGold, int matchedPred, int rootOk,
                         int ploverOk, int sourceOk, int targetOk, int rootOnGold, int ploverOnGold, int tripleOnGold) {
        public double recall() {
            return Scoring.ratio(matchedGold, goldEvents);
        }

        public double precision() {
            return Scoring.ratio(matchedPred, predicted);
        }

        public double rootAccuracy() {
            return Scoring.ratio(rootOk, matchedGold);
        }

        public double ploverAccuracy() {
            return Scoring.ratio(ploverOk, matchedGold);
        }

        public double sourceAccuracy() {
            return Scoring.ratio(sourceOk, matchedGold);
        }

        public double targetAccuracy() {
            return Scoring.ratio(targetOk, matchedGold);
        }

        public double rootOnGoldAccuracy() {
            return Scoring.ratio(rootOnGold, goldEvents);
        }

        public double ploverOnGoldAccuracy() {
            return Scoring.ratio(ploverOnGold, goldEvents);
        }

        public double tripleAccuracy() {
            return Scoring.ratio(tripleOnGold, goldEvents);
        }
    }


    private EventEval() {}

    private static final Pattern SENTENCE = Pattern.compile("<Sentence\\b([^>]*)>(.*?)(?=<Sentence\\b|</Sentences>)", Pattern.DOTALL);
    private static final Pattern CODING = Pattern.compile("<EventCoding\\b([^>]*)/?>");
    private static final Pattern TEXT = Pattern.compile("<Text>(.*?)</Text>", Pattern.DOTALL);

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    /** Reads the records of a PETR2 validation file (it is not well-formed XML, so this reads it by pattern). */
    public static List<Record> read(Path gold, EventLexicon lexicon) {
        String xml;
        try {
            xml = Files.readString(gold, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> records = new ArrayList<>();
        Matcher m = SENTENCE.matcher(xml);
        while (m.find()) {
            String attrs = m.group(1);
            String content = m.group(2);
            Matcher t = TEXT.matcher(content);
            String text = t.find() ? t.group(1).trim().replaceAll("\\s*\\n\\s*", " ") : "";
            List<Coded> events = new ArrayList<>();
            Matcher c = CODING.matcher(content);
            while (c.find()) {
                String code = attr(c.group(1), "eventcode");
                if (code == null) {
                    continue; // noevents="True"
                }
                events.add(new Coded(code.substring(0, 2), lexicon.ploverType(code), country(attr(c.group(1), "sourcecode")),
                        country(attr(c.group(1), "targetcode"))));
            }
            records.add(new Record(attr(attrs, "id"), attr(attrs, "date"), text, events));
        }
        return records;
    }

    static String country(String cameoActor) {
        if (cameoActor == null || cameoActor.length() < 3 || cameoActor.startsWith("---")) {
            return null;
        }
        String head = cameoActor.substring(0, 3).toUpperCase(Locale.ROOT);
        if (head.equals("IGO")) {
            return "IGO";
        }
        return head;
    }

    static String country(Actor a) {
        if (a == null) {
            return null;
        }
        if (a.country() != null) {
            String a3 = CountryCodes.alpha3(a.country());
            return a3 != null ? a3 : a.country();
        }
        return "IGO".equals(a.sector()) ? "IGO" : null;
    }

    static LocalDate publication(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (RuntimeException e) {
            return null; // e.g. "121108": not a full date
        }
    }

    /** Codes the gold file with the default taggers and prints the figures. */
    public static Report run(Path gold, PrintStream out) {
        return run(gold, out, Boolean.getBoolean("newsflow.eval.details"));
    }

    /**
     * Codes the gold file with the default taggers and prints the figures; with {@code details}, also every
     * sentence's gold codings and predicted events (trigger, type, actors), for error analysis.
     */
    public static Report run(Path gold, PrintStream out, boolean details) {
        EnrichFactory factory = EnrichFactory.process();
        NlpPipeline nlp = factory.nlp();
        EnrichPipeline coding = factory.eventsPipeline();
        List<Record> records = read(gold, factory.eventLexicon());
        List<List<Coded>> predictions = new ArrayList<>();
        StatementTally statements = new StatementTally();
        long start = System.nanoTime();
        AtomicInteger progress = new AtomicInteger();
        try (ProgressBar bar = ProgressBar.start("eval events (PETR2)", records.size(), progress::get)) {
            for (Record r : records) {
                List<Coded> pred = new ArrayList<>();
                if (!r.text().isBlank()) {
                    ArticleDoc doc = ArticleDoc.ofText(nlp.analyze(r.text()), publication(r.date()));
                    coding.annotate(doc);
                    List<EventTag> tags = doc.events();
                    statements.add(r.gold(), doc.statementsOrEmpty());
                    for (EventTag e : tags) {
                        // PETR2 codes only events with an identified actor: actorless predictions are not counted
                        if (!e.negated() && (e.source() != null || e.target() != null)) {
                            pred.add(new Coded(e.cameoRoot(), e.type(), country(e.source()), country(e.target())));
                        }
                    }
                    if (details) {
                        out.printf(Locale.ROOT, "== %s %s%n   %s%n", r.id(), r.date(), r.text());
                        for (Coded g : r.gold()) {
                            out.printf(Locale.ROOT, "   gold %s %s -> %s%n", g.root(), g.source(), g.target());
                        }
                        for (EventTag e : tags) {
                            out.printf(Locale.ROOT, "   pred %s %s %s -> %s  [%s]%s%s%n", e.cameoRoot(), e.type(), actor(e.source()),
                                    actor(e.target()), e.trigger().text(), e.negated() ? " negated" : "", e.hypothetical() ? " hypothetical" : "");
                        }
                        for (Statement st : doc.statementsOrEmpty()) {
                            out.printf(Locale.ROOT, "   statement %s %s -> %s  [%s]%s%s%n", st.cameoCode(), actor(st.source()), actor(st.target()),
                                    st.trigger().text(), st.negated() ? " negated" : "", st.hypothetical() ? " hypothetical" : "");
                        }
                    }
                }
                predictions.add(pred);
                progress.incrementAndGet();
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Report report = score(records, predictions, out);
        statements.print(out);
        out.printf(Locale.ROOT, "coded %d sentences in %d ms%n", records.size(), ms);
        return report;
    }

    /** Scores predictions against gold and prints the report. */
    public static Report score(List<Record> records, List<List<Coded>> predictions, PrintStream out) {
        int gold = 0;
        int predicted = 0;
        int matchedGold = 0;
        int rootOk = 0;
        int ploverOk = 0;
        int srcOk = 0;
        int tgtOk = 0;
        int rootOnGold = 0;
        int ploverOnGold = 0;
        int triple = 0;
        int empty = 0;
        Map<String, Integer> mistakes = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            if (r.text().isBlank()) {
                empty++;
            }
            List<Coded> pred = predictions.get(i);
            gold += r.gold().size();
            predicted += pred.size();
            boolean[] used = new boolean[pred.size()];
            for (Coded g : r.gold()) {
                boolean rootSeen = false;
                boolean ploverSeen = false;
                boolean tripleSeen = false;
                for (Coded p : pred) {
                    rootSeen |= g.root().equals(p.root());
                    ploverSeen |= g.plover() != null && g.plover().equals(p.plover());
                    tripleSeen |= g.root().equals(p.root()) && eq(g.source(), p.source()) && eq(g.target(), p.target());
                }
                rootOnGold += rootSeen ? 1 : 0;
                ploverOnGold += ploverSeen ? 1 : 0;
                triple += tripleSeen ? 1 : 0;
                int best = -1;
                int bestScore = -1;
                for (int k = 0; k < pred.size(); k++) {
                    if (used[k]) {
                        continue;
                    }
                    Coded p = pred.get(k);
                    int score = (g.root().equals(p.root()) ? 4 : 0) + (eq(g.source(), p.source()) ? 2 : 0) + (eq(g.target(), p.target()) ? 1 : 0);
                    if (score > bestScore) {
                        bestScore = score;
                        best = k;
                    }
                }
                if (best < 0) {
                    mistakes.merge("missed " + g.root() + " (" + g.plover() + ")", 1, Integer::sum);
                    continue;
                }
                used[best] = true;
                matchedGold++;
                Coded p = pred.get(best);
                if (g.root().equals(p.root())) {
                    rootOk++;
                } else {
                    mistakes.merge("root " + g.root() + " coded as " + p.root(), 1, Integer::sum);
                }
                if (g.plover() != null && g.plover().equals(p.plover())) {
                    ploverOk++;
                }
                if (eq(g.source(), p.source())) {
                    srcOk++;
                } else {
                    mistakes.merge("source " + g.source() + " coded as " + p.source(), 1, Integer::sum);
                }
                if (eq(g.target(), p.target())) {
                    tgtOk++;
                } else {
                    mistakes.merge("target " + g.target() + " coded as " + p.target(), 1, Integer::sum);
                }
            }
            for (int k = 0; k < pred.size(); k++) {
                if (!used[k]) {
                    mistakes.merge("spurious " + pred.get(k).root() + " (" + pred.get(k).plover() + ")"
                            + (r.gold().isEmpty() ? " in a no-event sentence" : ""), 1, Integer::sum);
                }
            }
        }
        int matchedPred = matchedGold;
        Report rep = new Report(records.size(), gold, predicted, matchedGold, matchedPred, rootOk, ploverOk, srcOk, tgtOk,
                rootOnGold, ploverOnGold, triple);
        out.printf(Locale.ROOT, "PETR2 validation: %d sentences (%d without text), %d gold events, %d predicted events (negated and actorless ones excluded)%n",
                records.size(), empty, gold, predicted);
        out.printf(Locale.ROOT, "event detection   recall %.3f (%d/%d)  precision %.3f (%d/%d)%n", rep.recall(), matchedGold, gold,
                rep.precision(), matchedPred, predicted);
        out.printf(Locale.ROOT, "on matched events root-code accuracy %.3f  PLOVER-type accuracy %.3f  source-country %.3f  target-country %.3f%n",
                rep.rootAccuracy(), rep.ploverAccuracy(), rep.sourceAccuracy(), rep.targetAccuracy());
        out.printf(Locale.ROOT, "on gold events    root-code found %.3f (%d/%d)  PLOVER type found %.3f (%d/%d)  full triple %.3f (%d/%d)%n",
                rep.rootOnGoldAccuracy(), rootOnGold, gold, rep.ploverOnGoldAccuracy(), ploverOnGold, gold, rep.tripleAccuracy(), triple, gold);
        out.println("most frequent mistakes:");
        Map<String, Integer> sorted = new LinkedHashMap<>();
        mistakes.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> out.printf(Locale.ROOT, "  %3d  %s%n", v, k));
        return rep;
    }

    /**
     * CAMEO 01x statements are not events (no PLOVER type) and take no part in the figures above: they are counted
     * apart, with the gold's root-01 events as a rough check (found = a statement in that sentence; source = one of
     * them has the gold source's country).
     */
    static final class StatementTally {
        int coded;
        int gold;
        int found;
        int sourceOk;

        void add(List<Coded> goldEvents, List<Statement> predicted) {
            coded += predicted.size();
            for (Coded g : goldEvents) {
                if (g.root().equals("01")) {
                    gold++;
                    found += predicted.isEmpty() ? 0 : 1;
                    sourceOk += predicted.stream().anyMatch(st -> g.source() != null && g.source().equals(country(st.source()))) ? 1 : 0;
                }
            }
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "statements (CAMEO 01x, not events, not in the figures above): %d coded; gold root-01 events %d: "
                    + "a statement in their sentence %d, with the gold source country %d%n", coded, gold, found, sourceOk);
        }
    }

    private static String actor(Actor a) {
        return a == null ? "?" : country(a) + "/" + a.sector() + "(" + a.name() + ")";
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
