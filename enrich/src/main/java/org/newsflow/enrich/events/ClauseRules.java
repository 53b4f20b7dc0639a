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
 * Clause rules over a sentence's candidates: a trigger absorbed by a governing one ("pledged not to use force"), a
 * reported claim ("X accused Y of shelling"), intent and conditions ("threatened to", "would"), and which candidates
 * stay live.
 */
final class ClauseRules {
    private final EventLexicon lex;
    private final ActorResolver actors;

    ClauseRules(EventLexicon lex, ActorResolver actors) {
        this.lex = lex;
        this.actors = actors;
    }

    /**
     * Clause-level rules applied once roles and flags are known:
     * <ul>
     * <li>a nominal trigger that is the object of another verbal trigger is that verb's content: it gives the verb
     * its target ("endorsed an agreement with the EU") and is not coded alone unless it has its own source;</li>
     * <li>a nominal trigger only mentioned in passing, with no actor of its own, under a verb or noun that is
     * not an event ("a role in the genocide", "expressed sorrow for the shootings"), is not coded;</li>
     * <li>intent: a meeting someone is ready, willing or offers to hold is an offer to meet (036, AGREE; OFFER
     * cues; "plans/prepares to attend" stays a planned meeting); a cooperative act someone wants, seeks or would
     * do is an intent to cooperate (03, AGREE); an attack someone wants or plans is a threat (13, THREATEN); "X wants/urges Y to do it" is an appeal (02) X -> Y;</li>
     * <li>claims: "X said (that) Y attacked Z" adds an accusation X -> Y (CAMEO 112) when X and Y differ;</li>
     * <li>an attack on unnamed people ("four children were killed in ...") targets the country where it happened.</li>
     * </ul>
     */
    void restructure(EventDoc doc, Sentence s, DepGraph g, Map<Integer, EventCandidate> byHead, List<EventCandidate> live) {
        List<Token> toks = s.tokens();
        for (EventCandidate c : new ArrayList<>(live)) {
            if (byHazard(g, toks, c)) {
                c.dropped = true;
                continue;
            }
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

    /**
     * "41 people were struck by lightning", "ten were killed in floods": a verb whose agent or whose {@code in}
     * phrase is a natural hazard (HAZARD cue) reports a disaster, not an attack by anyone, and no actor may be put
     * in the attacker's place (the place's country, the reporting source). A later conjunct shares the first one's
     * phrases after it ("drowned or struck by lightning" hangs "by lightning" on "drowned"). Not when the event
     * has a source with a country or sector ("troops attacked the village in a storm").
     */
    private boolean byHazard(DepGraph g, List<Token> toks, EventCandidate c) {
        if (c.sources.stream().anyMatch(a -> a.country() != null || a.sector() != null) || !toks.get(c.head).pos().startsWith("VB")) {
            return false;
        }
        List<Integer> deps = new ArrayList<>(g.children(c.head));
        if (g.is(c.head, "conj") && g.head(c.head) >= 0) {
            g.children(g.head(c.head)).stream().filter(d -> d > c.head).forEach(deps::add);
        }
        for (int d : deps) {
            boolean agent = g.is(d, "obl:agent") || (g.is(d, "obl") || g.is(d, "nmod"))
                    && (DepPaths.hasCase(g, toks, d, "by") || DepPaths.hasCase(g, toks, d, "in"));
            if (agent && lex.cue("HAZARD", DepPaths.lemma(toks.get(d)))) {
                return true;
            }
        }
        return false;
    }

    /** The intent rules of {@link #restructure}. */
    void intent(EventDoc doc, Sentence s, DepGraph g, EventCandidate c) {
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
        if (c.code.startsWith("04") && gov >= 0 && lex.cue("OFFER", DepPaths.lemma(toks.get(gov)))) {
            c.code = lex.promiseCode(c.code); // "ready to host a meeting": an offer to meet (036), not a meeting
            c.mode = null;
            c.hypothetical = false;
        } else if (quad == 2 && (gov >= 0 || would)) {
            c.code = "030";
            c.mode = null;
            c.hypothetical = false;
        } else if (quad == 4 && gov >= 0) {
            c.code = "130";
            c.mode = null;
            c.hypothetical = false;
        }
    }

    /**
     * The claim rule of {@link #restructure}: an accusation from the speaker to the one said to have attacked. Only
     * for what is reported as done: an announced, feared or possible action ("the prime minister said the government
     * would declare a state of emergency") accuses nobody.
     */
    EventCandidate claim(EventDoc doc, Sentence s, DepGraph g, EventCandidate c, Map<Integer, EventCandidate> byHead) {
        String type = lex.ploverType(c.code);
        if (!("ASSAULT".equals(type) || "COERCE".equals(type)) || c.negated || c.hypothetical) {
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

    EventCandidate absorbingAncestor(DepGraph g, List<Token> toks, Map<Integer, EventCandidate> byHead, int h) {
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
}
