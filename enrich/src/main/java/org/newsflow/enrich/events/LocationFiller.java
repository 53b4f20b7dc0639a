package org.newsflow.enrich.events;

import org.newsflow.enrich.geo.GeoKind;
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

/** Where an event happened: a place in a locative phrase of the trigger ("talks in Kampala", "Brussels meetings"). */
final class LocationFiller {
    private final EventLexicon lex;

    LocationFiller(EventLexicon lex) {
        this.lex = lex;
    }
    private static final Set<String> LOCATIVE = WordList.load("/events/locatives.txt");
    private static final Set<String> MOTION = WordList.load("/events/motion_verbs.txt");

    void fillLocation(EventDoc doc, Sentence s, DepGraph g, EventCandidate c) {
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
            if (m.isPresent() && !m.get().is(GeoKind.DEMONYM) && !m.get().is(GeoKind.NAME)) {
                setLocation(c, m.get());
                return;
            }
        }
        for (int r : roots) {
            for (int d : g.children(r)) {
                if (!(g.is(d, "obl") || g.is(d, "nmod") || g.is(d, "advmod"))) {
                    continue;
                }
                String cs = DepPaths.caseOf(g, toks, d);
                boolean locative = false;
                for (String w : cs.split(" ")) {
                    if (LOCATIVE.contains(w) || (w.equals("to") && MOTION.contains(DepPaths.lemma(toks.get(r))))) {
                        locative = true;
                    }
                }
                if (!locative) {
                    // "at a summit in Russia": one more step down
                    for (int e : g.children(d, "nmod")) {
                        if (LOCATIVE.contains(DepPaths.caseOf(g, toks, e)) && geoIn(doc, s, g, e) != null) {
                            setLocation(c, geoIn(doc, s, g, e));
                            return;
                        }
                    }
                    continue;
                }
                GeoMention m = geoIn(doc, s, g, d);
                if (m != null && m.is(GeoKind.DEMONYM) && attackPhrase(g, toks, d)) {
                    m = null; // "killed in Israeli tank shelling": the demonym says who, not where
                }
                if (m != null) {
                    setLocation(c, m);
                    return;
                }
                for (int e : g.children(d, "nmod")) {
                    if (LOCATIVE.contains(DepPaths.caseOf(g, toks, e)) && geoIn(doc, s, g, e) != null) {
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
                    for (int i : DepPaths.phrase(g, toks, o)) {
                        Optional<GeoMention> m = DepPaths.geoAt(doc, s, i);
                        if (m.isPresent() && !m.get().is(GeoKind.DEMONYM) && !m.get().is(GeoKind.NAME)) {
                            setLocation(c, m.get());
                            return;
                        }
                    }
                    for (int e : g.children(o, "nmod")) {
                        if (LOCATIVE.contains(DepPaths.caseOf(g, toks, e)) && geoIn(doc, s, g, e) != null) {
                            setLocation(c, geoIn(doc, s, g, e));
                            return;
                        }
                    }
                }
            }
        }
    }

    /** The phrase headed by d names an attack ("Israeli tank shelling", "an air strike"). */
    boolean attackPhrase(DepGraph g, List<Token> toks, int d) {
        List<Integer> sub = new ArrayList<>();
        DepPaths.collectSubtree(g, d, sub, 0, 1);
        for (int i : sub) {
            if (isTriggerNoun(toks.get(i))) {
                return true;
            }
        }
        return false;
    }

    boolean isTriggerNoun(Token t) {
        for (String key : List.of(DepPaths.lemma(t), t.text().toLowerCase(Locale.ROOT))) {
            for (EventLexicon.Trigger tr : lex.triggersStartingWith(key)) {
                if (tr.pos().equals("N")) {
                    return true;
                }
            }
        }
        return false;
    }

    GeoMention geoIn(EventDoc doc, Sentence s, DepGraph g, int d) {
        List<Integer> span = DepPaths.phrase(g, s.tokens(), d);
        Optional<GeoMention> headMention = DepPaths.geoAt(doc, s, d);
        if (headMention.isPresent()) {
            return headMention.get();
        }
        for (int i : span) {
            Optional<GeoMention> m = DepPaths.geoAt(doc, s, i);
            if (m.isPresent() && !m.get().is(GeoKind.DEMONYM)) {
                return m.get();
            }
        }
        for (int i : span) {
            Optional<GeoMention> m = DepPaths.geoAt(doc, s, i);
            if (m.isPresent()) {
                return m.get();
            }
        }
        return null;
    }

    static void setLocation(EventCandidate c, GeoMention m) {
        c.locCountry = m.country();
        GeoKind kind = m.geoKind();
        if (m.place() != null) {
            c.place = m.place();
        } else if (kind != GeoKind.NAME && kind != GeoKind.DEMONYM) {
            c.place = m.text();
        }
    }
}
