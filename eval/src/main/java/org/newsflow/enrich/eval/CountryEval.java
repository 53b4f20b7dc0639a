package org.newsflow.enrich.eval;

import org.newsflow.contract.ProgressBar;
import java.util.concurrent.atomic.AtomicInteger;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.newsflow.contract.CountryTag;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.geo.Gazetteer;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.EnrichPipeline;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Country tagging measured on the LGL corpus (local news, gold toponyms with GeoNames countries), for newsflow's
 * tagger and, in the same run, for plain CoreNLP (default {@code tokenize,ssplit,pos,lemma,ner}: its LOCATION,
 * COUNTRY, CITY, STATE_OR_PROVINCE and NATIONALITY mentions mapped through the same gazetteer without context).
 *
 * <ul>
 *   <li>per-article country sets: the countries of an article's gold toponyms against the countries tagged,
 *       micro-averaged precision, recall and F1 over all articles (and the macro average of per-article F1);</li>
 *   <li>toponyms: a gold toponym is found when a tagged span overlaps it (recall = found / gold), and is correct
 *       when that span's country is the gold country (accuracy = correct / found).</li>
 * </ul>
 * Set the system property {@code newsflow.eval.errors} to a file path to get every miss and error listed there.
 */
public final class CountryEval {
    private static final Set<String> BASELINE_CLASSES = Set.of("LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "NATIONALITY");
    /** GeoNames country names that are not a name or variant in the gazetteer. */
    private static final Map<String, String> GEONAMES_NAMES = Map.of(
            "Palestinian Territory", "PS", "Czech Republic", "CZ", "Macedonia", "MK", "Vatican", "VA",
            "Republic of the Congo", "CG", "Democratic Republic of the Congo", "CD", "Myanmar", "MM");

    private CountryEval() {}

    /** The figures of one system. */
    public record Scores(String system, int articles, int goldToponyms, int found, int correct, int tp, int fp, int fn,
                         double macroF1, double msPerArticle) {
        public double toponymRecall() {
            return Scoring.ratio(found, goldToponyms);
        }

        public double toponymAccuracy() {
            return Scoring.ratio(correct, found);
        }

        public double precision() {
            return Scoring.ratio(tp, tp + fp);
        }

        public double recall() {
            return Scoring.ratio(tp, tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }


    /** newsflow's scores and, when asked for, the baseline's (else null). */
    public record Report(Scores ours, Scores baseline) {}

    record Toponym(int start, int end, String phrase, String country) {}

    record Article(String id, String text, List<Toponym> toponyms) {}

    /** A system's output for one article: tagged spans with their country, and the article's country set. */
    record Tagged(List<int[]> spans, List<String> countries, Set<String> countrySet) {}

    public static Report run(Path lglXml, int limit, boolean withBaseline, PrintStream out) {
        EnrichFactory factory = EnrichFactory.process();
        Gazetteer gaz = factory.gazetteer();
        List<Article> articles = parse(lglXml, gaz, limit);
        out.printf(Locale.ROOT, "LGL: %d articles, %d gold toponyms with a country (%s)%n", articles.size(),
                articles.stream().mapToInt(a -> a.toponyms().size()).sum(), lglXml);
        PrintStream errors = errorStream();

        EnrichPipeline tagging = factory.countriesAndPeoplePipeline();
        NlpPipeline nlp = factory.nlp();
        nlp.analyze("Warm-up sentence in Paris.");
        long tagNanos = 0;
        long start = System.nanoTime();
        List<Tagged> ours = new ArrayList<>();
        AtomicInteger progress = new AtomicInteger();
        try (ProgressBar bar = ProgressBar.start("eval countries", articles.size(), progress::get)) {
            for (Article a : articles) {
                AnalyzedText t = nlp.analyze(a.text());
                long t0 = System.nanoTime();
                // as the enricher does: countries, people, and places that are people's names dropped
                ArticleDoc doc = ArticleDoc.ofText(t, null);
                tagging.annotate(doc);
                GeoResult r = doc.geo();
                tagNanos += System.nanoTime() - t0;
                List<int[]> spans = new ArrayList<>();
                List<String> cs = new ArrayList<>();
                for (GeoMention m : r.mentions()) {
                    spans.add(new int[] {m.begin(), m.end()});
                    cs.add(m.country());
                }
                Set<String> set = new TreeSet<>();
                for (CountryTag c : r.countries()) {
                    set.add(c.code());
                }
                ours.add(new Tagged(spans, cs, set));
                progress.incrementAndGet();
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / Math.max(1, articles.size());
        Scores s1 = score("newsflow", articles, ours, ms, errors);
        print(out, s1);
        out.printf(Locale.ROOT, "  country + people taggers: %.3f ms per article (after CoreNLP 3-class NER)%n", tagNanos / 1e6 / Math.max(1, articles.size()));

        Scores s2 = null;
        if (withBaseline) {
            NlpPipeline base = NlpPipeline.withProperties(NlpPipeline.baselineProperties());
            base.annotateRaw("Warm-up sentence in Paris.");
            start = System.nanoTime();
            List<Tagged> theirs = new ArrayList<>();
            for (Article a : articles) {
                theirs.add(baseline(base.annotateRaw(a.text()), a.text(), gaz));
            }
            ms = (System.nanoTime() - start) / 1e6 / Math.max(1, articles.size());
            s2 = score("baseline (CoreNLP default NER + gazetteer)", articles, theirs, ms, null);
            print(out, s2);
        }
        if (errors != null) {
            errors.close();
        }
        return new Report(s1, s2);
    }

    private static PrintStream errorStream() {
        String path = System.getProperty("newsflow.eval.errors");
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return new PrintStream(Files.newOutputStream(Path.of(path)), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    static Tagged baseline(Annotation ann, String text, Gazetteer gaz) {
        List<int[]> spans = new ArrayList<>();
        List<String> cs = new ArrayList<>();
        Set<String> set = new TreeSet<>();
        for (CoreMap s : ann.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> toks = s.get(CoreAnnotations.TokensAnnotation.class);
            int i = 0;
            while (i < toks.size()) {
                String ner = toks.get(i).ner();
                if (ner == null || !BASELINE_CLASSES.contains(ner)) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < toks.size() && ner.equals(toks.get(j + 1).ner())) {
                    j++;
                }
                int b = toks.get(i).beginPosition();
                int e = toks.get(j).endPosition();
                Optional<String> cc = gaz.resolveSimple(text.substring(b, e));
                if (cc.isPresent()) {
                    spans.add(new int[] {b, e});
                    cs.add(cc.get());
                    set.add(cc.get());
                }
                i = j + 1;
            }
        }
        return new Tagged(spans, cs, set);
    }

    static Scores score(String system, List<Article> articles, List<Tagged> tagged, double ms, PrintStream errors) {
        int gold = 0;
        int found = 0;
        int correct = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        double f1Sum = 0;
        for (int k = 0; k < articles.size(); k++) {
            Article a = articles.get(k);
            Tagged t = tagged.get(k);
            Set<String> goldSet = new TreeSet<>();
            for (Toponym g : a.toponyms()) {
                goldSet.add(g.country());
                gold++;
                String got = null;
                for (int i = 0; i < t.spans().size(); i++) {
                    int[] sp = t.spans().get(i);
                    if (sp[0] < g.end() && g.start() < sp[1]) {
                        got = t.countries().get(i);
                        if (got.equals(g.country())) {
                            break;
                        }
                    }
                }
                if (got != null) {
                    found++;
                    if (got.equals(g.country())) {
                        correct++;
                    } else if (errors != null) {
                        errors.printf("WRONG\t%s\t%s\tgold=%s\tgot=%s\t%s%n", a.id(), g.phrase(), g.country(), got, context(a.text(), g));
                    }
                } else if (errors != null) {
                    errors.printf("MISS\t%s\t%s\tgold=%s\t%s%n", a.id(), g.phrase(), g.country(), context(a.text(), g));
                }
            }
            int atp = 0;
            for (String c : t.countrySet()) {
                if (goldSet.contains(c)) {
                    atp++;
                }
            }
            int afp = t.countrySet().size() - atp;
            int afn = goldSet.size() - atp;
            tp += atp;
            fp += afp;
            fn += afn;
            double p = t.countrySet().isEmpty() ? (goldSet.isEmpty() ? 1 : 0) : (double) atp / t.countrySet().size();
            double r = goldSet.isEmpty() ? 1 : (double) atp / goldSet.size();
            f1Sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (errors != null && (afp > 0 || afn > 0)) {
                StringBuilder spurious = new StringBuilder();
                for (int i = 0; i < t.spans().size(); i++) {
                    if (!goldSet.contains(t.countries().get(i))) {
                        int[] sp = t.spans().get(i);
                        spurious.append(t.countries().get(i)).append(':').append(a.text(), sp[0], sp[1]).append(' ');
                    }
                }
                errors.printf("SET\t%s\tgold=%s\tgot=%s\t%s%n", a.id(), goldSet, t.countrySet(), spurious.toString().trim());
            }
        }
        return new Scores(system, articles.size(), gold, found, correct, tp, fp, fn, f1Sum / Math.max(1, articles.size()), ms);
    }

    private static String context(String text, Toponym g) {
        int b = Math.max(0, g.start() - 50);
        int e = Math.min(text.length(), g.end() + 50);
        return text.substring(b, e).replace('\n', ' ');
    }

    private static void print(PrintStream out, Scores s) {
        out.printf(Locale.ROOT, "%s%n", s.system());
        out.printf(Locale.ROOT, "  per-article country sets: precision %.3f  recall %.3f  F1 %.3f  (macro F1 %.3f; tp %d fp %d fn %d)%n",
                s.precision(), s.recall(), s.f1(), s.macroF1(), s.tp(), s.fp(), s.fn());
        out.printf(Locale.ROOT, "  toponyms: recall %.3f (%d of %d found)  country accuracy %.3f (%d of %d found)%n",
                s.toponymRecall(), s.found(), s.goldToponyms(), s.toponymAccuracy(), s.correct(), s.found());
        out.printf(Locale.ROOT, "  %.1f ms per article end to end (%d articles)%n", s.msPerArticle(), s.articles());
    }

    static List<Article> parse(Path xml, Gazetteer gaz, int limit) {
        try (InputStream in = Files.newInputStream(xml)) {
            Document doc = SafeXml.documentBuilder().parse(in);
            NodeList arts = doc.getElementsByTagName("article");
            List<Article> out = new ArrayList<>();
            Map<String, String> codes = new HashMap<>();
            for (int i = 0; i < arts.getLength() && (limit <= 0 || out.size() < limit); i++) {
                Element a = (Element) arts.item(i);
                String text = a.getElementsByTagName("text").item(0).getTextContent();
                List<Toponym> tops = new ArrayList<>();
                NodeList ts = a.getElementsByTagName("toponym");
                for (int k = 0; k < ts.getLength(); k++) {
                    Element t = (Element) ts.item(k);
                    NodeList cn = t.getElementsByTagName("country");
                    if (cn.getLength() == 0) {
                        continue;
                    }
                    String name = cn.item(0).getTextContent().trim();
                    String cc = codes.computeIfAbsent(name, n -> code(n, gaz));
                    if (cc == null) {
                        continue;
                    }
                    int s = Integer.parseInt(t.getElementsByTagName("start").item(0).getTextContent().trim());
                    int e = Integer.parseInt(t.getElementsByTagName("end").item(0).getTextContent().trim());
                    tops.add(new Toponym(s, e, t.getElementsByTagName("phrase").item(0).getTextContent(), cc));
                }
                out.add(new Article(a.getAttribute("docid"), text, tops));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + xml + ": " + e, e);
        }
    }

    private static String code(String geonamesName, Gazetteer gaz) {
        if (GEONAMES_NAMES.containsKey(geonamesName)) {
            return GEONAMES_NAMES.get(geonamesName);
        }
        return gaz.countryOfName(geonamesName).map(Gazetteer.Country::alpha2).orElse(null);
    }
}
