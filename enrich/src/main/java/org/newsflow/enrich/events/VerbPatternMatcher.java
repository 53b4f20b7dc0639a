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
    /** Where the other party of a reversed pattern sits: "faces pressure from X", "received a loan from X". */
    private static final Set<String> GIVER_SLOTS = Set.of("from", "by");
    /** CAMEO roots whose content is a proposition that is part of the event ("agreed to set up", "threatened to"). */
    private static final Set<String> ABSORBING_ROOTS = Set.of("02", "03", "10", "12", "13");
    /** CAMEO "make a demand, not specified below" (REQUEST): "X said Y must ..." (see {@link #demand}). */
    static final String DEMAND_CODE = "100";

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
        int lastObligation = -1;
        for (int i = 0; i < toks.size(); i++) {
            if (lex.cue("OBLIGE", word(toks.get(i)))) {
                lastObligation = i;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            if (taken.contains(i) || !toks.get(i).pos().startsWith("VB")) {
                continue;
            }
            if (i < lastObligation && usable(DEMAND_CODE) && mayDemand(toks, i, lastObligation)) {
                out.add(i); // may be "said that X must": checked on the parse (demand)
                continue;
            }
            List<CameoDictionary.Verb> entries = dict.verbs(DepPaths.lemma(toks.get(i)));
            Set<String> after = entries.isEmpty() ? Set.of() : wordsAfter(toks, i);
            for (CameoDictionary.Verb v : entries) {
                if (extraAt(toks, i, v) == -2) {
                    continue;
                }
                if (ownCodeCounts(v, promisedNearby(toks, i))
                        || dict.patterns(v.block()).stream().anyMatch(p -> usable(p.code()) && allPresent(p, present, after, toks))) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The words a pattern's particle, object and prepositional objects may be: those after the verb ("lifted the
     * curfew"), or any word of the sentence for a passive participle ("the curfew was lifted"); a subject word may
     * stand anywhere. Checked before parsing, so a sentence whose words only occur on the wrong side is not parsed.
     */
    private static Set<String> wordsAfter(List<Token> toks, int v) {
        boolean passive = toks.get(v).pos().equals("VBN");
        Set<String> out = new HashSet<>();
        for (int k = passive ? 0 : v + 1; k < toks.size(); k++) {
            out.add(DepPaths.lemma(toks.get(k)));
            out.add(word(toks.get(k)));
        }
        return out;
    }

    private static boolean allPresent(CameoDictionary.Pattern p, Set<String> present, Set<String> after, List<Token> toks) {
        if (p.subject() != null && p.subject().head().stream().noneMatch(present::contains)) {
            return false;
        }
        for (Set<String> alt : p.requiredWords()) {
            if (alt.stream().noneMatch(after::contains)) {
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

    /** Before the parse: a reporting verb, or any verb with "that" between it and the obligation word. */
    private boolean mayDemand(List<Token> toks, int v, int obligation) {
        String l = DepPaths.lemma(toks.get(v));
        if (lex.cue("REPORT", l) || lex.cue("CLAIM", l)) {
            return true;
        }
        for (int k = v + 1; k < obligation; k++) {
            if (word(toks.get(k)).equals("that")) {
                return true;
            }
        }
        return false;
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

    /**
     * Whether a verb's own code counts without a pattern ({@link CameoTuning#ownCodes()}): by default for material
     * conflict (QuadClass 4: "banned", "reimposed") and for material cooperation the dictionary wrote on the verb
     * itself ("evacuated", "conceded"; not "gave", "issued", which only inherit their block's code), and for any code when the verb is promised or intended ("will
     * allow", "said it would allow", "is ready to host"): {@link Modality} and {@link ClauseRules} then code the
     * promise (AGREE) or threat (THREATEN) that an announced action is by PLOVER's rules.
     */
    private boolean ownCodeCounts(CameoDictionary.Verb verb, boolean promised) {
        String code = verb.code();
        if (!usable(code) || ownCodes.equals("none")) {
            return false;
        }
        if (ownCodes.equals("all") || promised) {
            return true;
        }
        int q = quadClass(code);
        return q == 4 || q == 2 && ownCodes.equals("material") && verb.ownCodeWritten();
    }

    /**
     * Before the parse, cheaply: a promise auxiliary among the three words before the verb ("will not allow"), or
     * "to" right before it with an intent word among the three before that ("is ready to host"). Only such verbs
     * are parsed for their promised own code, so that "would" or "plan" anywhere does not make every verb a
     * candidate.
     */
    private boolean promisedNearby(List<Token> toks, int v) {
        for (int k = Math.max(0, v - 3); k < v; k++) {
            String w = word(toks.get(k));
            if (w.equals("would") || lex.cue("PROMISE", w)) {
                return true;
            }
        }
        if (v == 0 || !word(toks.get(v - 1)).equals("to")) {
            return false;
        }
        for (int k = Math.max(0, v - 4); k < v - 1; k++) {
            if (lex.cue("INTENT", DepPaths.lemma(toks.get(k)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verb is the complement of an intent word ("plans to", "is ready to"), or has a promise auxiliary
     * ("will", "would") in a reported clause ("Iraq said it would allow", "..., they will serve, he said"); a future
     * the writer states ("the prosecutor who will head the case") is no promise.
     */
    boolean promised(DepGraph g, List<Token> toks, int v) {
        int h = g.head(v);
        if (g.is(v, "xcomp") && h >= 0 && lex.cue("INTENT", DepPaths.lemma(toks.get(h)))) {
            return true;
        }
        boolean reported = g.is(v, "ccomp") && h >= 0 && lex.cue("REPORT", DepPaths.lemma(toks.get(h)))
                || g.children(v).stream().anyMatch(d -> (g.is(d, "parataxis") || g.is(d, "ccomp")) && lex.cue("REPORT", DepPaths.lemma(toks.get(d))));
        return reported && g.children(v, "aux").stream().anyMatch(d -> word(toks.get(d)).equals("would") || lex.cue("PROMISE", word(toks.get(d))));
    }

    /** The code's QuadClass, 0 when cameo.tsv has none (statements, root 01). */
    private int quadClass(String code) {
        EventLexicon.CodeInfo info = lex.codeInfo(code);
        return info == null ? 0 : info.quadClass();
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

    /**
     * The code of a verb on the parse, in this order: the most specific pattern written for this verb (or for no
     * verb in particular) that holds; the verb's own code when it counts; the most specific pattern written for
     * another verb of its synonym block. Blocks are loose ("take part" is in the block of "capture", "set fire"
     * in that of "arrange"): a pattern meant for one verb ("- * PART [030] # TAKE") codes "captured part of a
     * stronghold" as an agreement when it applies to the whole block, yet block-wide patterns still help true
     * synonyms ("cancelled restrictions" from "revoke restriction").
     */
    TriggerMatch matchVerb(DepGraph g, List<Token> toks, int v) {
        if (usable(DEMAND_CODE) && demand(g, toks, v)) {
            return matchOf(toks, v, -1, DEMAND_CODE, DepPaths.lemma(toks.get(v)) + " that ... must", false);
        }
        TriggerMatch m = bestPattern(g, toks, v, true);
        if (m == null) {
            m = ownCode(g, toks, v);
        }
        return m != null ? m : bestPattern(g, toks, v, false);
    }

    /**
     * "The ministry declared that Chile must pay", "issued a warning to Peru that it should withdraw": a clause
     * with an obligation auxiliary (OBLIGE cue: must, should) and a subject of its own, said by a reporting verb,
     * or by a verb with an object (the parser hangs "that" clauses of "issued a warning" on either), is a demand of the verb's subject, whatever the obliged action is (the
     * action is the demand's content and is absorbed). A subject in the first person ("we must") is a statement
     * about oneself, not a demand.
     */
    boolean demand(DepGraph g, List<Token> toks, int v) {
        String lemma = DepPaths.lemma(toks.get(v));
        List<Integer> clauses = new ArrayList<>();
        if (lex.cue("REPORT", lemma) || lex.cue("CLAIM", lemma) || !g.children(v, "obj").isEmpty()) {
            clauses.addAll(g.children(v, "ccomp")); // "said that", "issued a warning to Peru that"
        }
        for (int o : g.children(v, "obj")) {
            clauses.addAll(g.children(o, "acl"));
            clauses.addAll(g.children(o, "ccomp"));
        }
        for (int c : clauses) {
            boolean obliged = g.children(c, "aux").stream().anyMatch(d -> lex.cue("OBLIGE", word(toks.get(d))));
            List<Integer> subj = new ArrayList<>(DepPaths.subjectsOf(g, c));
            subj.addAll(g.children(c, "nsubj:pass"));
            if (obliged && !subj.isEmpty() && subj.stream().noneMatch(x -> firstPerson(toks.get(x)))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> FIRST_PERSON = Set.of("i", "we", "us");

    /** "we", "I" (a pronoun: "US" the country is not "us"). */
    private static boolean firstPerson(Token t) {
        return t.pos().startsWith("PRP") && FIRST_PERSON.contains(word(t));
    }

    /** The most specific pattern that holds, among the verb's own patterns or among those of other block verbs. */
    private TriggerMatch bestPattern(DepGraph g, List<Token> toks, int v, boolean ownVerbs) {
        CameoDictionary.Pattern best = null;
        CameoDictionary.Verb bestVerb = null;
        int bestExtra = -1;
        for (CameoDictionary.Verb verb : dict.verbs(DepPaths.lemma(toks.get(v)))) {
            int extra = extraAt(toks, v, verb);
            if (extra == -2) {
                continue;
            }
            for (CameoDictionary.Pattern p : dict.patterns(verb.block())) {
                boolean mine = p.verb() == null || p.verb().equals(verb.key());
                if (mine == ownVerbs && usable(p.code()) && (best == null || p.weight() > best.weight()) && holds(g, toks, v, p)) {
                    best = p;
                    bestVerb = verb;
                    bestExtra = extra;
                }
            }
        }
        return best == null ? null : matchOf(toks, v, bestExtra, best.code(), bestVerb.lemma() + " " + describe(best), best.reversed());
    }

    /**
     * The verb's own code, when it counts ({@link #ownCodeCounts}); a multiword verb whose words are there first.
     * On the parse: a promise is made by an active subject ("will be given to" is no promise), and material
     * cooperation is given to something or someone (an object or a "to" noun phrase: "evacuated the wounded",
     * "conceded to demands"; not "was sheltering with his family", "contributed to planning the attacks").
     */
    private TriggerMatch ownCode(DepGraph g, List<Token> toks, int v) {
        boolean passive = DepPaths.isPassive(g, v);
        boolean promised = !passive && promised(g, toks, v);
        boolean recipient = !g.children(v, "obj").isEmpty() || g.children(v).stream().anyMatch(d -> g.is(d, "obl")
                && DepPaths.hasCase(g, toks, d, "to") && (toks.get(d).pos().startsWith("NN") || toks.get(d).pos().startsWith("PRP")));
        CameoDictionary.Verb own = null;
        int ownExtra = -1;
        for (CameoDictionary.Verb verb : dict.verbs(DepPaths.lemma(toks.get(v)))) {
            int extra = extraAt(toks, v, verb);
            boolean cooperation = usable(verb.code()) && quadClass(verb.code()) == 2;
            if (extra != -2 && ownCodeCounts(verb, promised) && (promised || !cooperation || recipient)
                    && (own == null || extra >= 0 && ownExtra < 0)) {
                own = verb;
                ownExtra = extra;
            }
        }
        return own == null ? null : matchOf(toks, v, ownExtra, own.code(), own.lemma(), false);
    }

    /** A reversed pattern ("faces pressure from X") is a reversed trigger: the subject receives, "from"/"by" X acts. */
    private TriggerMatch matchOf(List<Token> toks, int v, int extra, String code, String pattern, boolean reversed) {
        String mode = lex.cameoMode(code);
        boolean absorb = ABSORBING_ROOTS.contains(code.substring(0, 2));
        EventLexicon.Trigger t = new EventLexicon.Trigger("cameo: " + pattern,
                List.of(new EventLexicon.Element(Set.of(DepPaths.lemma(toks.get(v))), false)), "V", code, mode,
                reversed ? GIVER_SLOTS : TARGET_SLOTS, false, absorb, reversed);
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
