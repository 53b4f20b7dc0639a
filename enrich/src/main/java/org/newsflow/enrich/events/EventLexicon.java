package org.newsflow.enrich.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.PloverType;

/**
 * The analyst-editable data of the event tagger, loaded from {@code /events/*.tsv} on the classpath:
 * triggers, CAMEO code table, ASSAULT modes, context cues and actor sectors. Immutable after loading.
 */
public final class EventLexicon {

    /** One element of a trigger pattern: a set of alternative lemmas, or a gap ("~"). */
    record Element(Set<String> lemmas, boolean gap) {}

    /**
     * A trigger entry.
     *
     * @param elements pattern elements (lemma alternatives and gaps)
     * @param pos V, N, A or *
     * @param code CAMEO code
     * @param mode PLOVER mode or null
     * @param targets target slots: obj, iobj, place or prepositions
     * @param symmetric the relation goes both ways
     * @param absorb the trigger's content clause is not coded separately
     * @param reverse the subject receives: the source is the target-slot party ("received weapons from X": X -> subject)
     */
    public record Trigger(String pattern, List<Element> elements, String pos, String code, String mode,
                          Set<String> targets, boolean symmetric, boolean absorb, boolean reverse) {
        public String root() {
            return code.substring(0, 2);
        }

        int words() {
            return (int) elements.stream().filter(e -> !e.gap()).count();
        }
    }

    /** A row of cameo.tsv. */
    public record CodeInfo(String code, String plover, int quadClass, String label) {}

    /** A row of modes.tsv or actors.tsv: a lemma sequence and its value. */
    public record Phrase(List<String> lemmas, String value, String code) {}

    private final List<Trigger> triggers;
    private final Map<String, List<Trigger>> triggersByFirstLemma = new HashMap<>();
    private final Map<String, CodeInfo> codes = new HashMap<>();
    private final List<Phrase> modes;
    private final List<Phrase> sectors;
    private final Set<String> sectorWords;
    private final Map<String, Set<String>> cues = new HashMap<>();
    /** CAMEO code -> {PLOVER type, mode} from the generated cameo_plover.tsv (CAMEO2PLOVER 2021). */
    private final Map<String, String[]> plover = new HashMap<>();
    /** CAMEO root of a promised action -> the code of the promise (promises.tsv). */
    private final Map<String, String> promises = new HashMap<>();
    /** Known office holders: normalised full name -> {country, sector}; surname -> countries (when unambiguous). */

    private EventLexicon(List<Trigger> triggers, List<CodeInfo> codes, List<Phrase> modes, List<Phrase> sectors,
                         Map<String, Set<String>> cues) {
        List<Trigger> sorted = new ArrayList<>(triggers);
        // longer patterns first, so "open fire" wins over "fire" and "air strike" over "strike"
        sorted.sort(Comparator.comparingInt(Trigger::words).reversed());
        this.triggers = List.copyOf(sorted);
        for (Trigger t : this.triggers) {
            for (String first : t.elements().get(0).lemmas()) {
                triggersByFirstLemma.computeIfAbsent(first, k -> new ArrayList<>()).add(t);
            }
        }
        codes.forEach(c -> this.codes.put(c.code(), c));
        this.modes = List.copyOf(modes);
        this.sectors = List.copyOf(sectors);
        Set<String> words = new HashSet<>();
        for (Phrase p : sectors) {
            words.addAll(p.lemmas());
        }
        this.sectorWords = Set.copyOf(words);
        cues.forEach((k, v) -> this.cues.put(k, Set.copyOf(v)));
    }

    /** Loads the lexicon shipped in the enrich jar. */
    public static EventLexicon loadDefault() {
        return load("/events/");
    }

    /** Loads triggers.tsv, cameo.tsv, modes.tsv, cues.tsv and actors.tsv from a classpath folder. */
    public static EventLexicon load(String classpathFolder) {
        List<Trigger> triggers = new ArrayList<>();
        for (String[] row : rows(classpathFolder + "triggers.tsv")) {
            if (row.length < 3) {
                throw new IllegalArgumentException("triggers.tsv: need at least pattern, pos, code: " + String.join("|", row));
            }
            String pattern = row[0].trim();
            List<Element> elements = new ArrayList<>();
            for (String part : pattern.split("\\s+")) {
                if (part.equals("~")) {
                    elements.add(new Element(Set.of(), true));
                } else {
                    elements.add(new Element(Set.of(part.toLowerCase(Locale.ROOT).split("\\|")), false));
                }
            }
            String mode = cell(row, 3);
            Set<String> targets = new HashSet<>();
            String t = cell(row, 4);
            if (t == null) {
                targets.add("obj");
            } else {
                targets.addAll(Arrays.asList(t.split(",")));
            }
            String flags = cell(row, 5);
            Set<String> flagSet = flags == null ? Set.of() : Set.of(flags.split(","));
            triggers.add(new Trigger(pattern, elements, row[1].trim(), row[2].trim(), mode, Set.copyOf(targets),
                    flagSet.contains("sym"), flagSet.contains("absorb"), flagSet.contains("rev")));
        }
        List<CodeInfo> codes = new ArrayList<>();
        for (String[] row : rows(classpathFolder + "cameo.tsv")) {
            codes.add(new CodeInfo(row[0].trim(), PloverType.parse(row[1]).name(), Integer.parseInt(row[2].trim()), row.length > 3 ? row[3].trim() : ""));
        }
        List<Phrase> modes = new ArrayList<>();
        for (String[] row : rows(classpathFolder + "modes.tsv")) {
            modes.add(new Phrase(List.of(row[0].trim().toLowerCase(Locale.ROOT).split("\\s+")), row[1].trim(), cell(row, 2)));
        }
        List<Phrase> sectors = new ArrayList<>();
        for (String[] row : rows(classpathFolder + "actors.tsv")) {
            sectors.add(new Phrase(List.of(row[0].trim().toLowerCase(Locale.ROOT).split("\\s+")), row[1].trim(), null));
        }
        Map<String, Set<String>> cues = new HashMap<>();
        for (String[] row : rows(classpathFolder + "cues.tsv")) {
            cues.computeIfAbsent(row[0].trim(), k -> new HashSet<>()).add(row[1].trim().toLowerCase(Locale.ROOT));
        }
        EventLexicon lexicon = new EventLexicon(triggers, codes, modes, sectors, cues);
        if (EventLexicon.class.getResource(classpathFolder + "promises.tsv") != null) {
            for (String[] row : rows(classpathFolder + "promises.tsv")) {
                lexicon.promises.put(row[0].trim(), row[1].trim());
            }
        }
        if (EventLexicon.class.getResource(classpathFolder + "cameo_plover.tsv") != null) {
            for (String[] row : rows(classpathFolder + "cameo_plover.tsv")) {
                lexicon.plover.put(row[0].trim(), new String[] {PloverType.parse(row[1]).name(), cell(row, 2)});
            }
        }
        for (Trigger tr : lexicon.triggers) {
            if (lexicon.codeInfo(tr.code()) == null) {
                throw new IllegalArgumentException("triggers.tsv: CAMEO code " + tr.code() + " of '" + tr.pattern() + "' has no row in cameo.tsv");
            }
        }
        return lexicon;
    }

    private static String cell(String[] row, int i) {
        if (row.length <= i) {
            return null;
        }
        String v = row[i].trim();
        return v.isEmpty() || v.equals("-") ? null : v;
    }

    private static List<String[]> rows(String resource) {
        InputStream in = EventLexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public List<Trigger> triggers() {
        return triggers;
    }

    /** Triggers whose pattern may start with this lemma, longest patterns first. */
    List<Trigger> triggersStartingWith(String lemma) {
        return triggersByFirstLemma.getOrDefault(lemma, List.of());
    }

    /** The row of cameo.tsv for the longest prefix of the code, or null. */
    public CodeInfo codeInfo(String code) {
        for (int n = code.length(); n >= 2; n--) {
            CodeInfo c = codes.get(code.substring(0, n));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /**
     * PLOVER type of a CAMEO code, or null when it has none (root 01): the longest prefix in the CAMEO-to-PLOVER
     * table (cameo_plover.tsv), else cameo.tsv (which also covers root 02, absent from that table).
     */
    public String ploverType(String code) {
        String[] p = ploverRow(code);
        if (p != null) {
            return p[0];
        }
        CodeInfo c = codeInfo(code);
        return c == null ? null : c.plover();
    }

    /** The code of a promise to do what {@code code} codes ("will support" = 032), or null when none applies. */
    public String promiseCode(String code) {
        return promises.get(code.substring(0, 2));
    }

    /** PLOVER mode of a CAMEO code in the CAMEO-to-PLOVER table ("release", "ceasefire", "firearms"), or null. */
    public String cameoMode(String code) {
        String[] p = ploverRow(code);
        return p == null ? null : p[1];
    }

    private String[] ploverRow(String code) {
        for (int n = code.length(); n >= 2; n--) {
            String[] p = plover.get(code.substring(0, n));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    List<Phrase> modes() {
        return modes;
    }

    List<Phrase> sectors() {
        return sectors;
    }

    /** The lemma is a word of some actors.tsv phrase ("troops", "rebel", "minister"). */
    boolean sectorWord(String lemma) {
        return sectorWords.contains(lemma);
    }

    boolean cue(String category, String lemma) {
        return cues.getOrDefault(category, Set.of()).contains(lemma.toLowerCase(Locale.ROOT));
    }
}
