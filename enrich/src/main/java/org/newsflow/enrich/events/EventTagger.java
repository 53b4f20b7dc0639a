package org.newsflow.enrich.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Casualties;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.ActorMention;
import org.newsflow.enrich.people.PeopleResult;

/**
 * Codes the events an article reports: PLOVER type, CAMEO root and QuadClass, source and target actors,
 * trigger and sentence spans, date, location, casualties, negated and hypothetical flags.
 *
 * <p>How: the trigger lexicon ({@code /events/triggers.tsv}) is matched over lemmas of every sentence; only
 * sentences holding a trigger are dependency parsed ({@link SentenceParser}); the roles of the trigger's
 * dependents (subject, object, prepositions named in the lexicon, "by" agents of passives, possessives and
 * demonyms of nominal triggers, the subject of a light verb such as "launched an air strike") give source and
 * target, resolved to actors through the people tagger's actor mentions and the country tagger's mentions.
 * Thread-safe: no mutable state is shared between calls.
 */
public final class EventTagger {
    private static final Set<String> PRONOUNS = WordList.load("/events/pronouns.txt");
    private static final Set<String> THIRD_PARTY_NOUNS = WordList.load("/events/third_party_nouns.txt");
    private static final Set<String> THIRD_PARTY_VERBS = WordList.load("/events/third_party_verbs.txt");

    private final EventLexicon lex;
    private final Function<List<Token>, DepGraph> parser;
    private final KnownLeaders leaders;

    /**
     * @param parser the dependency parser of a sentence's tokens (the factory's {@link SentenceParser})
     * @param leaders well-known office holders, for a PERSON the people tagger did not output
     */
    public EventTagger(EventLexicon lexicon, Function<List<Token>, DepGraph> parser, KnownLeaders leaders) {
        this.lex = Objects.requireNonNull(lexicon);
        this.parser = Objects.requireNonNull(parser);
        this.leaders = Objects.requireNonNull(leaders);
    }

    public EventLexicon lexicon() {
        return lex;
    }

    /** Event types of the factual events (not negated, not hypothetical) and their counts, for dashboards. */
    public static Map<String, Integer> countByType(List<EventTag> events) {
        Map<String, Integer> counts = new TreeMap<>();
        for (EventTag e : events) {
            if (!e.negated() && !e.hypothetical()) {
                counts.merge(e.type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------------------------------------------

    /** A matched trigger in a sentence (sentence-local token indices). */
    record Match(EventLexicon.Trigger trigger, int first, int last, int head, Set<Integer> covered) {}

    /** An event being built. */
    private static final class Cand {
        Match match;
        int head;
        String code;
        String mode;
        List<Actor> sources = new ArrayList<>();
        List<Actor> targets = new ArrayList<>();
        List<Actor> third = new ArrayList<>();
        boolean recip;
        boolean negated;
        boolean hypothetical;
        boolean future;
        boolean dropped;
        Cand mergedInto;
        Cand claimOf;
        int headOverride = -1;
        String locCountry;
        String place;
        String date;
        Integer dead;
        Integer injured;
        boolean atLeast;

        boolean symmetric() {
            return claimOf == null && headOverride < 0 && match.trigger().symmetric();
        }
    }

    /** Per-article state. */
    private final class Doc {
        final AnalyzedText text;
        final GeoResult geo;
        final PeopleResult people;
        final TextMask mask;
        final LocalDate pub;
        List<Actor> lastPair = List.of();

        Doc(AnalyzedText text, GeoResult geo, PeopleResult people, TextMask mask, LocalDate pub) {
            this.text = text;
            this.geo = geo == null ? new GeoResult(List.of(), List.of(), List.of()) : geo;
            this.people = people == null ? new PeopleResult(List.of(), List.of(), List.of()) : people;
            this.mask = mask == null ? TextMask.none() : mask;
            this.pub = pub;
        }
    }

    public List<EventTag> tag(AnalyzedText text, GeoResult geo, PeopleResult people, TextMask mask, LocalDate publishedOn) {
        Doc doc = new Doc(text, geo, people, mask, publishedOn);
        List<EventTag> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<Match> matches = findTriggers(s, doc);
            if (!matches.isEmpty() && mayHaveActorOrToll(doc, s)) {
                DepGraph g = parser.apply(s.tokens());
                out.addAll(codeSentence(doc, s, g, matches));
            }
            rememberPair(doc, s);
        }
        return out;
    }

    /**
     * Cheap pre-check before parsing: an event is published only with an actor or a stated toll, so a sentence
     * is parsed only when some token can be resolved to an actor ({@code resolveOne}: a country or people
     * mention, a PERSON or ORGANIZATION entity, an {@code actors.tsv} word, or {@code two}/{@code both} for the
     * last pair of countries) or when {@link CasualtyFinder} finds a toll in it. Pronouns, relative pronouns and
     * possessors only lead to another phrase of the same sentence, so they need one of these too; proper nouns
     * and numbers that are none of these cannot become an actor.
     */
    private boolean mayHaveActorOrToll(Doc doc, Sentence s) {
        List<Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            int gi = s.firstToken() + i;
            String ner = t.ner();
            String w = t.text().toLowerCase(Locale.ROOT);
            if ("PERSON".equals(ner) || "ORGANIZATION".equals(ner) || lex.sectorWord(lemma(t)) || lex.sectorWord(w)
                    || w.equals("two") || w.equals("both")
                    || doc.geo.mentionAt(gi).isPresent() || !doc.people.mentionsAt(gi).isEmpty()) {
                return true;
            }
        }
        return !CasualtyFinder.find(toks).isEmpty();
    }

    // ---- triggers -----------------------------------------------------------------------------------------

    private static String lemma(Token t) {
        return t.lemma() == null ? t.text().toLowerCase(Locale.ROOT) : t.lemma().toLowerCase(Locale.ROOT);
    }

    private static boolean posMatches(String cls, Token t) {
        return switch (cls) {
            case "V" -> t.pos().startsWith("VB");
            case "N" -> t.pos().startsWith("NN");
            case "A" -> t.pos().startsWith("JJ");
            default -> true;
        };
    }

    private static boolean elementMatches(EventLexicon.Element e, Token t) {
        return e.lemmas().contains(lemma(t)) || e.lemmas().contains(t.text().toLowerCase(Locale.ROOT));
    }

    List<Match> findTriggers(Sentence s, Doc doc) {
        List<Token> toks = s.tokens();
        List<Match> all = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (doc.mask.covers(t.begin(), t.end())) {
                continue;
            }
            Set<EventLexicon.Trigger> seen = new HashSet<>();
            for (String key : new HashSet<>(List.of(lemma(t), t.text().toLowerCase(Locale.ROOT)))) {
                for (EventLexicon.Trigger tr : lex.triggersStartingWith(key)) {
                    if (!seen.add(tr)) {
                        continue;
                    }
                    Match m = matchAt(tr, toks, i);
                    if (m != null && !doc.mask.covers(toks.get(m.first()).begin(), toks.get(m.last()).end())) {
                        all.add(m);
                    }
                }
            }
        }
        // longest first, then left to right; keep non-overlapping
        all.sort((a, b) -> a.trigger().words() != b.trigger().words() ? b.trigger().words() - a.trigger().words() : a.first() - b.first());
        List<Match> kept = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (Match m : all) {
            if (m.covered().stream().noneMatch(used::contains)) {
                kept.add(m);
                used.addAll(m.covered());
            }
        }
        kept.sort((a, b) -> a.head() - b.head());
        return kept;
    }

    private static Match matchAt(EventLexicon.Trigger tr, List<Token> toks, int start) {
        List<EventLexicon.Element> els = tr.elements();
        List<Integer> positions = new ArrayList<>();
        if (!match(els, 0, toks, start, positions)) {
            return null;
        }
        int head;
        if (tr.pos().equals("N")) {
            head = positions.get(positions.size() - 1);
        } else {
            head = positions.get(0);
        }
        if (!posMatches(tr.pos(), toks.get(head))) {
            // for verb patterns the head may be a later word ("open fire": open)
            return null;
        }
        return new Match(tr, positions.get(0), positions.get(positions.size() - 1), head, new HashSet<>(positions));
    }

    private static boolean match(List<EventLexicon.Element> els, int e, List<Token> toks, int i, List<Integer> positions) {
        if (e == els.size()) {
            return true;
        }
        EventLexicon.Element el = els.get(e);
        if (el.gap()) {
            for (int skip = 0; skip <= 6; skip++) {
                int size = positions.size();
                if (i + skip <= toks.size() && match(els, e + 1, toks, i + skip, positions)) {
                    return true;
                }
                while (positions.size() > size) {
                    positions.remove(positions.size() - 1);
                }
                if (i + skip < toks.size() && toks.get(i + skip).pos().matches("[.,:]|CC")
                        && !(toks.get(i + skip).pos().equals("CC") && i + skip > 0 && i + skip + 1 < toks.size()
                            && toks.get(i + skip - 1).pos().startsWith("NNP") && toks.get(i + skip + 1).pos().startsWith("NNP"))) {
                    return false;
                }
            }
            return false;
        }
        if (i >= toks.size() || !elementMatches(el, toks.get(i))) {
            return false;
        }
        positions.add(i);
        if (match(els, e + 1, toks, i + 1, positions)) {
            return true;
        }
        positions.remove(positions.size() - 1);
        return false;
    }

    // ---- coding a sentence ----------------------------------------------------------------------------------

    private List<EventTag> codeSentence(Doc doc, Sentence s, DepGraph g, List<Match> matches) {
        List<Token> toks = s.tokens();
        Map<Integer, Cand> byHead = new LinkedHashMap<>();
        for (Match m : matches) {
            Cand c = new Cand();
            c.match = m;
            c.head = m.head();
            c.code = m.trigger().code();
            c.mode = m.trigger().mode();
            byHead.put(c.head, c);
        }
        // structural filters: references ("end the fighting"), absorbed content ("pledged not to use force"),
        // nominal triggers that only restate a verbal trigger of the same type ("engaged ... in a firefight")
        for (Cand c : byHead.values()) {
            int p = g.head(c.head);
            if (p >= 0 && lex.cue("REF", lemma(toks.get(p))) && (g.is(c.head, "obj")
                    || toks.get(p).pos().startsWith("NN") && (g.is(c.head, "nmod") || g.is(c.head, "obl")))) {
                c.dropped = true;
                continue;
            }
            Cand absorber = absorbingAncestor(g, toks, byHead, c.head);
            if (absorber != null) {
                c.dropped = true;
                continue;
            }
            if (toks.get(c.head).pos().startsWith("NN") && p >= 0 && byHead.containsKey(p) && !byHead.get(p).dropped
                    && (g.is(c.head, "obj") || g.is(c.head, "obl"))) {
                Cand parent = byHead.get(p);
                String pt = lex.ploverType(parent.code);
                if (pt != null && pt.equals(lex.ploverType(c.code))) {
                    if (specificity(c.code) > specificity(parent.code)) {
                        parent.code = c.code;
                    }
                    if (parent.mode == null) {
                        parent.mode = c.mode;
                    }
                    c.dropped = true;
                    c.mergedInto = parent;
                }
            }
            // a verbal trigger that restates or continues its verbal governor of the same type:
            // "met ... to discuss", "bombarded the city, killing eight"
            if (!c.dropped && toks.get(c.head).pos().startsWith("VB") && p >= 0 && byHead.containsKey(p) && !byHead.get(p).dropped
                    && toks.get(p).pos().startsWith("VB") && (g.is(c.head, "xcomp") || g.is(c.head, "advcl"))) {
                Cand parent = byHead.get(p);
                String pt = lex.ploverType(parent.code);
                if (pt != null && pt.equals(lex.ploverType(c.code))) {
                    c.dropped = true;
                    c.mergedInto = parent;
                }
            }
        }
        List<Cand> live = new ArrayList<>();
        for (Cand c : byHead.values()) {
            if (!c.dropped) {
                live.add(c);
            }
        }
        for (Cand c : live) {
            fillRoles(doc, s, g, c, byHead);
            fillFlags(g, toks, c);
            fillMode(g, toks, c);
            fillLocation(doc, s, g, c);
        }
        // merged restatements lend their actors to the event they restate ("killed in Israeli shelling")
        for (Cand c : byHead.values()) {
            if (c.mergedInto != null && !c.mergedInto.dropped) {
                fillRoles(doc, s, g, c, byHead);
                Cand parent = c.mergedInto;
                if (parent.sources.isEmpty() && !c.sources.isEmpty()) {
                    parent.sources.addAll(c.sources);
                    parent.recip |= c.recip;
                }
                if (parent.targets.isEmpty() && !c.targets.isEmpty()) {
                    parent.targets.addAll(c.targets);
                }
            }
        }
        restructure(doc, s, g, byHead, live);
        fillDates(doc, s, g, live);
        for (Cand c : live) {
            if (c.claimOf != null && c.date == null) {
                c.date = c.claimOf.date; // the accusation is dated by what it reports
            }
        }
        fillCasualties(toks, live);

        List<EventTag> out = new ArrayList<>();
        Mention sentence = new Mention(s.begin(), s.end(), s.text(doc.text.body()));
        for (Cand c : live) {
            emit(doc, toks, c, sentence, out);
        }
        return out;
    }

    /**
     * Clause-level rules applied once roles and flags are known:
     * <ul>
     * <li>a nominal trigger that is the object of another verbal trigger is that verb's content: it gives the verb
     * its target ("endorsed an agreement with the EU") and is not coded alone unless it has its own source;</li>
     * <li>a nominal trigger only mentioned in passing, with no actor of its own, under a verb or noun that is
     * not an event ("a role in the genocide", "expressed sorrow for the shootings"), is not coded;</li>
     * <li>intent: a cooperative act someone wants, seeks or would do is an intent to cooperate (03, AGREE); an
     * attack someone wants or plans is a threat (13, THREATEN); "X wants/urges Y to do it" is an appeal (02) X -> Y;</li>
     * <li>claims: "X said (that) Y attacked Z" adds an accusation X -> Y (CAMEO 112) when X and Y differ;</li>
     * <li>an attack on unnamed people ("four children were killed in ...") targets the country where it happened.</li>
     * </ul>
     */
    private void restructure(Doc doc, Sentence s, DepGraph g, Map<Integer, Cand> byHead, List<Cand> live) {
        List<Token> toks = s.tokens();
        for (Cand c : new ArrayList<>(live)) {
            int p = g.head(c.head);
            boolean noun = toks.get(c.head).pos().startsWith("NN");
            Cand parent = p >= 0 ? byHead.get(p) : null;
            if (noun && parent != null && !parent.dropped && parent != c && toks.get(p).pos().startsWith("VB") && g.is(c.head, "obj")) {
                if (parent.targets.isEmpty()) {
                    parent.targets.addAll(c.targets);
                }
                if (c.sources.isEmpty() || sameActors(c.sources, parent.sources)) {
                    c.dropped = true;
                }
            } else if (noun && parent == null && c.sources.isEmpty() && c.targets.isEmpty() && p >= 0
                    && (g.is(c.head, "nmod") || g.is(c.head, "obl") && !lex.cue("PARTICIPATE", lemma(toks.get(p))))) {
                c.dropped = true;
            }
        }
        live.removeIf(c -> c.dropped);
        for (Cand c : live) {
            intent(doc, s, g, c);
        }
        for (Cand c : live) {
            // destruction or coercion by protesters is a violent protest (145), not state coercion
            if (c.code.startsWith("17") && !c.sources.isEmpty() && c.sources.stream().allMatch(a -> protester(a.name()))) {
                c.code = "145";
                c.mode = "riot";
            }
        }
        List<Cand> added = new ArrayList<>();
        for (Cand c : live) {
            Cand acc = claim(doc, s, g, c, byHead);
            if (acc != null) {
                added.add(acc);
            }
            if ("ASSAULT".equals(lex.ploverType(c.code)) && c.locCountry != null) {
                List<Actor> fixed = new ArrayList<>();
                for (Actor t : c.targets) {
                    boolean srcHere = c.sources.stream().anyMatch(a -> c.locCountry.equals(a.country()));
                    if (t.country() == null && (t.sector() == null || "CVL".equals(t.sector())) && !srcHere) {
                        fixed.add(new Actor(c.locCountry, t.name(), t.kind(), t.sector()));
                    } else {
                        fixed.add(t);
                    }
                }
                c.targets = fixed;
            }
        }
        live.addAll(added);
    }

    private boolean protester(String name) {
        if (name == null) {
            return false;
        }
        for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (lex.cue("PROTESTER", w) || w.endsWith("s") && lex.cue("PROTESTER", w.substring(0, w.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameActors(List<Actor> a, List<Actor> b) {
        return !a.isEmpty() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** The intent rules of {@link #restructure}. */
    private void intent(Doc doc, Sentence s, DepGraph g, Cand c) {
        if (!c.hypothetical || c.negated) {
            return;
        }
        List<Token> toks = s.tokens();
        int quad = lex.codeInfo(c.code).quadClass();
        int gov = -1;
        if (g.is(c.head, "xcomp") && g.head(c.head) >= 0 && lex.cue("INTENT", lemma(toks.get(g.head(c.head))))) {
            gov = g.head(c.head);
        }
        boolean would = false;
        for (int d : g.children(c.head, "aux")) {
            would |= toks.get(d).text().equalsIgnoreCase("would");
        }
        if (gov >= 0 && !g.children(gov, "obj").isEmpty()) {
            // "Obama wants Putin to attack": an appeal from the one who wants to the one asked
            List<Actor> src = new ArrayList<>();
            for (int x : subjectsOf(g, gov)) {
                src.addAll(resolveConj(doc, s, g, x));
            }
            List<Actor> tgt = new ArrayList<>();
            for (int x : g.children(gov, "obj")) {
                tgt.addAll(resolveConj(doc, s, g, x));
            }
            if (!src.isEmpty() || !tgt.isEmpty()) {
                c.code = "020";
                c.sources = src;
                c.targets = tgt;
                c.mode = null;
                c.recip = false;
                c.hypothetical = false;
                c.headOverride = gov;
            }
            return;
        }
        if (quad == 2 && (gov >= 0 || would)) {
            c.code = "030";
            c.mode = null;
            c.hypothetical = false;
        } else if (quad == 4 && gov >= 0) {
            c.code = "130";
            c.mode = null;
            c.hypothetical = false;
        }
    }

    /** The claim rule of {@link #restructure}: an accusation from the speaker to the one said to have attacked. */
    private Cand claim(Doc doc, Sentence s, DepGraph g, Cand c, Map<Integer, Cand> byHead) {
        String type = lex.ploverType(c.code);
        if (!("ASSAULT".equals(type) || "COERCE".equals(type)) || c.negated) {
            return null;
        }
        List<Token> toks = s.tokens();
        int x = c.head;
        int speakerVerb = -1;
        for (int steps = 0; steps < 3; steps++) {
            int p = g.head(x);
            if (p < 0 || !(g.is(x, "ccomp") || g.is(x, "conj") || g.is(x, "parataxis"))) {
                break;
            }
            if (g.is(x, "ccomp") || g.is(x, "parataxis")) {
                if (lex.cue("CLAIM", lemma(toks.get(p))) && toks.get(p).pos().startsWith("VB")) {
                    speakerVerb = p;
                }
                break;
            }
            x = p;
        }
        if (speakerVerb < 0) {
            // the parser sometimes hangs the reporting clause under the reported verb ("X said a shell was fired")
            for (int d : g.children(c.head)) {
                if ((g.rel(d).startsWith("csubj") || g.is(d, "parataxis")) && lex.cue("CLAIM", lemma(toks.get(d)))
                        && toks.get(d).pos().startsWith("VB") && !subjectsOf(g, d).isEmpty()) {
                    speakerVerb = d;
                }
            }
        }
        if (speakerVerb < 0 || byHead.containsKey(speakerVerb) && !byHead.get(speakerVerb).dropped) {
            return null;
        }
        List<Actor> speakers = new ArrayList<>();
        for (int sj : subjectsOf(g, speakerVerb)) {
            speakers.addAll(resolveConj(doc, s, g, sj));
        }
        List<Actor> accused = new ArrayList<>();
        for (Actor a : c.sources) {
            boolean named = a.country() != null || "PERSON".equals(a.kind()) || "ORGANIZATION".equals(a.kind()) || a.sector() != null;
            if (named && (a.country() == null || speakers.stream().noneMatch(sp -> a.country().equals(sp.country())))) {
                accused.add(a);
            }
        }
        if (speakers.isEmpty() || accused.isEmpty() || speakers.stream().allMatch(sp -> sp.country() == null)) {
            return null;
        }
        Cand acc = new Cand();
        acc.match = new Match(c.match.trigger(), speakerVerb, speakerVerb, speakerVerb, Set.of(speakerVerb));
        acc.head = speakerVerb;
        acc.code = "112";
        acc.sources = speakers;
        acc.targets = accused;
        acc.claimOf = c;
        return acc;
    }

    private static int specificity(String code) {
        String trimmed = code.replaceAll("0+$", "");
        return trimmed.length();
    }

    private Cand absorbingAncestor(DepGraph g, List<Token> toks, Map<Integer, Cand> byHead, int h) {
        int x = h;
        for (int steps = 0; steps < 3; steps++) {
            int p = g.head(x);
            if (p < 0) {
                return null;
            }
            String r = g.rel(x);
            boolean content = r.startsWith("xcomp") || r.startsWith("ccomp") || r.startsWith("obl") || r.startsWith("obj")
                    || r.startsWith("nmod") || r.startsWith("acl") || r.startsWith("advcl");
            if (!content) {
                return null;
            }
            Cand c = byHead.get(p);
            if (c != null && c.match.trigger().absorb()) {
                return c;
            }
            if (lex.cue("REPORT", lemma(toks.get(p)))) {
                return null;
            }
            x = p;
        }
        return null;
    }

    // ---- roles ------------------------------------------------------------------------------------------------

    private static String caseOf(DepGraph g, List<Token> toks, int i) {
        StringBuilder sb = new StringBuilder();
        for (int c : g.children(i)) {
            if (g.is(c, "case") || g.is(c, "mark")) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(toks.get(c).text().toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private static boolean hasCase(DepGraph g, List<Token> toks, int i, String prep) {
        for (int c : g.children(i)) {
            if ((g.is(c, "case") || g.is(c, "mark")) && toks.get(c).text().equalsIgnoreCase(prep)) {
                return true;
            }
        }
        return g.rel(i).endsWith(":" + prep);
    }

    private static boolean isPassive(DepGraph g, int h) {
        return !g.children(h, "nsubj:pass").isEmpty() || !g.children(h, "aux:pass").isEmpty()
                || !g.children(h, "csubj:pass").isEmpty();
    }

    private List<Integer> subjectsOf(DepGraph g, int v) {
        List<Integer> out = new ArrayList<>();
        for (int c : g.children(v)) {
            if (g.rel(c).equals("nsubj") || g.rel(c).equals("nsubj:xsubj")) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Integer> agentsOf(DepGraph g, List<Token> toks, int v) {
        List<Integer> out = new ArrayList<>();
        for (int c : g.children(v)) {
            if ((g.is(c, "obl") || g.is(c, "nmod")) && (g.rel(c).equals("obl:agent") || hasCase(g, toks, c, "by"))) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Integer> slotDependents(DepGraph g, List<Token> toks, int h, Set<String> slots) {
        List<Integer> out = new ArrayList<>();
        for (int c : g.children(h)) {
            if (slots.contains("obj") && g.is(c, "obj") || slots.contains("iobj") && g.is(c, "iobj")) {
                out.add(c);
                continue;
            }
            if (g.is(c, "obl") || g.is(c, "nmod") || g.is(c, "advcl")) {
                for (String p : slots) {
                    if (!p.equals("obj") && !p.equals("iobj") && !p.equals("place") && hasCase(g, toks, c, p)) {
                        out.add(c);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private void fillRoles(Doc doc, Sentence s, DepGraph g, Cand c, Map<Integer, Cand> byHead) {
        List<Token> toks = s.tokens();
        int h = c.head;
        Set<String> slots = c.match.trigger().targets();
        boolean verb = toks.get(h).pos().startsWith("VB") && !nominal(g, toks, h);
        List<Integer> src = new ArrayList<>();
        List<Integer> tgt = new ArrayList<>();
        if (verb) {
            if (isPassive(g, h)) {
                src.addAll(agentsOf(g, toks, h));
                if (src.isEmpty() && "ASSAULT".equals(lex.ploverType(c.code))) {
                    for (int d : g.children(h)) {
                        if ((g.is(d, "obl") || g.is(d, "nmod")) && hasCase(g, toks, d, "from")) {
                            src.add(d); // "a shell was fired at it from X": fired by X
                        } else if ((g.is(d, "obl") || g.is(d, "nmod")) && (hasCase(g, toks, d, "in") || hasCase(g, toks, d, "during"))
                                && attackPhrase(g, toks, d)) {
                            // "killed in Israeli tank shelling": the attacker named in the attack phrase
                            for (int i : phrase(g, toks, d)) {
                                if ((g.is(i, "amod") || g.is(i, "compound") || g.is(i, "nmod:poss")) && isActorToken(doc, s, i)) {
                                    src.add(i);
                                }
                            }
                        }
                    }
                }
                tgt.addAll(g.children(h, "nsubj:pass"));
                for (int d : slotDependents(g, toks, h, slots)) {
                    if (!g.is(d, "obj")) {
                        tgt.add(d);
                    }
                }
            } else if (c.match.trigger().reverse()) {
                // "received weapons from X": X gives, the subject receives
                tgt.addAll(subjectsOf(g, h));
                for (int k : c.match.covered()) {
                    src.addAll(slotDependents(g, toks, k, slots));
                }
                if (tgt.isEmpty()) {
                    tgt.addAll(inheritedSubject(g, toks, h));
                }
            } else {
                src.addAll(subjectsOf(g, h));
                tgt.addAll(slotDependents(g, toks, h, slots));
            }
            if (tgt.isEmpty()) {
                // multiword triggers: "held talks with X" may hang "with X" on "talks"
                for (int k : c.match.covered()) {
                    if (k != h) {
                        tgt.addAll(slotDependents(g, toks, k, slots));
                    }
                }
            }
            if (src.isEmpty() && !c.match.trigger().reverse()) {
                src.addAll(inheritedSubject(g, toks, h));
            }
            if (tgt.isEmpty() && g.is(h, "acl") && toks.get(h).pos().equals("VBN")) {
                tgt.add(g.head(h)); // "10 soldiers killed in ..."
            }
        } else {
            // nominal trigger: possessor, demonym / country modifiers, "by" agent, "between A and B"
            for (int d : g.children(h)) {
                if (g.is(d, "nmod:poss")) {
                    src.add(d);
                } else if ((g.is(d, "amod") || g.is(d, "compound")) && !c.match.covered().contains(d) && isActorToken(doc, s, d)) {
                    src.add(d);
                } else if (g.is(d, "compound") && !c.match.covered().contains(d)) {
                    for (int e : g.children(d)) {
                        if ((g.is(e, "amod") || g.is(e, "compound")) && isActorToken(doc, s, e)) {
                            src.add(e); // "Israeli tank shelling"
                        }
                    }
                } else if ((g.is(d, "nmod") || g.is(d, "obl")) && hasCase(g, toks, d, "by")) {
                    src.add(d);
                } else if ((g.is(d, "nmod") || g.is(d, "obl")) && hasCase(g, toks, d, "between")) {
                    src.add(d);
                    c.recip = true;
                }
            }
            tgt.addAll(slotDependents(g, toks, h, slots));
            int p = g.head(h);
            if (p >= 0 && !byHead.containsKey(p) && (g.is(h, "obj") || g.is(h, "obl") && lex.cue("PARTICIPATE", lemma(toks.get(p))))
                    && toks.get(p).pos().startsWith("VB")) {
                // light or motion verb: "launched an air strike", "held talks", "go ... for talks"
                if (src.isEmpty()) {
                    src.addAll(isPassive(g, p) ? agentsOf(g, toks, p) : subjectsOf(g, p));
                    if (src.isEmpty()) {
                        src.addAll(inheritedSubject(g, toks, p));
                    }
                }
                if (tgt.isEmpty()) {
                    tgt.addAll(slotDependents(g, toks, p, slots));
                }
            } else if (p >= 0 && byHead.containsKey(p) && src.isEmpty() && (g.is(h, "obl") || g.is(h, "nmod")) && hasCase(g, toks, h, "of")) {
                // "accused X of bombings": the accused did it
                for (int o : g.children(p, "obj")) {
                    src.add(o);
                }
                if (isRecip(g, toks, src)) {
                    src.clear();
                    src.addAll(subjectsOf(g, p));
                    c.recip = true;
                }
            }
        }
        if (!verb && src.isEmpty() && tgt.isEmpty() && g.head(h) >= 0) {
            // "clashes take place on the border between A and B"
            List<Integer> clause = new ArrayList<>();
            collectSubtree(g, g.head(h), clause, 0, 3);
            for (int d : clause) {
                if ((g.is(d, "nmod") || g.is(d, "obl")) && hasCase(g, toks, d, "between") && !g.children(d, "conj").isEmpty()) {
                    src.add(d);
                    c.recip = true;
                    break;
                }
            }
        }
        if (isRecip(g, toks, tgt) || hasRecipAdverb(g, toks, h)) {
            c.recip = true;
            tgt.removeIf(t -> isRecipToken(toks, t));
        }
        for (int x : src) {
            c.sources.addAll(resolveConj(doc, s, g, x));
        }
        for (int x : tgt) {
            c.targets.addAll(resolveConj(doc, s, g, x));
        }
        // third parties of talks and agreements: "under the aegis of X", "hosted/brokered/mediated by X"
        String type = lex.ploverType(c.code);
        if ("CONSULT".equals(type) || "AGREE".equals(type)) {
            List<Integer> scope = new ArrayList<>(List.of(h));
            if (g.head(h) >= 0 && !verb) {
                scope.add(g.head(h));
            }
            for (int sc : scope) {
                for (int d : g.children(sc)) {
                    if ((g.is(d, "obl") || g.is(d, "nmod")) && THIRD_PARTY_NOUNS.contains(lemma(toks.get(d)))) {
                        for (int e : g.children(d)) {
                            if (g.is(e, "nmod") && hasCase(g, toks, e, "of")) {
                                c.third.addAll(resolveConj(doc, s, g, e));
                            }
                        }
                    }
                    if (g.is(d, "acl") && THIRD_PARTY_VERBS.contains(lemma(toks.get(d)))) {
                        for (int a : agentsOf(g, toks, d)) {
                            c.third.addAll(resolveConj(doc, s, g, a));
                        }
                    }
                }
            }
        }
        dedupe(c.sources);
        dedupe(c.targets);
        dedupe(c.third);
    }

    /** A gerund used as a noun ("fighting between the two countries left 286 dead"). */
    private static boolean nominal(DepGraph g, List<Token> toks, int h) {
        String pos = toks.get(h).pos();
        if (pos.startsWith("NN")) {
            return true;
        }
        return pos.equals("VBG") && g.children(h, "nsubj").isEmpty() && g.children(h, "aux").isEmpty()
                && (g.is(h, "nsubj") || g.is(h, "obj") || g.is(h, "obl") || g.is(h, "nmod"));
    }

    private static void dedupe(List<Actor> actors) {
        Set<String> seen = new HashSet<>();
        actors.removeIf(a -> !seen.add(a.country() + "|" + a.name()));
    }

    private boolean isActorToken(Doc doc, Sentence s, int local) {
        int gi = s.firstToken() + local;
        return geoAt(doc, s, local).isPresent() || doc.people.mentionAt(gi).isPresent();
    }

    /**
     * The country tagger's mention on a sentence-local token, unless it is a city or region match inside a
     * person's name ("Obama" is also a town, "Bush" a village): a PERSON actor mention of the people tagger or a
     * CoreNLP PERSON token wins over a place.
     */
    private static Optional<GeoMention> geoAt(Doc doc, Sentence s, int local) {
        int gi = s.firstToken() + local;
        Optional<GeoMention> m = doc.geo.mentionAt(gi);
        if (m.isEmpty()) {
            return m;
        }
        String kind = m.get().kind();
        if ("CITY".equals(kind) || "REGION".equals(kind)) {
            if ("PERSON".equals(s.tokens().get(local).ner())) {
                return Optional.empty();
            }
            for (ActorMention am : doc.people.mentionsAt(gi)) {
                if ("PERSON".equals(am.kind())) {
                    return Optional.empty();
                }
            }
        }
        return m;
    }

    private static boolean isRecipToken(List<Token> toks, int i) {
        String w = toks.get(i).text().toLowerCase(Locale.ROOT);
        String prev = i > 0 ? toks.get(i - 1).text().toLowerCase(Locale.ROOT) : "";
        return (w.equals("other") && prev.equals("each")) || (w.equals("another") && prev.equals("one"));
    }

    private boolean isRecip(DepGraph g, List<Token> toks, List<Integer> xs) {
        for (int x : xs) {
            if (isRecipToken(toks, x)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasRecipAdverb(DepGraph g, List<Token> toks, int h) {
        for (int c : g.children(h)) {
            if (g.is(c, "advmod") && lex.cue("RECIP", lemma(toks.get(c)))) {
                return true;
            }
        }
        return false;
    }

    /** Subject of a verb that has none of its own: control, relative clauses, gerunds, coordination. */
    private List<Integer> inheritedSubject(DepGraph g, List<Token> toks, int v) {
        int x = v;
        for (int steps = 0; steps < 3; steps++) {
            int p = g.head(x);
            if (p < 0) {
                return List.of();
            }
            String r = g.rel(x);
            if (r.startsWith("xcomp")) {
                List<Integer> obj = g.children(p, "obj");
                if (!obj.isEmpty()) {
                    return obj;
                }
                List<Integer> subj = subjectsOf(g, p);
                if (!subj.isEmpty()) {
                    return subj;
                }
                List<Integer> pass = g.children(p, "nsubj:pass"); // "is scheduled to attend", "is expected to meet"
                if (!pass.isEmpty()) {
                    return pass;
                }
            } else if ((r.startsWith("advcl") || r.startsWith("acl")) && (hasCase(g, toks, x, "of") || hasCase(g, toks, x, "for"))
                    && !g.children(p, "obj").isEmpty()) {
                return g.children(p, "obj");
            } else if (r.equals("acl") && hasCase(g, toks, x, "of") && toks.get(p).pos().startsWith("NN")) {
                return List.of(p); // "accused the forces of having fired"
            } else if (r.startsWith("acl:relcl")) {
                return List.of(p);
            } else if (r.startsWith("advcl") || r.equals("conj")) {
                List<Integer> subj = subjectsOf(g, p);
                if (!subj.isEmpty()) {
                    return subj;
                }
            } else {
                return List.of();
            }
            x = p;
        }
        return List.of();
    }

    // ---- actor resolution -------------------------------------------------------------------------------------

    private List<Actor> resolveConj(Doc doc, Sentence s, DepGraph g, int x) {
        List<Actor> out = new ArrayList<>();
        List<Integer> heads = new ArrayList<>();
        heads.add(x);
        for (int i = 0; i < heads.size() && i < 8; i++) {
            for (int c : g.children(heads.get(i), "conj")) {
                if (!heads.contains(c)) {
                    heads.add(c);
                }
            }
        }
        for (int h : heads) {
            out.addAll(resolveOne(doc, s, g, h));
        }
        return out;
    }

    /** Tokens of the phrase headed by h that describe the actor. */
    private List<Integer> phrase(DepGraph g, List<Token> toks, int h) {
        List<Integer> out = new ArrayList<>();
        collect(g, toks, h, out, 0);
        out.sort(Integer::compare);
        return out;
    }

    private void collect(DepGraph g, List<Token> toks, int h, List<Integer> out, int depth) {
        out.add(h);
        if (depth > 3) {
            return;
        }
        for (int c : g.children(h)) {
            String r = g.rel(c);
            boolean take = r.startsWith("compound") || (r.startsWith("amod") && c < h) || r.startsWith("nmod:poss") || r.startsWith("flat")
                    || r.equals("det") || r.startsWith("nummod") || r.equals("case") || r.startsWith("appos")
                    || (r.startsWith("nmod") && (hasCase(g, toks, c, "of") || hasCase(g, toks, c, "in") || hasCase(g, toks, c, "from")));
            if (take) {
                collect(g, toks, c, out, depth + 1);
            }
        }
    }

    private List<Actor> resolveOne(Doc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        int base = s.firstToken();
        Token ht = toks.get(h);
        String pos = ht.pos();
        if (pos.equals("WDT") || pos.equals("WP")) {
            int noun = g.head(h) >= 0 ? g.head(g.head(h)) : -1; // that <- verb <- noun
            return noun >= 0 && noun != h ? resolveOne(doc, s, g, noun) : List.of();
        }
        if (pos.equals("PRP") || pos.equals("PRP$")) {
            String w = ht.text().toLowerCase(Locale.ROOT);
            if (PRONOUNS.contains(w)) {
                int x = g.head(h);
                for (int steps = 0; x >= 0 && steps < 4; steps++) {
                    int p = g.head(x);
                    if (p < 0 || !(g.rel(x).startsWith("ccomp") || g.rel(x).startsWith("xcomp") || g.rel(x).startsWith("advcl")
                            || g.rel(x).startsWith("acl") || g.rel(x).equals("conj"))) {
                        break;
                    }
                    for (int sj : g.children(p)) {
                        if ((g.is(sj, "nsubj") || g.is(sj, "nsubj:pass")) && sj != h && sj < h && !toks.get(sj).pos().startsWith("PRP")) {
                            return resolveOne(doc, s, g, sj);
                        }
                    }
                    x = p;
                }
                for (int r = 0; r < toks.size(); r++) {
                    if (g.head(r) == -1) {
                        for (int sj : g.children(r, "nsubj")) {
                            if (sj < h && !toks.get(sj).pos().startsWith("PRP")) {
                                return resolveOne(doc, s, g, sj);
                            }
                        }
                    }
                }
            }
            return List.of();
        }
        if (pos.equals("EX")) {
            return List.of();
        }
        List<Integer> span = phrase(g, toks, h);
        String phraseText = spanText(doc, s, span);
        List<String> lemmas = new ArrayList<>();
        for (int i : span) {
            lemmas.add(lemma(toks.get(i)));
        }
        String sector = sectorOf(toks, span, h);

        // 1. an actor mention at the head, or the one in the phrase nearest to the head
        Optional<ActorMention> am = doc.people.mentionAt(base + h);
        for (ActorMention m : doc.people.mentionsAt(base + h)) {
            if ("PERSON".equals(m.kind()) && (am.isEmpty() || am.get().country() == null)) {
                am = Optional.of(m);
            }
        }
        if (am.isEmpty()) {
            for (int i : span) {
                Optional<ActorMention> m = doc.people.mentionAt(base + i);
                if (m.isPresent() && g.head(i) == h || m.isPresent() && am.isEmpty()) {
                    am = m;
                }
            }
        }
        // countries named in the phrase, one actor per country joined by "and" ("US and British activists")
        List<String> countries = new ArrayList<>();
        GeoMention headGeo = geoAt(doc, s, h).orElse(null);
        for (int i : span) {
            geoAt(doc, s, i).ifPresent(m -> {
                if (!countries.contains(m.country())) {
                    countries.add(m.country());
                }
            });
        }
        for (int i : span) {
            for (int c : g.children(i, "conj")) {
                if (g.is(i, "amod") || g.is(i, "compound") || g.is(i, "nmod")) {
                    geoAt(doc, s, c).ifPresent(m -> {
                        if (!countries.contains(m.country())) {
                            countries.add(m.country());
                        }
                    });
                }
            }
        }
        if (am.isPresent()) {
            ActorMention m = am.get();
            List<Actor> same = new ArrayList<>();
            for (ActorMention o : doc.people.mentions()) {
                if (o != m && o.firstToken() == m.firstToken() && o.lastToken() == m.lastToken() && o.country() != null
                        && !o.country().equals(m.country())) {
                    same.add(new Actor(o.country(), o.kind().equals("UNNAMED") ? phraseText : o.name(), o.kind(),
                            o.sector() != null ? o.sector() : sector));
                }
            }
            if (!same.isEmpty() && m.country() != null) {
                same.add(0, new Actor(m.country(), m.kind().equals("UNNAMED") ? phraseText : m.name(), m.kind(),
                        m.sector() != null ? m.sector() : sector));
                return same;
            }
            if (m.country() == null && countries.isEmpty() && doc.lastPair.size() == 2 && mentionsPair(toks, span)) {
                List<Actor> out = new ArrayList<>();
                for (Actor a : doc.lastPair) {
                    out.add(new Actor(a.country(), m.kind().equals("UNNAMED") ? phraseText : m.name(), m.kind(),
                            m.sector() != null ? m.sector() : sector));
                }
                return out;
            }
            String country = m.country() != null ? m.country() : (countries.isEmpty() ? null : countries.get(0));
            String sec = m.sector() != null ? m.sector() : sector;
            if (country == null && !"PERSON".equals(m.kind())) {
                country = possessorCountry(doc, s, g, span, h);
            }
            if (country == null && "IGO".equals(igoSector(toks, span, h))) {
                sec = "IGO";
            }
            String name = m.kind().equals("UNNAMED") ? phraseText : m.name();
            return List.of(new Actor(country, name, m.kind(), sec));
        }
        if (headGeo != null && span.size() <= 3 && !headGeo.kind().equals("DEMONYM")) {
            return List.of(new Actor(headGeo.country(), headGeo.text(), "COUNTRY", sector));
        }
        if (!countries.isEmpty()) {
            String kind = ht.ner().equals("ORGANIZATION") ? "ORGANIZATION" : ht.ner().equals("PERSON") ? "PERSON" : "UNNAMED";
            if (countries.size() > 1 && hasConjModifier(g, span)) {
                List<Actor> out = new ArrayList<>();
                for (String cc : countries) {
                    out.add(new Actor(cc, phraseText, kind, sector));
                }
                return out;
            }
            // prefer the country of a modifier of the head ("Armenian positions", "positions of Baku")
            return List.of(new Actor(countries.get(0), phraseText, headGeo != null ? "COUNTRY" : kind, sector));
        }
        // "the two countries", "both sides": the last pair of countries named together
        if (doc.lastPair.size() == 2 && mentionsPair(toks, span)) {
            return doc.lastPair;
        }
        String owner = possessorCountry(doc, s, g, span, h);
        if (owner != null) {
            return List.of(new Actor(owner, phraseText, ht.ner().equals("ORGANIZATION") ? "ORGANIZATION" : "UNNAMED", sector));
        }
        if (ht.ner().equals("PERSON")) {
            // a PERSON the people tagger did not output: the same leaders list the people tagger reads
            Leaders.Leader known = leaders.leader(personName(toks, h));
            if (known != null) {
                return List.of(new Actor(known.country(), phraseText, "PERSON", sector != null ? sector : known.sector()));
            }
        }
        if (igoSector(toks, span, h) != null) {
            sector = "IGO"; // "UN troops", "United Nations inspectors": an intergovernmental actor
        }
        if (ht.ner().equals("PERSON") || ht.ner().equals("ORGANIZATION")) {
            return List.of(new Actor(null, phraseText, ht.ner(), sector));
        }
        if (sector != null) {
            return List.of(new Actor(null, phraseText, "UNNAMED", sector));
        }
        return List.of();
    }

    /** "its troops", "their forces": the country of the pronoun possessor of the head, or null. */
    private String possessorCountry(Doc doc, Sentence s, DepGraph g, List<Integer> span, int h) {
        for (int i : span) {
            if (i != h && s.tokens().get(i).pos().equals("PRP$") && g.head(i) == h) {
                for (Actor owner : resolveOne(doc, s, g, i)) {
                    if (owner.country() != null) {
                        return owner.country();
                    }
                }
            }
        }
        return null;
    }

    /** The PERSON-tagged tokens around h ("Barack Obama"). */
    private static String personName(List<Token> toks, int h) {
        int a = h;
        int b = h;
        while (a > 0 && "PERSON".equals(toks.get(a - 1).ner())) {
            a--;
        }
        while (b + 1 < toks.size() && "PERSON".equals(toks.get(b + 1).ner())) {
            b++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = a; i <= b; i++) {
            sb.append(i > a ? " " : "").append(toks.get(i).text());
        }
        return sb.toString();
    }

    /** "IGO" when the phrase names an intergovernmental organisation (actors.tsv rows with sector IGO). */
    private String igoSector(List<Token> toks, List<Integer> span, int h) {
        for (EventLexicon.Phrase p : lex.sectors()) {
            if (!p.value().equals("IGO")) {
                continue;
            }
            int n = p.lemmas().size();
            for (int k = 0; k + n <= span.size(); k++) {
                boolean ok = true;
                for (int j = 0; j < n && ok; j++) {
                    Token t = toks.get(span.get(k + j));
                    ok = p.lemmas().get(j).equals(lemma(t)) || p.lemmas().get(j).equals(t.text().toLowerCase(Locale.ROOT));
                }
                if (ok) {
                    return "IGO";
                }
            }
        }
        return null;
    }

    private boolean mentionsPair(List<Token> toks, List<Integer> span) {
        for (int k = 0; k + 1 < span.size(); k++) {
            String w = toks.get(span.get(k)).text().toLowerCase(Locale.ROOT);
            if (w.equals("two") || w.equals("both")) {
                for (int j = k + 1; j < Math.min(span.size(), k + 3); j++) {
                    if (lex.cue("PAIR", lemma(toks.get(span.get(j))))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasConjModifier(DepGraph g, List<Integer> span) {
        for (int i : span) {
            if (!g.children(i, "conj").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private String spanText(Doc doc, Sentence s, List<Integer> span) {
        List<Token> toks = s.tokens();
        int first = span.get(0);
        while (first < span.get(span.size() - 1) && (toks.get(first).pos().equals("DT") || toks.get(first).pos().equals("IN"))) {
            first++;
        }
        int last = span.get(span.size() - 1);
        return doc.text.text(toks.get(first).begin(), toks.get(last).end());
    }

    private String sectorOf(List<Token> toks, List<Integer> span, int h) {
        String best = null;
        int bestLen = 0;
        int bestDist = Integer.MAX_VALUE;
        for (EventLexicon.Phrase p : lex.sectors()) {
            int n = p.lemmas().size();
            for (int k = 0; k + n <= span.size(); k++) {
                boolean ok = true;
                for (int j = 0; j < n; j++) {
                    int ti = span.get(k + j);
                    String l = lemma(toks.get(ti));
                    String w = toks.get(ti).text().toLowerCase(Locale.ROOT);
                    if (!p.lemmas().get(j).equals(l) && !p.lemmas().get(j).equals(w)) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    int dist = Math.abs(span.get(k + n - 1) - h);
                    if (n > bestLen || n == bestLen && dist < bestDist) {
                        best = p.value();
                        bestLen = n;
                        bestDist = dist;
                    }
                }
            }
        }
        return best;
    }

    /** Remembers two countries named together ("Armenia and Azerbaijan") for later "the two countries". */
    private void rememberPair(Doc doc, Sentence s) {
        List<Token> toks = s.tokens();
        int base = s.firstToken();
        for (int i = 1; i + 1 < toks.size(); i++) {
            if (!toks.get(i).text().equalsIgnoreCase("and")) {
                continue;
            }
            Optional<GeoMention> a = geoAt(doc, s, i - 1);
            Optional<GeoMention> b = geoAt(doc, s, i + 1);
            if (a.isPresent() && b.isPresent() && !a.get().country().equals(b.get().country())) {
                doc.lastPair = List.of(new Actor(a.get().country(), a.get().text(), "COUNTRY", null),
                        new Actor(b.get().country(), b.get().text(), "COUNTRY", null));
            }
        }
    }

    // ---- flags, mode, location -----------------------------------------------------------------------------

    private void fillFlags(DepGraph g, List<Token> toks, Cand c) {
        int h = c.head;
        List<Integer> scope = new ArrayList<>(List.of(h));
        int p = g.head(h);
        if (p >= 0 && toks.get(h).pos().startsWith("NN") && (g.is(h, "obj") || g.is(h, "obl")) && toks.get(p).pos().startsWith("VB")) {
            scope.add(p); // the light verb carries negation and modality: "did not hold talks"
        }
        for (int x : scope) {
            for (int d : g.children(x)) {
                String l = lemma(toks.get(d));
                String w = toks.get(d).text().toLowerCase(Locale.ROOT);
                if ((g.is(d, "advmod") || g.is(d, "neg") || g.is(d, "det") || g.is(d, "mark") || g.is(d, "cc:preconj"))
                        && (lex.cue("NEG", l) || lex.cue("NEG", w))) {
                    c.negated = true;
                }
                if (g.is(d, "aux") && (lex.cue("MODAL", l) || lex.cue("MODAL", w))) {
                    c.hypothetical = true;
                }
                if (g.is(d, "aux") && (lex.cue("FUTURE", l) || lex.cue("FUTURE", w))) {
                    c.future = true;
                }
                if (g.is(d, "mark") && lex.cue("HYPO", l)) {
                    c.hypothetical = true;
                }
            }
        }
        // governors: "fears of a war", "aimed at ending", "plans to attack" (stop at a reporting verb)
        int x = h;
        for (int steps = 0; steps < 4; steps++) {
            int q = g.head(x);
            if (q < 0) {
                break;
            }
            String ql = lemma(toks.get(q));
            if (lex.cue("REPORT", ql) || g.is(x, "conj") || g.is(x, "parataxis")) {
                break;
            }
            if (lex.cue("HYPO", ql)) {
                c.hypothetical = true;
            }
            if (lex.cue("FUTURE", ql)) {
                c.future = true;
            }
            for (int d : g.children(q, "aux")) {
                if (lex.cue("FUTURE", lemma(toks.get(d))) || lex.cue("FUTURE", toks.get(d).text().toLowerCase(Locale.ROOT))) {
                    c.future = true;
                }
            }
            x = q;
        }
        // "would not provide support": refusing cooperation is a rejection
        int quad = lex.codeInfo(c.code).quadClass();
        if (c.negated && quad <= 2 && c.hypothetical) {
            c.code = "120";
            c.negated = false;
            c.hypothetical = false;
        }
    }

    private void fillMode(DepGraph g, List<Token> toks, Cand c) {
        if (c.mode != null || !"ASSAULT".equals(lex.ploverType(c.code))) {
            return;
        }
        List<Integer> scope = new ArrayList<>();
        collectSubtree(g, c.head, scope, 0, 2);
        scope.sort(Integer::compare);
        for (EventLexicon.Phrase p : lex.modes()) {
            int n = p.lemmas().size();
            for (int k = 0; k + n <= scope.size(); k++) {
                boolean ok = true;
                for (int j = 0; j < n; j++) {
                    int ti = scope.get(k + j);
                    if (j > 0 && ti != scope.get(k + j - 1) + 1) {
                        ok = false;
                        break;
                    }
                    String l = lemma(toks.get(ti));
                    if (!p.lemmas().get(j).equals(l) && !p.lemmas().get(j).equals(toks.get(ti).text().toLowerCase(Locale.ROOT))) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    c.mode = p.value();
                    if (p.code() != null && c.code.equals("190")) {
                        c.code = p.code();
                    }
                    return;
                }
            }
        }
    }

    private static void collectSubtree(DepGraph g, int h, List<Integer> out, int depth, int max) {
        out.add(h);
        if (depth >= max) {
            return;
        }
        for (int c : g.children(h)) {
            if (g.is(c, "ccomp") || g.is(c, "parataxis") || g.is(c, "conj") || g.is(c, "advcl") || g.is(c, "acl")) {
                continue;
            }
            collectSubtree(g, c, out, depth + 1, max);
        }
    }

    private static final Set<String> LOCATIVE = WordList.load("/events/locatives.txt");
    private static final Set<String> MOTION = WordList.load("/events/motion_verbs.txt");

    private void fillLocation(Doc doc, Sentence s, DepGraph g, Cand c) {
        List<Token> toks = s.tokens();
        int base = s.firstToken();
        List<Integer> roots = new ArrayList<>(List.of(c.head));
        for (int k : c.match.covered()) {
            if (k != c.head) {
                roots.add(k); // "held talks in Kampala"
            }
        }
        if (c.match.trigger().absorb()) {
            roots.addAll(g.children(c.head, "xcomp"));
            roots.addAll(g.children(c.head, "ccomp"));
        }
        int p = g.head(c.head);
        if (p >= 0 && toks.get(c.head).pos().startsWith("NN") && (g.is(c.head, "obj") || g.is(c.head, "obl"))) {
            roots.add(p);
        }
        // compounds of a nominal trigger: "Brussels meetings"
        for (int d : g.children(c.head, "compound")) {
            Optional<GeoMention> m = doc.geo.mentionAt(base + d);
            if (m.isPresent() && !"DEMONYM".equals(m.get().kind()) && !"NAME".equals(m.get().kind())) {
                setLocation(c, m.get());
                return;
            }
        }
        for (int r : roots) {
            for (int d : g.children(r)) {
                if (!(g.is(d, "obl") || g.is(d, "nmod") || g.is(d, "advmod"))) {
                    continue;
                }
                String cs = caseOf(g, toks, d);
                boolean locative = false;
                for (String w : cs.split(" ")) {
                    if (LOCATIVE.contains(w) || (w.equals("to") && MOTION.contains(lemma(toks.get(r))))) {
                        locative = true;
                    }
                }
                if (!locative) {
                    // "at a summit in Russia": one more step down
                    for (int e : g.children(d, "nmod")) {
                        if (LOCATIVE.contains(caseOf(g, toks, e)) && geoIn(doc, s, g, e) != null) {
                            setLocation(c, geoIn(doc, s, g, e));
                            return;
                        }
                    }
                    continue;
                }
                GeoMention m = geoIn(doc, s, g, d);
                if (m != null && "DEMONYM".equals(m.kind()) && attackPhrase(g, toks, d)) {
                    m = null; // "killed in Israeli tank shelling": the demonym says who, not where
                }
                if (m != null) {
                    setLocation(c, m);
                    return;
                }
                for (int e : g.children(d, "nmod")) {
                    if (LOCATIVE.contains(caseOf(g, toks, e)) && geoIn(doc, s, g, e) != null) {
                        setLocation(c, geoIn(doc, s, g, e));
                        return;
                    }
                }
            }
        }
        // the place visited or attended: "attend the Beijing Olympics", "attend a summit in Switzerland"
        if (c.match.trigger().targets().contains("place")) {
            for (int r : roots) {
                for (int o : g.children(r, "obj")) {
                    for (int i : phrase(g, toks, o)) {
                        Optional<GeoMention> m = geoAt(doc, s, i);
                        if (m.isPresent() && !"DEMONYM".equals(m.get().kind()) && !"NAME".equals(m.get().kind())) {
                            setLocation(c, m.get());
                            return;
                        }
                    }
                    for (int e : g.children(o, "nmod")) {
                        if (LOCATIVE.contains(caseOf(g, toks, e)) && geoIn(doc, s, g, e) != null) {
                            setLocation(c, geoIn(doc, s, g, e));
                            return;
                        }
                    }
                }
            }
        }
    }

    /** The phrase headed by d names an attack ("Israeli tank shelling", "an air strike"). */
    private boolean attackPhrase(DepGraph g, List<Token> toks, int d) {
        List<Integer> sub = new ArrayList<>();
        collectSubtree(g, d, sub, 0, 1);
        for (int i : sub) {
            if (isTriggerNoun(toks.get(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean isTriggerNoun(Token t) {
        for (String key : List.of(lemma(t), t.text().toLowerCase(Locale.ROOT))) {
            for (EventLexicon.Trigger tr : lex.triggersStartingWith(key)) {
                if (tr.pos().equals("N")) {
                    return true;
                }
            }
        }
        return false;
    }

    private GeoMention geoIn(Doc doc, Sentence s, DepGraph g, int d) {
        List<Integer> span = phrase(g, s.tokens(), d);
        Optional<GeoMention> headMention = geoAt(doc, s, d);
        if (headMention.isPresent()) {
            return headMention.get();
        }
        for (int i : span) {
            Optional<GeoMention> m = geoAt(doc, s, i);
            if (m.isPresent() && !"DEMONYM".equals(m.get().kind())) {
                return m.get();
            }
        }
        for (int i : span) {
            Optional<GeoMention> m = geoAt(doc, s, i);
            if (m.isPresent()) {
                return m.get();
            }
        }
        return null;
    }

    private static void setLocation(Cand c, GeoMention m) {
        c.locCountry = m.country();
        String kind = m.kind();
        if (m.place() != null) {
            c.place = m.place();
        } else if (!"NAME".equals(kind) && !"DEMONYM".equals(kind)) {
            c.place = m.text();
        }
    }

    // ---- dates and casualties ---------------------------------------------------------------------------------

    private void fillDates(Doc doc, Sentence s, DepGraph g, List<Cand> live) {
        List<Token> toks = s.tokens();
        List<DateNormalizer.Expr> exprs = DateNormalizer.find(toks);
        if (exprs.isEmpty()) {
            return;
        }
        Map<Integer, Cand> heads = new HashMap<>();
        for (Cand c : live) {
            heads.put(c.head, c);
            int p = g.head(c.head);
            if (p >= 0 && toks.get(c.head).pos().startsWith("NN") && !heads.containsKey(p) && (g.is(c.head, "obj") || g.is(c.head, "obl"))
                    && toks.get(p).pos().startsWith("VB")) {
                heads.putIfAbsent(p, c); // the light verb's dates belong to its nominal trigger
            }
        }
        Map<Cand, DateNormalizer.Expr> own = new HashMap<>();
        List<DateNormalizer.Expr> free = new ArrayList<>();
        for (DateNormalizer.Expr e : exprs) {
            if (isReportDate(toks, e)) {
                continue;
            }
            boolean since = e.first() > 0 && toks.get(e.first() - 1).text().equalsIgnoreCase("since")
                    || e.first() > 1 && toks.get(e.first() - 2).text().equalsIgnoreCase("since");
            // the lowest trigger above the expression owns it
            Cand owner = null;
            int anchor = e.last();
            for (int x = g.head(anchor), steps = 0; x >= 0 && steps < toks.size(); x = g.head(x), steps++) {
                if (heads.containsKey(x)) {
                    owner = heads.get(x);
                    break;
                }
                if (lex.cue("REPORT", lemma(toks.get(x)))) {
                    break;
                }
            }
            if (owner == null) {
                for (int i = e.first(); i <= e.last(); i++) {
                    if (heads.containsKey(i)) {
                        owner = heads.get(i);
                    }
                }
            }
            if (owner != null && !(since && g.head(e.last()) != owner.head)) {
                own.putIfAbsent(owner, e);
            } else if (!since) {
                free.add(e);
            }
        }
        for (Cand c : live) {
            DateNormalizer.Expr e = own.get(c);
            if (e == null && !c.hypothetical) {
                int best = Integer.MAX_VALUE;
                for (DateNormalizer.Expr f : free) {
                    int d = Math.min(Math.abs(f.first() - c.head), Math.abs(f.last() - c.head));
                    if (d < best) {
                        best = d;
                        e = f;
                    }
                }
            }
            if (e != null) {
                c.date = e.resolve(doc.pub, c.future);
            }
        }
    }

    private boolean isReportDate(List<Token> toks, DateNormalizer.Expr e) {
        for (int k = 1; k <= 3; k++) {
            int i = e.first() - k;
            if (i < 0) {
                break;
            }
            if (lex.cue("REPORT", lemma(toks.get(i))) && toks.get(i).pos().startsWith("VB")) {
                return true;
            }
            String w = toks.get(i).text().toLowerCase(Locale.ROOT);
            if (!(w.equals("on") || w.equals("here") || w.equals("late") || w.equals("early") || toks.get(i).pos().startsWith("NNP"))) {
                break;
            }
        }
        int j = e.last() + 1;
        return j < toks.size() && lex.cue("REPORT", lemma(toks.get(j))) && toks.get(j).pos().startsWith("VB");
    }

    private void fillCasualties(List<Token> toks, List<Cand> live) {
        List<Cand> assaults = new ArrayList<>();
        for (Cand c : live) {
            if ("ASSAULT".equals(lex.ploverType(c.code))) {
                assaults.add(c);
            }
        }
        if (assaults.isEmpty()) {
            return;
        }
        for (CasualtyFinder.Count k : CasualtyFinder.find(toks)) {
            Cand best = null;
            int bestD = Integer.MAX_VALUE;
            for (Cand c : assaults) {
                int d = c.head < k.first() ? k.first() - c.head : Math.max(0, c.head - k.last());
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (best != null) {
                if (k.dead() != null && best.dead == null) {
                    best.dead = k.dead();
                    best.atLeast |= k.atLeast();
                }
                if (k.injured() != null && best.injured == null) {
                    best.injured = k.injured();
                    best.atLeast |= k.atLeast();
                }
            }
        }
    }

    // ---- output ----------------------------------------------------------------------------------------------

    private void emit(Doc doc, List<Token> toks, Cand c, Mention sentence, List<EventTag> out) {
        EventLexicon.CodeInfo info = lex.codeInfo(c.code);
        if (info == null || info.plover() == null) {
            return;
        }
        Token first = toks.get(c.headOverride >= 0 ? c.headOverride : c.match.first());
        Token last = toks.get(c.headOverride >= 0 ? c.headOverride : c.match.last());
        Mention trigger = new Mention(first.begin(), last.end(), doc.text.text(first.begin(), last.end()));
        Casualties cas = c.dead == null && c.injured == null ? null : new Casualties(c.dead, c.injured, c.atLeast);
        String root = c.code.substring(0, 2);
        List<Actor[]> pairs = new ArrayList<>();
        List<Actor> src = c.sources;
        List<Actor> tgt = c.targets;
        if (c.recip && src.size() >= 2 && tgt.isEmpty()) {
            for (Actor a : src) {
                for (Actor b : src) {
                    if (a != b) {
                        pairs.add(new Actor[] {a, b});
                    }
                }
            }
        } else if (c.symmetric() && !tgt.isEmpty()) {
            for (Actor a : src.isEmpty() ? java.util.Collections.<Actor>singletonList(null) : src) {
                for (Actor b : tgt) {
                    pairs.add(new Actor[] {a, b});
                    if (a != null) {
                        pairs.add(new Actor[] {b, a});
                    }
                }
            }
        } else if (c.symmetric() && src.size() >= 2) {
            for (Actor a : src) {
                for (Actor b : src) {
                    if (a != b) {
                        pairs.add(new Actor[] {a, b});
                    }
                }
            }
        } else {
            for (Actor a : src.isEmpty() ? java.util.Collections.<Actor>singletonList(null) : src) {
                for (Actor b : tgt.isEmpty() ? java.util.Collections.<Actor>singletonList(null) : tgt) {
                    if (a != null && b != null && a.equals(b) || a == null && b == null) {
                        continue;
                    }
                    pairs.add(new Actor[] {a, b});
                }
            }
        }
        // third parties (host, mediator): each participant with the third party
        List<Actor> third = new ArrayList<>(c.third);
        Set<String> typeTargets = c.match.trigger().targets();
        if (typeTargets.contains("place") && c.locCountry != null) {
            boolean known = false;
            for (Actor a : src) {
                known |= c.locCountry.equals(a.country());
            }
            for (Actor a : tgt) {
                known |= c.locCountry.equals(a.country());
            }
            for (Actor a : c.third) {
                known |= c.locCountry.equals(a.country());
            }
            if (!known && !src.isEmpty()) {
                third.add(new Actor(c.locCountry, c.place, "COUNTRY", null));
            }
        }
        for (Actor t : third) {
            for (Actor a : src) {
                if (t.country() == null || !t.country().equals(a.country())) {
                    pairs.add(new Actor[] {a, t});
                    pairs.removeIf(pr -> pr[0] == a && pr[1] == null); // "A -> ?" says less than "A -> host"
                }
            }
        }
        // one country on both sides from one trigger only when the text names two different actors of it
        // ("Georgian demonstrators ... the Georgian government"), never from a bare country, place or host
        pairs.removeIf(pr -> pr[0] != null && pr[1] != null && pr[0].country() != null && pr[0].country().equals(pr[1].country())
                && ("COUNTRY".equals(pr[0].kind()) || "COUNTRY".equals(pr[1].kind()) || Objects.equals(pr[0].name(), pr[1].name())));
        if (pairs.isEmpty()) {
            // Actorless events are published only with a stated toll ("a war that killed more than 6,500"):
            // "talks in Washington", "the 2020 war" without anyone doing anything are counted by nobody.
            if (c.dead == null && c.injured == null) {
                return;
            }
            pairs.add(new Actor[] {null, null});
        }
        Set<String> seen = new HashSet<>();
        for (Actor[] pr : pairs) {
            if (pairs.size() > 1 && pr[0] == null && pr[1] == null) {
                continue;
            }
            // one event per type, source country and target country for a trigger ("the foreign ministers" and
            // "the Armenian foreign minister" over the same span give one AM -> US, not two)
            String key = pr[0] != null && pr[0].country() != null && pr[1] != null && pr[1].country() != null
                    ? pr[0].country() + "->" + pr[1].country()
                    : String.valueOf(pr[0]) + "->" + pr[1];
            if (!seen.add(key)) {
                continue;
            }
            out.add(new EventTag(info.plover(), c.mode, root, info.quadClass(), pr[0], pr[1], trigger, sentence, c.date,
                    c.locCountry, c.place, cas, c.negated, c.hypothetical));
        }
    }
}
