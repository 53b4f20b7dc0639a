package org.newsflow.enrich.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.newsflow.enrich.nlp.Token;

/**
 * Matches the CAMEO verb dictionary ({@link CameoDictionary}) on a sentence: first cheaply over the sentence's
 * words (which verbs could give an event: the verb has a code of its own, or all the words one of its patterns asks
 * for occur in the sentence), then, on the dependency parse, each pattern against the verb's dependents: subject,
 * particle ({@code compound:prt}), direct object (or the passive subject), prepositional objects of the verb or
 * of its object. The most specific pattern that holds gives the code; without one, the verb's own code.
 *
 * <p>Matches become ordinary {@link TriggerMatch}es of a trigger made for the verb, so the clause rules, roles,
 * modality and output treat them like the hand-written triggers. Codes without a PLOVER type (CAMEO 01x
 * statements) are never given by the events matcher; {@link StatementCoder} has its own matcher restricted to them.
 */
final class VerbPatternMatcher {
    /** Words a multiword verb's other part may stand from the verb ("called the strike off"). */
    private static final int EXTRA_WINDOW = 4;
    /** Where the target of a dictionary verb may sit: its object or the usual target prepositions. */
    private static final Set<String> TARGET_SLOTS = Set.of("obj", "iobj", "against", "on", "with", "to", "into", "at", "upon");
    /** CAMEO roots whose content is a proposition that is part of the event ("agreed to set up", "threatened to"). */
    private static final Set<String> ABSORBING_ROOTS = Set.of("02", "03", "10", "12", "13");

    private final CameoDictionary dict;
    private final EventLexicon lex;
    /** Which verbs' own codes count without a pattern ({@link CameoTuning#ownCodes()}). */
    private final String ownCodes;

    /** Which CAMEO codes this matcher gives: events (codes with a PLOVER type) or statements (root 01). */
    private final Predicate<String> codes;

    VerbPatternMatcher(CameoDictionary dict, EventLexicon lex, String ownCodes) {
        this(dict, lex, ownCodes, null);
    }

    /** @param codes the codes to give; null: those with a PLOVER type (the events matcher) */
    VerbPatternMatcher(CameoDictionary dict, EventLexicon lex, String ownCodes, Predicate<String> codes) {
        this.dict = dict;
        this.lex = lex;
        this.ownCodes = ownCodes;
        this.codes = codes != null ? codes : c -> lex.codeInfo(c) != null && lex.ploverType(c) != null;
    }

    static String word(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }

    static boolean is(Set<String> words, Token t) {
        return words.contains(DepPaths.lemma(t)) || words.contains(word(t));
    }

    /** Verbs of the sentence (not in {@code taken}) for which the dictionary may give an event: worth a parse. */
    List<Integer> candidates(List<Token> toks, Set<Integer> taken) {
        Set<String> present = new HashSet<>();
        for (Token t : toks) {
            present.add(DepPaths.lemma(t));
            present.add(word(t));
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            if (taken.contains(i) || !toks.get(i).pos().startsWith("VB")) {
                continue;
            }
            for (CameoDictionary.Verb v : dict.verbs(DepPaths.lemma(toks.get(i)))) {
                if (extraAt(toks, i, v) == -2) {
                    continue;
                }
                if (ownCodeCounts(v.code()) || dict.patterns(v.block()).stream().anyMatch(p -> usable(p.code()) && allPresent(p, present, toks))) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean allPresent(CameoDictionary.Pattern p, Set<String> present, List<Token> toks) {
        for (Set<String> alt : p.requiredWords()) {
            if (alt.stream().noneMatch(present::contains)) {
                return false;
            }
        }
        for (CameoDictionary.Prep pr : p.preps()) {
            if (pr.object() == null && !nameAfter(toks, pr.prep())) {
                return false; // a bare preposition holds only before a name (see named): no parse for "to" alone
            }
        }
        return true;
    }

    /** The preposition occurs with a name among the next four words. */
    private static boolean nameAfter(List<Token> toks, String prep) {
        for (int k = 0; k < toks.size(); k++) {
            if (word(toks.get(k)).equals(prep)) {
                for (int j = k + 1; j < Math.min(toks.size(), k + 5); j++) {
                    if (named(toks.get(j))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean ownCodeCounts(String code) {
        if (!usable(code) || ownCodes.equals("none")) {
            return false;
        }
        return ownCodes.equals("all") || lex.codeInfo(code).quadClass() == 4;
    }

    private boolean usable(String code) {
        return code != null && codes.test(code);
    }

    /**
     * Where the other word of a multiword verb is: its index, -1 when the verb has none, -2 when it is missing.
     * Only the first extra word is located; the others must be next to it.
     */
    static int extraAt(List<Token> toks, int v, CameoDictionary.Verb verb) {
        if (verb.extra().isEmpty()) {
            return -1;
        }
        Set<String> w = Set.of(verb.extra().get(0));
        for (int k = v + 1; k < Math.min(toks.size(), v + 1 + EXTRA_WINDOW); k++) {
            if (is(w, toks.get(k))) {
                return k;
            }
        }
        for (int k = Math.max(0, v - 2); k < v; k++) {
            if (is(w, toks.get(k))) {
                return k;
            }
        }
        return -2;
    }

    /** The dictionary's events on the parsed sentence, one per candidate verb that a pattern or its own code codes. */
    List<TriggerMatch> match(DepGraph g, List<Token> toks, List<Integer> verbs) {
        List<TriggerMatch> out = new ArrayList<>();
        for (int v : verbs) {
            TriggerMatch m = matchVerb(g, toks, v);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    TriggerMatch matchVerb(DepGraph g, List<Token> toks, int v) {
        CameoDictionary.Pattern best = null;
        CameoDictionary.Verb bestVerb = null;
        int bestExtra = -1;
        String ownCode = null;
        CameoDictionary.Verb ownVerb = null;
        int ownExtra = -1;
        for (CameoDictionary.Verb verb : dict.verbs(DepPaths.lemma(toks.get(v)))) {
            int extra = extraAt(toks, v, verb);
            if (extra == -2) {
                continue;
            }
            for (CameoDictionary.Pattern p : dict.patterns(verb.block())) {
                if (usable(p.code()) && (best == null || p.weight() > best.weight()) && holds(g, toks, v, p)) {
                    best = p;
                    bestVerb = verb;
                    bestExtra = extra;
                }
            }
            if (ownCode == null && ownCodeCounts(verb.code()) && (extra >= 0 || ownVerb == null)) {
                ownCode = verb.code();
                ownVerb = verb;
                ownExtra = extra;
            }
        }
        if (best != null) {
            return matchOf(toks, v, bestExtra, best.code(), bestVerb.lemma() + " " + describe(best));
        }
        if (ownCode != null) {
            return matchOf(toks, v, ownExtra, ownCode, ownVerb.lemma());
        }
        return null;
    }

    private TriggerMatch matchOf(List<Token> toks, int v, int extra, String code, String pattern) {
        String mode = lex.cameoMode(code);
        boolean absorb = ABSORBING_ROOTS.contains(code.substring(0, 2));
        EventLexicon.Trigger t = new EventLexicon.Trigger("cameo: " + pattern,
                List.of(new EventLexicon.Element(Set.of(DepPaths.lemma(toks.get(v))), false)), "V", code, mode,
                TARGET_SLOTS, false, absorb, false);
        Set<Integer> covered = new HashSet<>(List.of(v));
        int first = v;
        int last = v;
        if (extra >= 0 && Math.abs(extra - v) <= 2) {
            covered.add(extra);
            first = Math.min(v, extra);
            last = Math.max(v, extra);
        }
        return new TriggerMatch(t, first, last, v, covered);
    }

    private static String describe(CameoDictionary.Pattern p) {
        StringBuilder sb = new StringBuilder("[").append(p.block()).append(']');
        if (p.particle() != null) {
            sb.append(' ').append(p.particle());
        }
        if (p.object() != null) {
            sb.append(" +obj");
        }
        for (CameoDictionary.Prep pr : p.preps()) {
            sb.append(" (").append(pr.prep()).append(')');
        }
        return sb.toString();
    }

    /** Whether every constraint of the pattern holds among the verb's dependents. */
    static boolean holds(DepGraph g, List<Token> toks, int v, CameoDictionary.Pattern p) {
        if (p.subject() != null && g.children(v).stream().noneMatch(d -> g.is(d, "nsubj") && phraseHolds(g, toks, d, p.subject()))) {
            return false;
        }
        if (p.particle() != null && g.children(v).stream().noneMatch(d -> d > v && is(Set.of(p.particle()), toks.get(d))
                && (g.is(d, "compound") || g.is(d, "advmod") || g.is(d, "case") || g.is(d, "mark")))) {
            return false;
        }
        List<Integer> objects = objects(g, v);
        if (p.object() != null && objects.stream().noneMatch(o -> phraseHolds(g, toks, o, p.object()))) {
            return false;
        }
        for (CameoDictionary.Prep pr : p.preps()) {
            if (!prepHolds(g, toks, v, objects, pr)) {
                return false;
            }
        }
        return true;
    }

    /** Direct objects, and the subject of a passive ("sanctions were imposed"). */
    static List<Integer> objects(DepGraph g, int v) {
        List<Integer> out = new ArrayList<>();
        for (int d : g.children(v)) {
            if (g.is(d, "obj") || g.is(d, "nsubj:pass")) {
                out.add(d);
                for (int c : g.children(d, "conj")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean prepHolds(DepGraph g, List<Token> toks, int v, List<Integer> objects, CameoDictionary.Prep pr) {
        List<Integer> heads = new ArrayList<>(List.of(v));
        heads.addAll(objects);
        for (int h : heads) {
            for (int d : g.children(h)) {
                if ((g.is(d, "obl") || g.is(d, "nmod") || g.is(d, "advcl")) && DepPaths.hasCase(g, toks, d, pr.prep())
                        && (pr.object() == null ? named(toks.get(d)) : phraseHolds(g, toks, d, pr.object()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A bare preposition in a pattern ("(TO)", "(AGAINST)") stands for an actor after it, as in PETRARCH: the
     * object must be a name (a proper noun or a named entity), not any noun ("led to charges", "fled to safety").
     */
    static boolean named(Token t) {
        return t.pos().startsWith("NNP") || t.ner() != null && !t.ner().equals("O");
    }

    /** The phrase's head word is the dependent, and each modifier word occurs among its dependents (two levels). */
    static boolean phraseHolds(DepGraph g, List<Token> toks, int d, CameoDictionary.Phrase ph) {
        if (!is(ph.head(), toks.get(d))) {
            return false;
        }
        if (ph.modifiers().isEmpty()) {
            return true;
        }
        List<Integer> near = new ArrayList<>();
        DepPaths.collectSubtree(g, d, near, 0, 2);
        for (Set<String> mod : ph.modifiers()) {
            if (near.stream().noneMatch(i -> i != d && is(mod, toks.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
