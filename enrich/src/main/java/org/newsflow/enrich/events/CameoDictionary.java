package org.newsflow.enrich.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CAMEO verb dictionary in newsflow's compact form ({@code /events/cameo_verbs.tsv}, generated once by
 * {@code tools/cameo/convert_cameo.py} from PETRARCH2's CAMEO.2.0.txt, MIT): verb lemmas grouped in synonym
 * blocks, and per block the patterns (subject, particle, object, prepositional objects) that give a CAMEO code.
 * Immutable after loading.
 */
public final class CameoDictionary {

    /** A phrase constraint: any of the head's words, and modifier word sets that must all occur in the phrase. */
    public record Phrase(Set<String> head, List<Set<String>> modifiers) {
        int weight() {
            return 1 + modifiers.size();
        }
    }

    /** A prepositional-object constraint; {@code object} null when any object will do ("(AGAINST)"). */
    public record Prep(String prep, Phrase object) {}

    /**
     * One pattern: the code it gives when its constraints hold. Null constraints are absent. {@code verb} is the
     * block's verb the pattern was written for ({@link Verb#key()}, from the source's comment: {@code - * PART
     * [030] # TAKE}), null when the source names none. {@code reversed}: the event goes from the other party to the
     * subject (TABARI's {@code [:100]}, written {@code :100} in the file: "X faces pressure from Y" is Y -> X).
     */
    public record Pattern(String block, String code, Phrase subject, String particle, Phrase object, List<Prep> preps,
            String verb, boolean reversed) {
        /** How many words the pattern asks for: more specific patterns win. */
        int weight() {
            int w = (subject == null ? 0 : subject.weight()) + (particle == null ? 0 : 1) + (object == null ? 0 : object.weight());
            for (Prep p : preps) {
                w += 1 + (p.object() == null ? 0 : p.object().weight());
            }
            return w;
        }

        /** Every word a match needs to find somewhere in the sentence (the head alternatives as one set each). */
        List<Set<String>> requiredWords() {
            List<Set<String>> out = new ArrayList<>();
            if (particle != null) {
                out.add(Set.of(particle));
            }
            if (object != null) {
                out.add(object.head());
            }
            for (Prep p : preps) {
                out.add(Set.of(p.prep()));
                if (p.object() != null) {
                    out.add(p.object().head());
                }
            }
            return out;
        }
    }

    /**
     * A verb of a block: its own code (null: the verb alone is no event), the other words of a multiword verb, and
     * whether the code was written for the verb itself ({@code EVACUATE [070]}) rather than inherited from its
     * block's header ({@code --- HELP [070] ---} for "give", "issue"...).
     */
    public record Verb(String lemma, String block, String code, List<String> extra, boolean ownCodeWritten) {

        /** The verb as patterns name it: the lemma, then the other words of a multiword verb ("call off"). */
        public String key() {
            return extra.isEmpty() ? lemma : lemma + " " + String.join(" ", extra);
        }
    }

    private final Map<String, List<Verb>> verbsByLemma = new HashMap<>();
    private final Map<String, List<Pattern>> patternsByBlock = new HashMap<>();
    /** Pattern word -> the words it stands for (cameo_equivalents.tsv), used only while reading. */
    private final Map<String, Set<String>> equivalents = new HashMap<>();

    private CameoDictionary() {}

    public static CameoDictionary loadDefault() {
        return parse(rows("/events/cameo_verbs.tsv"), rows("/events/cameo_equivalents.tsv"));
    }

    public static CameoDictionary load(String resource) {
        return parse(rows(resource));
    }

    private static List<String> rows(String resource) {
        InputStream in = CameoDictionary.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Builds a dictionary from rows in the cameo_verbs.tsv format (for tests). */
    public static CameoDictionary parse(List<String> lines) {
        return parse(lines, List.of());
    }

    /**
     * Builds a dictionary from rows in the cameo_verbs.tsv format and rows of equivalent words
     * (cameo_equivalents.tsv: {@code relations|ties}): a pattern word matches each word of its row.
     */
    public static CameoDictionary parse(List<String> lines, List<String> equivalentRows) {
        CameoDictionary d = new CameoDictionary();
        for (String row : equivalentRows) {
            List<String> words = List.of(row.trim().toLowerCase(Locale.ROOT).split("\\|"));
            for (String w : words) {
                d.equivalents.computeIfAbsent(w, k -> new HashSet<>()).addAll(words);
            }
        }
        Map<String, Set<String>> synsets = new HashMap<>();
        for (String line : lines) {
            String[] c = line.split("\t", -1);
            switch (c[0]) {
                case "S" -> {
                    Set<String> words = new HashSet<>();
                    for (String w : c[2].split("\\|")) {
                        d.addWithEquivalents(words, lastWord(w));
                    }
                    synsets.put(c[1], words);
                }
                case "V" -> d.verbsByLemma.computeIfAbsent(c[2], k -> new ArrayList<>())
                        .add(new Verb(c[2], c[1], dash(c[3]), c[4].equals("-") ? List.of() : List.of(c[4].split("\\|")),
                                c.length > 5 && c[5].equals("own")));
                case "P" -> {
                    List<Prep> preps = new ArrayList<>();
                    if (!c[6].equals("-")) {
                        for (String p : c[6].split(";")) {
                            int colon = p.indexOf(':');
                            String np = p.substring(colon + 1);
                            preps.add(new Prep(p.substring(0, colon), np.isEmpty() ? null : d.phrase(np, synsets)));
                        }
                    }
                    boolean reversed = c[2].startsWith(":");
                    d.patternsByBlock.computeIfAbsent(c[1], k -> new ArrayList<>()).add(new Pattern(c[1],
                            reversed ? c[2].substring(1) : c[2], dash(c[3]) == null ? null : d.phrase(c[3], synsets), dash(c[4]),
                            dash(c[5]) == null ? null : d.phrase(c[5], synsets), List.copyOf(preps),
                            c.length > 7 ? dash(c[7]) : null, reversed));
                }
                default -> throw new IllegalArgumentException("cameo_verbs.tsv: unknown row " + line);
            }
        }
        return d;
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() || s.equals("-") ? null : s;
    }

    private static String lastWord(String phrase) {
        String[] w = phrase.trim().split("\\s+");
        return w[w.length - 1];
    }

    /** A dictionary word and its naive singular, so that lemmas ("sanction") meet plural entries ("sanctions"). */
    static void addForms(Set<String> out, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        out.add(w);
        if (w.endsWith("ies") && w.length() > 4) {
            out.add(w.substring(0, w.length() - 3) + "y");
        } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            out.add(w.substring(0, w.length() - 1));
        }
    }

    /** The word's forms ({@link #addForms}) and those of its equivalents. */
    private void addWithEquivalents(Set<String> out, String word) {
        addForms(out, word);
        for (String e : equivalents.getOrDefault(word.toLowerCase(Locale.ROOT), Set.of())) {
            addForms(out, e);
        }
    }

    private Set<String> words(String token, Map<String, Set<String>> synsets) {
        if (token.startsWith("&")) {
            Set<String> s = synsets.get(token.substring(1));
            if (s == null) {
                throw new IllegalArgumentException("cameo_verbs.tsv: undefined synset " + token);
            }
            return s;
        }
        Set<String> out = new HashSet<>();
        addWithEquivalents(out, token);
        return Set.copyOf(out);
    }

    private Phrase phrase(String text, Map<String, Set<String>> synsets) {
        String[] w = text.trim().split("\\s+");
        List<Set<String>> mods = new ArrayList<>();
        for (int i = 0; i < w.length - 1; i++) {
            mods.add(words(w[i], synsets));
        }
        return new Phrase(words(w[w.length - 1], synsets), List.copyOf(mods));
    }

    /** The blocks' entries for a verb lemma (several blocks may list the same verb). */
    public List<Verb> verbs(String lemma) {
        return verbsByLemma.getOrDefault(lemma, List.of());
    }

    public List<Pattern> patterns(String block) {
        return patternsByBlock.getOrDefault(block, List.of());
    }

    public int verbCount() {
        return verbsByLemma.values().stream().mapToInt(List::size).sum();
    }

    public int patternCount() {
        return patternsByBlock.values().stream().mapToInt(List::size).sum();
    }
}
