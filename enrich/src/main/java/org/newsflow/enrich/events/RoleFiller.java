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
 * Role filling: the trigger's dependents give source, target and third parties: subject and object, prepositions the
 * lexicon names, "by" agents of passives, possessives and demonyms of nominal triggers, the subject of a light verb
 * ("launched an air strike"), a host or mediator ("under the aegis of").
 */
final class RoleFiller {
    private final EventLexicon lex;
    private final ActorResolver actors;
    /** for "killed in Israeli tank shelling": an attack phrase names who, not where */
    private final LocationFiller locations;

    RoleFiller(EventLexicon lex, ActorResolver actors, LocationFiller locations) {
        this.lex = lex;
        this.actors = actors;
        this.locations = locations;
    }
    private static final Set<String> THIRD_PARTY_NOUNS = WordList.load("/events/third_party_nouns.txt");
    private static final Set<String> THIRD_PARTY_VERBS = WordList.load("/events/third_party_verbs.txt");


    /** Fills the candidate's sources, targets and third parties from the trigger's place in the parse. */
    void fillRoles(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, Map<Integer, EventCandidate> byHead) {
        List<Token> toks = s.tokens();
        int h = c.head;
        boolean verb = toks.get(h).pos().startsWith("VB") && !DepPaths.nominal(g, toks, h);
        List<Integer> src = new ArrayList<>();
        List<Integer> tgt = new ArrayList<>();
        if (verb) {
            verbSlots(doc, s, g, c, src, tgt);
        } else {
            nominalSlots(doc, s, g, c, byHead, src, tgt);
            if (src.isEmpty() && tgt.isEmpty() && g.head(h) >= 0) {
                betweenInClause(g, toks, h, c, src);
            }
        }
        resolveSlots(doc, s, g, c, verb, src, tgt);
    }

    /** A verb trigger: subject and lexicon slots, the passive's agent, a reversed trigger's giver, fallbacks. */
    private void verbSlots(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, List<Integer> src, List<Integer> tgt) {
        List<Token> toks = s.tokens();
        int h = c.head;
        Set<String> slots = c.match.trigger().targets();
        if (DepPaths.isPassive(g, h)) {
            passiveSlots(doc, s, g, c, src, tgt);
        } else if (c.match.trigger().reverse()) {
            reversedSlots(doc, s, g, c, src, tgt);
        } else {
            src.addAll(DepPaths.subjectsOf(g, h));
            tgt.addAll(actors.slotDependents(g, toks, h, slots));
            if (tgt.isEmpty() && slots.contains("obj") && g.children(h, "obj").isEmpty()) {
                tgt.addAll(smallClauseSubjects(g, h)); // "released the mayor, jailed a year ago" parsed as a small clause
            }
        }
        if (tgt.isEmpty()) {
            // multiword triggers: "held talks with X" may hang "with X" on "talks"
            for (int k : c.match.covered()) {
                if (k != h) {
                    tgt.addAll(actors.slotDependents(g, toks, k, slots));
                }
            }
        }
        if (tgt.isEmpty() && slots.contains("place")) {
            for (int o : g.children(h, "obj")) {
                if (!c.match.covered().contains(o)) {
                    tgt.add(o); // the event attended, or what it is about: "attend a summit on the unrest in X"; not "held talks"
                }
            }
        }
        if (tgt.isEmpty()) {
            Set<Integer> hosts = new HashSet<>(c.match.covered());
            hosts.addAll(g.children(h, "obj")); // "would not give permission to X to help"
            for (int k : hosts) {
                tgt.addAll(markedClauseSubjects(g, toks, k, slots));
            }
        }
        if (src.isEmpty() && !c.match.trigger().reverse()) {
            src.addAll(actors.inheritedSubject(g, toks, h));
        }
        if (src.isEmpty() && actingParticiple(doc, s, g, h)) {
            src.add(g.head(h)); // "soldiers firing rockets", "aid groups donated goods" (a finite verb parsed as a participle)
        }
        if (tgt.isEmpty() && g.is(h, "acl") && toks.get(h).pos().equals("VBN")) {
            tgt.add(g.head(h)); // "10 soldiers killed in ..."
        }
    }

    /**
     * A reversed trigger: the subject receives, the party of its slots acts ("received weapons from X", "faces
     * pressure from X": X -> subject). The slot may hang on the verb, on a word of the trigger or on the object, and
     * its head must be an actor (a cause is no giver: "died from his injuries in Peru"). An
     * attack the subject suffers ("died in an Israeli raid") names its attacker in the attack phrase, as for a passive.
     */
    private void reversedSlots(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, List<Integer> src, List<Integer> tgt) {
        List<Token> toks = s.tokens();
        int h = c.head;
        tgt.addAll(DepPaths.subjectsOf(g, h));
        Set<Integer> hosts = new HashSet<>(c.match.covered());
        hosts.addAll(g.children(h, "obj"));
        for (int k : hosts) {
            src.addAll(actors.slotDependents(g, toks, k, c.match.trigger().targets()));
        }
        if (src.isEmpty() && "ASSAULT".equals(lex.ploverType(c.code))) {
            src.addAll(unnamedAttackers(doc, s, g, h));
        }
        // "from Peru", not the cause in "died from his injuries in Peru"
        src.removeIf(d -> !actors.isActorToken(doc, s, d) && !DepPaths.hasCase(g, toks, d, "by"));
        if (tgt.isEmpty()) {
            tgt.addAll(actors.inheritedSubject(g, toks, h));
        }
    }

    /**
     * A participle with an object of its own that modifies an actor ("soldiers firing rockets", "doctors from aid
     * groups donated goods", which the parser reads as a reduced relative): the actor does it. Not an infinitive
     * ("an attempt to kill X"), not a noun that is no actor ("an attack targeting a mall"), and not an object the parser
     * hung on the participle across a preposition ("companies accused of hiding the costs").
     */
    private boolean actingParticiple(EventDoc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        String pos = toks.get(h).pos();
        int p = g.head(h);
        List<Integer> objs = g.children(h, "obj");
        if (p < 0 || !g.is(h, "acl") || !(pos.equals("VBG") || pos.equals("VBN")) || objs.isEmpty() || !g.children(h, "mark").isEmpty()) {
            return false;
        }
        for (int i = h + 1; i < objs.get(0); i++) {
            if (toks.get(i).pos().equals("IN") || toks.get(i).pos().equals("TO")) {
                return false; // "companies accused of hiding the costs": an object behind a preposition is a parser guess
            }
        }
        return !actors.resolveOne(doc, s, g, p).isEmpty();
    }

    /** A passive verb: the "by" agent is the source, the passive subject and the lexicon's slots the target. */
    private void passiveSlots(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, List<Integer> src, List<Integer> tgt) {
        List<Token> toks = s.tokens();
        int h = c.head;
        src.addAll(actors.agentsOf(g, toks, h));
        if (src.isEmpty() && "ASSAULT".equals(lex.ploverType(c.code))) {
            src.addAll(unnamedAttackers(doc, s, g, h));
        }
        tgt.addAll(g.children(h, "nsubj:pass"));
        for (int d : actors.slotDependents(g, toks, h, c.match.trigger().targets())) {
            if (!g.is(d, "obj")) {
                tgt.add(d);
            }
        }
    }

    /** An agentless passive attack names its attacker elsewhere: "fired at it from X", "killed in Israeli shelling". */
    private List<Integer> unnamedAttackers(EventDoc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        List<Integer> src = new ArrayList<>();
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
        return src;
    }

    /** A nominal trigger: possessor, demonym / country modifiers, "by" agent, "between A and B", its governing verb. */
    private void nominalSlots(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, Map<Integer, EventCandidate> byHead,
            List<Integer> src, List<Integer> tgt) {
        List<Token> toks = s.tokens();
        int h = c.head;
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
        tgt.addAll(actors.slotDependents(g, toks, h, c.match.trigger().targets()));
        governingVerbSlots(g, toks, c, byHead, src, tgt);
    }

    /**
     * The verb a nominal trigger hangs on: a light or motion verb gives its subject and slots ("launched an air
     * strike", "held talks", "go ... for talks"); an accusing event's object did what it is accused of ("accused X of
     * bombings").
     */
    private void governingVerbSlots(DepGraph g, List<Token> toks, EventCandidate c, Map<Integer, EventCandidate> byHead,
            List<Integer> src, List<Integer> tgt) {
        int h = c.head;
        int p = g.head(h);
        if (p >= 0 && !byHead.containsKey(p) && (g.is(h, "obj") || g.is(h, "obl") && lex.cue("PARTICIPATE", DepPaths.lemma(toks.get(p))))
                && toks.get(p).pos().startsWith("VB")) {
            if (src.isEmpty()) {
                // "X were engaged in ethnic cleansing": a participation verb in the passive form keeps X as participant
                boolean takesPart = lex.cue("PARTICIPATE", DepPaths.lemma(toks.get(p))) && actors.agentsOf(g, toks, p).isEmpty();
                src.addAll(DepPaths.isPassive(g, p) && !takesPart ? actors.agentsOf(g, toks, p)
                        : takesPart ? passiveOrActiveSubjects(g, p) : DepPaths.subjectsOf(g, p));
                if (src.isEmpty()) {
                    src.addAll(actors.inheritedSubject(g, toks, p));
                }
            }
            if (tgt.isEmpty()) {
                tgt.addAll(actors.slotDependents(g, toks, p, c.match.trigger().targets()));
            }
        } else if (p >= 0 && byHead.containsKey(p) && src.isEmpty() && (g.is(h, "obl") || g.is(h, "nmod")) && DepPaths.hasCase(g, toks, h, "of")) {
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

    /** "clashes take place on the border between A and B": a reciprocal "between" phrase in the trigger's clause. */
    private static void betweenInClause(DepGraph g, List<Token> toks, int h, EventCandidate c, List<Integer> src) {
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

    /** Slot tokens to actors: reciprocals, conflict sources, members of a body, third parties, duplicates. */
    private void resolveSlots(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, boolean verb, List<Integer> src, List<Integer> tgt) {
        List<Token> toks = s.tokens();
        int h = c.head;
        if (actors.isRecip(g, toks, tgt) || actors.hasRecipAdverb(g, toks, h)) {
            c.recip = true;
            tgt.removeIf(t -> DepPaths.isRecipToken(toks, t));
        }
        for (int x : src) {
            c.sources.addAll(conflict(c) ? actors.resolveSource(doc, s, g, x, "PROTEST".equals(lex.ploverType(c.code)))
                    : actors.resolveConj(doc, s, g, x));
        }
        for (int x : tgt) {
            c.targets.addAll(actors.resolveTarget(doc, s, g, x));
        }
        if (verb) {
            c.targets = membersOf(doc, s, g, h, c.targets);
        }
        c.targets = sameActorSameCountry(c.sources, c.targets);
        c.sourceStated = !src.isEmpty();
        if (!c.sourceStated && "ASSAULT".equals(lex.ploverType(c.code))) {
            c.sentencePlaceCountry = actors.onlyPlaceCountryOf(doc, s);
        }
        thirdParties(doc, s, g, c, verb);
        DepPaths.dedupe(c.sources);
        DepPaths.dedupe(c.targets);
        DepPaths.dedupe(c.third);
    }

    /**
     * The subject the parser gave to an xcomp of a verb without an object: in "released the mayor of X, jailed a year
     * ago" the model often makes "mayor" the subject of "jailed" instead of the object of "released"; the verb's
     * object is that subject (as in "made them leave", where UD has it as object).
     */
    static List<Integer> smallClauseSubjects(DepGraph g, int v) {
        List<Integer> out = new ArrayList<>();
        for (int x : g.children(v, "xcomp")) {
            for (int sj : g.children(x, "nsubj")) {
                if (sj > v && sj < x) {
                    out.add(sj);
                }
            }
        }
        return out;
    }

    /**
     * The subject of an infinitive clause introduced by a slot preposition: "gave permission to X to build", "called
     * for X to withdraw". The parser makes X the clause's subject with "to"/"for" as its marker, so the slot has no
     * prepositional object; X is the one the permission or the call is addressed to.
     */
    static List<Integer> markedClauseSubjects(DepGraph g, List<Token> toks, int k, Set<String> slots) {
        List<Integer> out = new ArrayList<>();
        for (int cl : g.children(k)) {
            if (!(g.is(cl, "acl") || g.is(cl, "advcl") || g.is(cl, "xcomp") || g.is(cl, "ccomp"))) {
                continue;
            }
            for (int sj : g.children(cl, "nsubj")) {
                for (int mk : g.children(cl, "mark")) {
                    if (mk < sj && slots.contains(toks.get(mk).text().toLowerCase(Locale.ROOT)) && !toks.get(sj).pos().startsWith("PRP")) {
                        out.add(sj);
                    }
                }
            }
        }
        return out;
    }

    /** Third parties of talks and agreements: "under the aegis of X", "hosted/brokered/mediated by X". */
    private void thirdParties(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, boolean verb) {
        List<Token> toks = s.tokens();
        int h = c.head;
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
    }

    /**
     * Unnamed targets without a country whose body the verb's "from" phrase names: "received ministers from the
     * Georgian government", "expelled diplomats from the Russian embassy" (the parser hangs "from" on the verb).
     * Only a body (an organization or unnamed actor with a country), never a bare country or place: in "withdrew
     * troops from Lebanon" the troops are not Lebanon's.
     */
    List<Actor> membersOf(EventDoc doc, Sentence s, DepGraph g, int v, List<Actor> targets) {
        String body = null;
        for (int d : g.children(v, "obl")) {
            if (DepPaths.hasCase(g, s.tokens(), d, "from")) {
                for (Actor a : actors.resolveConj(doc, s, g, d)) {
                    if (a.country() != null && !"COUNTRY".equals(a.kind()) && a.sector() != null) {
                        body = a.country();
                    }
                }
            }
        }
        if (body == null) {
            return targets;
        }
        List<Actor> out = new ArrayList<>();
        for (Actor t : targets) {
            out.add(t.country() == null && "UNNAMED".equals(t.kind()) && t.sector() != null ? new Actor(body, t.name(), t.kind(), t.sector()) : t);
        }
        return out;
    }

    /**
     * One phrase on both sides (the parse gives "the army" as source and as target of a symmetric "fighting") is
     * one actor: a target without a country takes the country a source of the same name, kind and sector got.
     */
    /**
     * Verbal or material conflict (QuadClass 3-4): there the place a sentence names is where the police, troops or
     * officials act at home; a meeting or a signing happens at a venue abroad ("the government signed a deal in
     * Pretoria" is not South Africa's government), so cooperation takes no country from the sentence.
     */
    private boolean conflict(EventCandidate c) {
        EventLexicon.CodeInfo info = lex.codeInfo(c.code);
        return info != null && info.quadClass() >= 3;
    }

    static List<Actor> sameActorSameCountry(List<Actor> sources, List<Actor> targets) {
        List<Actor> out = new ArrayList<>(targets.size());
        for (Actor t : targets) {
            Actor same = null;
            for (Actor a : sources) {
                if (t.country() == null && a.country() != null && t.name() != null && t.name().equals(a.name())
                        && Objects.equals(t.kind(), a.kind()) && Objects.equals(t.sector(), a.sector())) {
                    same = a;
                }
            }
            out.add(same != null ? same : t);
        }
        return out;
    }

    private static List<Integer> passiveOrActiveSubjects(DepGraph g, int v) {
        List<Integer> out = new ArrayList<>(DepPaths.subjectsOf(g, v));
        out.addAll(g.children(v, "nsubj:pass"));
        return out;
    }

    /**
     * An attack whose text names no attacker at all (a passive without "by", a bare "killing", "there were ...
     * killed") is coded with the country where it happened as its source, the way CAMEO coders code it: "ten
     * soldiers were killed in Ukraine" is UA -> the soldiers' country. The source is an unnamed actor of that country
     * (no name, no sector), so a domestic attack keeps both sides ("a governor was shot dead in Russia": RU -> RU).
     * Only for factual attacks on someone (a target), with a location and no source phrase; an attacker the text names
     * but we cannot resolve ("hackers") stays unknown. An attack with no place of its own takes the one country the
     * sentence's places name ("an attempt to kill the governor was foiled in Omsk": RU), never a country only a demonym
     * gives ("two Chilean soldiers were killed" may have happened anywhere). Runs after the location and the clause rules.
     */
    void sourceFromPlace(EventCandidate c) {
        if (c.sourceStated || !c.sources.isEmpty() || c.targets.isEmpty() || c.negated || c.hypothetical || c.claimOf != null
                || !"ASSAULT".equals(lex.ploverType(c.code))) {
            return;
        }
        String where = c.locCountry != null ? c.locCountry : c.sentencePlaceCountry;
        if (where != null) {
            c.sources.add(new Actor(where, null, "UNNAMED", null));
        }
    }
}
