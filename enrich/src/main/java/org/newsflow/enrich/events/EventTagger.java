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
    private static final Set<String> THIRD_PARTY_NOUNS = WordList.load("/events/third_party_nouns.txt");
    private static final Set<String> THIRD_PARTY_VERBS = WordList.load("/events/third_party_verbs.txt");

    private final EventLexicon lex;
    private final Function<List<Token>, DepGraph> parser;
    private final KnownLeaders leaders;
    private final TriggerMatcher triggers;
    private final ActorResolver actors;
    private final LocationFiller locations;
    private final DateFiller dates;
    private final CasualtyFiller casualties;
    private final EventEmitter emitter;

    /**
     * @param parser the dependency parser of a sentence's tokens (the factory's {@link SentenceParser})
     * @param leaders well-known office holders, for a PERSON the people tagger did not output
     */
    public EventTagger(EventLexicon lexicon, Function<List<Token>, DepGraph> parser, KnownLeaders leaders) {
        this.lex = Objects.requireNonNull(lexicon);
        this.parser = Objects.requireNonNull(parser);
        this.leaders = Objects.requireNonNull(leaders);
        this.triggers = new TriggerMatcher(lexicon);
        this.actors = new ActorResolver(lexicon, leaders);
        this.locations = new LocationFiller(lexicon);
        this.dates = new DateFiller(lexicon);
        this.casualties = new CasualtyFiller(lexicon);
        this.emitter = new EventEmitter(lexicon);
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

    public List<EventTag> tag(AnalyzedText text, GeoResult geo, PeopleResult people, TextMask mask, LocalDate publishedOn) {
        EventDoc doc = new EventDoc(text, geo, people, mask, publishedOn);
        List<EventTag> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<TriggerMatch> matches = triggers.findTriggers(s, doc);
            if (!matches.isEmpty() && mayHaveActorOrToll(doc, s)) {
                DepGraph g = parser.apply(s.tokens());
                out.addAll(codeSentence(doc, s, g, matches));
            }
            actors.rememberPair(doc, s);
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
    private boolean mayHaveActorOrToll(EventDoc doc, Sentence s) {
        List<Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            int gi = s.firstToken() + i;
            String ner = t.ner();
            String w = t.text().toLowerCase(Locale.ROOT);
            if ("PERSON".equals(ner) || "ORGANIZATION".equals(ner) || lex.sectorWord(DepPaths.lemma(t)) || lex.sectorWord(w)
                    || w.equals("two") || w.equals("both")
                    || doc.geo.mentionAt(gi).isPresent() || !doc.people.mentionsAt(gi).isEmpty()) {
                return true;
            }
        }
        return !CasualtyFinder.find(toks).isEmpty();
    }

    // ---- triggers -----------------------------------------------------------------------------------------







    // ---- coding a sentence ----------------------------------------------------------------------------------

    private List<EventTag> codeSentence(EventDoc doc, Sentence s, DepGraph g, List<TriggerMatch> matches) {
        List<Token> toks = s.tokens();
        Map<Integer, EventCandidate> byHead = new LinkedHashMap<>();
        for (TriggerMatch m : matches) {
            EventCandidate c = new EventCandidate();
            c.match = m;
            c.head = m.head();
            c.code = m.trigger().code();
            c.mode = m.trigger().mode();
            byHead.put(c.head, c);
        }
        // structural filters: references ("end the fighting"), absorbed content ("pledged not to use force"),
        // nominal triggers that only restate a verbal trigger of the same type ("engaged ... in a firefight")
        for (EventCandidate c : byHead.values()) {
            int p = g.head(c.head);
            if (p >= 0 && lex.cue("REF", DepPaths.lemma(toks.get(p))) && (g.is(c.head, "obj")
                    || toks.get(p).pos().startsWith("NN") && (g.is(c.head, "nmod") || g.is(c.head, "obl")))) {
                c.dropped = true;
                continue;
            }
            EventCandidate absorber = absorbingAncestor(g, toks, byHead, c.head);
            if (absorber != null) {
                c.dropped = true;
                continue;
            }
            if (toks.get(c.head).pos().startsWith("NN") && p >= 0 && byHead.containsKey(p) && !byHead.get(p).dropped
                    && (g.is(c.head, "obj") || g.is(c.head, "obl"))) {
                EventCandidate parent = byHead.get(p);
                String pt = lex.ploverType(parent.code);
                if (pt != null && pt.equals(lex.ploverType(c.code))) {
                    if (DepPaths.specificity(c.code) > DepPaths.specificity(parent.code)) {
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
                EventCandidate parent = byHead.get(p);
                String pt = lex.ploverType(parent.code);
                if (pt != null && pt.equals(lex.ploverType(c.code))) {
                    c.dropped = true;
                    c.mergedInto = parent;
                }
            }
        }
        List<EventCandidate> live = new ArrayList<>();
        for (EventCandidate c : byHead.values()) {
            if (!c.dropped) {
                live.add(c);
            }
        }
        for (EventCandidate c : live) {
            fillRoles(doc, s, g, c, byHead);
            fillFlags(g, toks, c);
            fillMode(g, toks, c);
            locations.fillLocation(doc, s, g, c);
        }
        // merged restatements lend their actors to the event they restate ("killed in Israeli shelling")
        for (EventCandidate c : byHead.values()) {
            if (c.mergedInto != null && !c.mergedInto.dropped) {
                fillRoles(doc, s, g, c, byHead);
                EventCandidate parent = c.mergedInto;
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
        dates.fillDates(doc, s, g, live);
        for (EventCandidate c : live) {
            if (c.claimOf != null && c.date == null) {
                c.date = c.claimOf.date; // the accusation is dated by what it reports
            }
        }
        casualties.fillCasualties(toks, live);

        List<EventTag> out = new ArrayList<>();
        Mention sentence = new Mention(s.begin(), s.end(), s.text(doc.text.body()));
        for (EventCandidate c : live) {
            emitter.emit(doc, toks, c, sentence, out);
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
    private void restructure(EventDoc doc, Sentence s, DepGraph g, Map<Integer, EventCandidate> byHead, List<EventCandidate> live) {
        List<Token> toks = s.tokens();
        for (EventCandidate c : new ArrayList<>(live)) {
            int p = g.head(c.head);
            boolean noun = toks.get(c.head).pos().startsWith("NN");
            EventCandidate parent = p >= 0 ? byHead.get(p) : null;
            if (noun && parent != null && !parent.dropped && parent != c && toks.get(p).pos().startsWith("VB") && g.is(c.head, "obj")) {
                if (parent.targets.isEmpty()) {
                    parent.targets.addAll(c.targets);
                }
                if (c.sources.isEmpty() || DepPaths.sameActors(c.sources, parent.sources)) {
                    c.dropped = true;
                }
            } else if (noun && parent == null && c.sources.isEmpty() && c.targets.isEmpty() && p >= 0
                    && (g.is(c.head, "nmod") || g.is(c.head, "obl") && !lex.cue("PARTICIPATE", DepPaths.lemma(toks.get(p))))) {
                c.dropped = true;
            }
        }
        live.removeIf(c -> c.dropped);
        for (EventCandidate c : live) {
            intent(doc, s, g, c);
        }
        for (EventCandidate c : live) {
            // destruction or coercion by protesters is a violent protest (145), not state coercion
            if (c.code.startsWith("17") && !c.sources.isEmpty() && c.sources.stream().allMatch(a -> actors.protester(a.name()))) {
                c.code = "145";
                c.mode = "riot";
            }
        }
        List<EventCandidate> added = new ArrayList<>();
        for (EventCandidate c : live) {
            EventCandidate acc = claim(doc, s, g, c, byHead);
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



    /** The intent rules of {@link #restructure}. */
    private void intent(EventDoc doc, Sentence s, DepGraph g, EventCandidate c) {
        if (!c.hypothetical || c.negated) {
            return;
        }
        List<Token> toks = s.tokens();
        int quad = lex.codeInfo(c.code).quadClass();
        int gov = -1;
        if (g.is(c.head, "xcomp") && g.head(c.head) >= 0 && lex.cue("INTENT", DepPaths.lemma(toks.get(g.head(c.head))))) {
            gov = g.head(c.head);
        }
        boolean would = false;
        for (int d : g.children(c.head, "aux")) {
            would |= toks.get(d).text().equalsIgnoreCase("would");
        }
        if (gov >= 0 && !g.children(gov, "obj").isEmpty()) {
            // "Obama wants Putin to attack": an appeal from the one who wants to the one asked
            List<Actor> src = new ArrayList<>();
            for (int x : DepPaths.subjectsOf(g, gov)) {
                src.addAll(actors.resolveConj(doc, s, g, x));
            }
            List<Actor> tgt = new ArrayList<>();
            for (int x : g.children(gov, "obj")) {
                tgt.addAll(actors.resolveConj(doc, s, g, x));
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
    private EventCandidate claim(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, Map<Integer, EventCandidate> byHead) {
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
                if (lex.cue("CLAIM", DepPaths.lemma(toks.get(p))) && toks.get(p).pos().startsWith("VB")) {
                    speakerVerb = p;
                }
                break;
            }
            x = p;
        }
        if (speakerVerb < 0) {
            // the parser sometimes hangs the reporting clause under the reported verb ("X said a shell was fired")
            for (int d : g.children(c.head)) {
                if ((g.rel(d).startsWith("csubj") || g.is(d, "parataxis")) && lex.cue("CLAIM", DepPaths.lemma(toks.get(d)))
                        && toks.get(d).pos().startsWith("VB") && !DepPaths.subjectsOf(g, d).isEmpty()) {
                    speakerVerb = d;
                }
            }
        }
        if (speakerVerb < 0 || byHead.containsKey(speakerVerb) && !byHead.get(speakerVerb).dropped) {
            return null;
        }
        List<Actor> speakers = new ArrayList<>();
        for (int sj : DepPaths.subjectsOf(g, speakerVerb)) {
            speakers.addAll(actors.resolveConj(doc, s, g, sj));
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
        EventCandidate acc = new EventCandidate();
        acc.match = new TriggerMatch(c.match.trigger(), speakerVerb, speakerVerb, speakerVerb, Set.of(speakerVerb));
        acc.head = speakerVerb;
        acc.code = "112";
        acc.sources = speakers;
        acc.targets = accused;
        acc.claimOf = c;
        return acc;
    }


    private EventCandidate absorbingAncestor(DepGraph g, List<Token> toks, Map<Integer, EventCandidate> byHead, int h) {
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
            EventCandidate c = byHead.get(p);
            if (c != null && c.match.trigger().absorb()) {
                return c;
            }
            if (lex.cue("REPORT", DepPaths.lemma(toks.get(p)))) {
                return null;
            }
            x = p;
        }
        return null;
    }

    // ---- roles ------------------------------------------------------------------------------------------------







    private void fillRoles(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, Map<Integer, EventCandidate> byHead) {
        List<Token> toks = s.tokens();
        int h = c.head;
        Set<String> slots = c.match.trigger().targets();
        boolean verb = toks.get(h).pos().startsWith("VB") && !DepPaths.nominal(g, toks, h);
        List<Integer> src = new ArrayList<>();
        List<Integer> tgt = new ArrayList<>();
        if (verb) {
            if (DepPaths.isPassive(g, h)) {
                src.addAll(actors.agentsOf(g, toks, h));
                if (src.isEmpty() && "ASSAULT".equals(lex.ploverType(c.code))) {
                    for (int d : g.children(h)) {
                        if ((g.is(d, "obl") || g.is(d, "nmod")) && DepPaths.hasCase(g, toks, d, "from")) {
                            src.add(d); // "a shell was fired at it from X": fired by X
                        } else if ((g.is(d, "obl") || g.is(d, "nmod")) && (DepPaths.hasCase(g, toks, d, "in") || DepPaths.hasCase(g, toks, d, "during"))
                                && locations.attackPhrase(g, toks, d)) {
                            // "killed in Israeli tank shelling": the attacker named in the attack phrase
                            for (int i : DepPaths.phrase(g, toks, d)) {
                                if ((g.is(i, "amod") || g.is(i, "compound") || g.is(i, "nmod:poss")) && actors.isActorToken(doc, s, i)) {
                                    src.add(i);
                                }
                            }
                        }
                    }
                }
                tgt.addAll(g.children(h, "nsubj:pass"));
                for (int d : actors.slotDependents(g, toks, h, slots)) {
                    if (!g.is(d, "obj")) {
                        tgt.add(d);
                    }
                }
            } else if (c.match.trigger().reverse()) {
                // "received weapons from X": X gives, the subject receives
                tgt.addAll(DepPaths.subjectsOf(g, h));
                for (int k : c.match.covered()) {
                    src.addAll(actors.slotDependents(g, toks, k, slots));
                }
                if (tgt.isEmpty()) {
                    tgt.addAll(actors.inheritedSubject(g, toks, h));
                }
            } else {
                src.addAll(DepPaths.subjectsOf(g, h));
                tgt.addAll(actors.slotDependents(g, toks, h, slots));
            }
            if (tgt.isEmpty()) {
                // multiword triggers: "held talks with X" may hang "with X" on "talks"
                for (int k : c.match.covered()) {
                    if (k != h) {
                        tgt.addAll(actors.slotDependents(g, toks, k, slots));
                    }
                }
            }
            if (src.isEmpty() && !c.match.trigger().reverse()) {
                src.addAll(actors.inheritedSubject(g, toks, h));
            }
            if (tgt.isEmpty() && g.is(h, "acl") && toks.get(h).pos().equals("VBN")) {
                tgt.add(g.head(h)); // "10 soldiers killed in ..."
            }
        } else {
            // nominal trigger: possessor, demonym / country modifiers, "by" agent, "between A and B"
            for (int d : g.children(h)) {
                if (g.is(d, "nmod:poss")) {
                    src.add(d);
                } else if ((g.is(d, "amod") || g.is(d, "compound")) && !c.match.covered().contains(d) && actors.isActorToken(doc, s, d)) {
                    src.add(d);
                } else if (g.is(d, "compound") && !c.match.covered().contains(d)) {
                    for (int e : g.children(d)) {
                        if ((g.is(e, "amod") || g.is(e, "compound")) && actors.isActorToken(doc, s, e)) {
                            src.add(e); // "Israeli tank shelling"
                        }
                    }
                } else if ((g.is(d, "nmod") || g.is(d, "obl")) && DepPaths.hasCase(g, toks, d, "by")) {
                    src.add(d);
                } else if ((g.is(d, "nmod") || g.is(d, "obl")) && DepPaths.hasCase(g, toks, d, "between")) {
                    src.add(d);
                    c.recip = true;
                }
            }
            tgt.addAll(actors.slotDependents(g, toks, h, slots));
            int p = g.head(h);
            if (p >= 0 && !byHead.containsKey(p) && (g.is(h, "obj") || g.is(h, "obl") && lex.cue("PARTICIPATE", DepPaths.lemma(toks.get(p))))
                    && toks.get(p).pos().startsWith("VB")) {
                // light or motion verb: "launched an air strike", "held talks", "go ... for talks"
                if (src.isEmpty()) {
                    src.addAll(DepPaths.isPassive(g, p) ? actors.agentsOf(g, toks, p) : DepPaths.subjectsOf(g, p));
                    if (src.isEmpty()) {
                        src.addAll(actors.inheritedSubject(g, toks, p));
                    }
                }
                if (tgt.isEmpty()) {
                    tgt.addAll(actors.slotDependents(g, toks, p, slots));
                }
            } else if (p >= 0 && byHead.containsKey(p) && src.isEmpty() && (g.is(h, "obl") || g.is(h, "nmod")) && DepPaths.hasCase(g, toks, h, "of")) {
                // "accused X of bombings": the accused did it
                for (int o : g.children(p, "obj")) {
                    src.add(o);
                }
                if (actors.isRecip(g, toks, src)) {
                    src.clear();
                    src.addAll(DepPaths.subjectsOf(g, p));
                    c.recip = true;
                }
            }
        }
        if (!verb && src.isEmpty() && tgt.isEmpty() && g.head(h) >= 0) {
            // "clashes take place on the border between A and B"
            List<Integer> clause = new ArrayList<>();
            DepPaths.collectSubtree(g, g.head(h), clause, 0, 3);
            for (int d : clause) {
                if ((g.is(d, "nmod") || g.is(d, "obl")) && DepPaths.hasCase(g, toks, d, "between") && !g.children(d, "conj").isEmpty()) {
                    src.add(d);
                    c.recip = true;
                    break;
                }
            }
        }
        if (actors.isRecip(g, toks, tgt) || actors.hasRecipAdverb(g, toks, h)) {
            c.recip = true;
            tgt.removeIf(t -> DepPaths.isRecipToken(toks, t));
        }
        for (int x : src) {
            c.sources.addAll(actors.resolveConj(doc, s, g, x));
        }
        for (int x : tgt) {
            c.targets.addAll(actors.resolveConj(doc, s, g, x));
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
                    if ((g.is(d, "obl") || g.is(d, "nmod")) && THIRD_PARTY_NOUNS.contains(DepPaths.lemma(toks.get(d)))) {
                        for (int e : g.children(d)) {
                            if (g.is(e, "nmod") && DepPaths.hasCase(g, toks, e, "of")) {
                                c.third.addAll(actors.resolveConj(doc, s, g, e));
                            }
                        }
                    }
                    if (g.is(d, "acl") && THIRD_PARTY_VERBS.contains(DepPaths.lemma(toks.get(d)))) {
                        for (int a : actors.agentsOf(g, toks, d)) {
                            c.third.addAll(actors.resolveConj(doc, s, g, a));
                        }
                    }
                }
            }
        }
        DepPaths.dedupe(c.sources);
        DepPaths.dedupe(c.targets);
        DepPaths.dedupe(c.third);
    }









    // ---- actor resolution -------------------------------------------------------------------------------------













    // ---- flags, mode, location -----------------------------------------------------------------------------

    private void fillFlags(DepGraph g, List<Token> toks, EventCandidate c) {
        int h = c.head;
        List<Integer> scope = new ArrayList<>(List.of(h));
        int p = g.head(h);
        if (p >= 0 && toks.get(h).pos().startsWith("NN") && (g.is(h, "obj") || g.is(h, "obl")) && toks.get(p).pos().startsWith("VB")) {
            scope.add(p); // the light verb carries negation and modality: "did not hold talks"
        }
        for (int x : scope) {
            for (int d : g.children(x)) {
                String l = DepPaths.lemma(toks.get(d));
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
            String ql = DepPaths.lemma(toks.get(q));
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
                if (lex.cue("FUTURE", DepPaths.lemma(toks.get(d))) || lex.cue("FUTURE", toks.get(d).text().toLowerCase(Locale.ROOT))) {
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

    private void fillMode(DepGraph g, List<Token> toks, EventCandidate c) {
        if (c.mode != null || !"ASSAULT".equals(lex.ploverType(c.code))) {
            return;
        }
        List<Integer> scope = new ArrayList<>();
        DepPaths.collectSubtree(g, c.head, scope, 0, 2);
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
                    String l = DepPaths.lemma(toks.get(ti));
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








    // ---- dates and casualties ---------------------------------------------------------------------------------




    // ---- output ----------------------------------------------------------------------------------------------

}
