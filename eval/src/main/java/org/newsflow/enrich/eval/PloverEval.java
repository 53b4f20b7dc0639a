package org.newsflow.enrich.eval;

import org.newsflow.contract.ProgressBar;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.EventTag;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.events.CountryCodes;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.EnrichPipeline;

/**
 * Event typing against the PLOVER gold-standard records ({@code PLOVER_GSR_dev.json}: one event per sentence,
 * PLOVER 0.5 type names, source/target actor codes). Codes each sentence (its date as publication date) and
 * reports the share of sentences whose gold type is among the types found, the share of those whose gold source
 * country is the source of a found event of that type (sentences whose gold source has a country), and the
 * number of distinct types found per sentence (over-generation).
 *
 * <p>Predictions counted: every published event with a PLOVER type that is not negated (hypothetical events
 * count: "threatened to attack" is a THREATEN, an intended action carries its own type).
 */
public final class PloverEval {

    /** One gold record: text, publication date, gold type (2021 name), gold source countries (alpha-3). */
    public record Record(String id, String date, String text, String type, Set<String> sourceCountries) {}

    /** One coded sentence: the distinct types found and, per type, the source countries (alpha-3). */
    public record Found(Map<String, Set<String>> sourcesByType) {}

    /** The figures. */
    public record Report(int sentences, int typeFound, int withSourceCountry, int sourceOk, int distinctTypes) {
        public double typeShare() {
            return Scoring.ratio(typeFound, sentences);
        }

        public double sourceShare() {
            return Scoring.ratio(sourceOk, withSourceCountry);
        }

        public double typesPerSentence() {
            return sentences == 0 ? 0 : (double) distinctTypes / sentences;
        }
    }

    /** PLOVER 0.5 names of the gold file -> the 2021 types the tagger emits. */
    private static final Map<String, String> TYPE_2021 = Map.of(
            "DEMAND", "REQUEST", "DISAPPROVE", "ACCUSE", "FIGHT", "ASSAULT", "INVESTIGATE", "ACCUSE");

    private PloverEval() {}

    static String type2021(String goldType) {
        return TYPE_2021.getOrDefault(goldType, goldType);
    }

    /** Reads the gold records (the DOCUMENT record and records without text are skipped). */
    public static List<Record> read(Path gold) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(gold.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> out = new ArrayList<>();
        for (JsonNode r : root) {
            String type = r.path("event").asText("");
            String text = r.path("text").asText("").trim();
            if (type.equals("DOCUMENT") || text.isEmpty()) {
                continue;
            }
            Set<String> sources = new LinkedHashSet<>();
            for (JsonNode a : r.path("source")) {
                String c = country(a.path("code").asText(""));
                if (c != null) {
                    sources.add(c);
                }
            }
            out.add(new Record(r.path("id").asText(), r.path("date").asText(null), text, type2021(type), sources));
        }
        return out;
    }

    /** The country (alpha-3) of a CAMEO actor code, or null when it is not a country (IGO, NGO, ISM...). */
    static String country(String cameoActor) {
        if (cameoActor.length() < 3) {
            return null;
        }
        String a3 = cameoActor.substring(0, 3).toUpperCase(Locale.ROOT);
        if (a3.equals("JAP")) {
            a3 = "JPN"; // an old CAMEO spelling of Japan
        }
        return CountryCodes.alpha2(a3) != null ? a3 : null;
    }

    /** Codes every gold sentence with the default taggers and prints the figures. */
    public static Report run(Path gold, PrintStream out, boolean details) {
        EnrichFactory factory = EnrichFactory.process();
        NlpPipeline nlp = factory.nlp();
        EnrichPipeline coding = factory.eventsPipeline();
        List<Record> records = read(gold);
        List<Found> found = new ArrayList<>();
        int statements = 0; // CAMEO 01x: not events, not scored
        AtomicInteger progress = new AtomicInteger();
        try (ProgressBar bar = ProgressBar.start("eval events (PLOVER dev)", records.size(), progress::get)) {
            for (Record r : records) {
                ArticleDoc doc = ArticleDoc.ofText(nlp.analyze(r.text()), publication(r.date()));
                coding.annotate(doc);
                statements += doc.statementsOrEmpty().size();
                Map<String, Set<String>> byType = new LinkedHashMap<>();
                for (EventTag e : doc.events()) {
                    if (e.type() == null || e.negated()) {
                        continue;
                    }
                    Set<String> src = byType.computeIfAbsent(e.type(), k -> new LinkedHashSet<>());
                    if (e.source() != null && e.source().country() != null) {
                        src.add(CountryCodes.alpha3(e.source().country()));
                    }
                }
                found.add(new Found(byType));
                if (details) {
                    out.printf(Locale.ROOT, "== %s gold %s %s%n   %s%n", r.id(), r.type(), r.sourceCountries(), r.text());
                    for (EventTag e : doc.events()) {
                        out.printf(Locale.ROOT, "   pred %s/%s %s -> %s [%s]%s%s%n", e.type(), e.cameoRoot(),
                                e.source() == null ? "?" : e.source().country() + "/" + e.source().sector(),
                                e.target() == null ? "?" : e.target().country() + "/" + e.target().sector(), e.trigger().text(),
                                e.negated() ? " negated" : "", e.hypothetical() ? " hypothetical" : "");
                    }
                    for (org.newsflow.contract.Statement st : doc.statementsOrEmpty()) {
                        out.printf(Locale.ROOT, "   statement %s %s [%s]%n", st.cameoCode(),
                                st.source().country() + "/" + st.source().sector(), st.trigger().text());
                    }
                }
                progress.incrementAndGet();
            }
        }
        Report report = score(records, found, out);
        out.printf(Locale.ROOT, "statements (CAMEO 01x, not events, not in the figures above): %d coded%n", statements);
        return report;
    }

    /** Scores and prints; per gold type, how often it was found, so the weak types show. */
    public static Report score(List<Record> records, List<Found> found, PrintStream out) {
        int typeFound = 0;
        int withCountry = 0;
        int sourceOk = 0;
        int distinct = 0;
        Map<String, int[]> perType = new java.util.TreeMap<>();
        Map<String, Integer> confusions = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            Map<String, Set<String>> byType = found.get(i).sourcesByType();
            distinct += byType.size();
            int[] pt = perType.computeIfAbsent(r.type(), k -> new int[2]);
            pt[1]++;
            if (!byType.containsKey(r.type())) {
                confusions.merge(r.type() + " -> " + (byType.isEmpty() ? "nothing" : String.join("+", byType.keySet())), 1, Integer::sum);
                continue;
            }
            typeFound++;
            pt[0]++;
            if (!r.sourceCountries().isEmpty()) {
                withCountry++;
                if (byType.get(r.type()).stream().anyMatch(r.sourceCountries()::contains)) {
                    sourceOk++;
                }
            }
        }
        Report rep = new Report(records.size(), typeFound, withCountry, sourceOk, distinct);
        out.printf(Locale.ROOT, "PLOVER dev: %d sentences%n", rep.sentences());
        out.printf(Locale.ROOT, "gold type among types found %.3f (%d/%d)  source country right among those %.3f (%d/%d)  distinct types per sentence %.2f%n",
                rep.typeShare(), typeFound, rep.sentences(), rep.sourceShare(), sourceOk, withCountry, rep.typesPerSentence());
        StringBuilder sb = new StringBuilder("per gold type (found/all):");
        perType.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1]));
        out.println(sb);
        out.println("most frequent misses (gold -> found):");
        confusions.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(e -> out.printf(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey()));
        return rep;
    }

    private static LocalDate publication(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
