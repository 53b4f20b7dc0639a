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

/** Flags and mode of a candidate: negated, hypothetical, future, reciprocal; the ASSAULT mode (firearms, aerial...). */
final class Modality {
    private final EventLexicon lex;

    Modality(EventLexicon lex) {
        this.lex = lex;
    }

    void fillFlags(DepGraph g, List<Token> toks, EventCandidate c) {
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
        if (negatedObject(g, toks, h)) {
            c.negated = true;
        }
        governorFlags(g, toks, c);
        promise(g, toks, c);
        // "would not provide support": refusing cooperation is a rejection
        EventLexicon.CodeInfo info = lex.codeInfo(c.code); // none for statements (root 01)
        if (info != null && c.negated && info.quadClass() <= 2 && c.hypothetical) {
            c.code = "120";
            c.negated = false;
            c.hypothetical = false;
        }
    }

    /** Governors: "fears of a war", "aimed at ending", "plans to attack" (stop at a reporting verb). */
    private void governorFlags(DepGraph g, List<Token> toks, EventCandidate c) {
        int h = c.head;
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
    }

    /**
     * A verb whose object is quantified away gives nothing: "provided no support", "offered little or no
     * compromise" (a NEG cue as the object's determiner or modifier, or coordinated with it: "little or no"); so
     * does a nominal trigger quantified that way ("sent little or no aid").
     */
    private boolean negatedObject(DepGraph g, List<Token> toks, int v) {
        List<Integer> phrases = toks.get(v).pos().startsWith("VB") ? g.children(v, "obj") : List.of(v);
        for (int o : phrases) {
            for (int d : g.children(o)) {
                if ((g.is(d, "det") || g.is(d, "amod") || g.is(d, "advmod")) && negWord(toks, d)) {
                    return true;
                }
                if ((g.is(d, "det") || g.is(d, "amod") || g.is(d, "advmod"))
                        && g.children(d, "conj").stream().anyMatch(k -> negWord(toks, k))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean negWord(List<Token> toks, int d) {
        return lex.cue("NEG", DepPaths.lemma(toks.get(d))) || lex.cue("NEG", toks.get(d).text().toLowerCase(Locale.ROOT));
    }

    /**
     * "Portugal will support ..., its president said", "X announced it will send troops": an announced future
     * action of the subject is a promise (AGREE) or a threat (THREATEN) by PLOVER's rules; the code comes from
     * promises.tsv. It takes the trigger's own PROMISE auxiliary and a reporting verb the clause hangs on (or that
     * hangs on it): a future stated by the writer ("the two will meet in Zurich", "X will supply arms") is a
     * scheduled event and keeps its type. In a clause reported right under the reporting verb, {@code would} is
     * the future of the report ("Iraq said it would allow the inspectors back") and an announced cooperative act
     * (QuadClass 1-2) is a promise too; an announced hostile act with {@code would} ("said it would ban aid")
     * keeps its type, as both dev sets code it. Negated and passive events are left as they are.
     */
    private void promise(DepGraph g, List<Token> toks, EventCandidate c) {
        if (c.negated || !toks.get(c.head).pos().startsWith("VB") || !announced(g, toks, c.head)) {
            return;
        }
        for (int d : g.children(c.head, "aux")) {
            Token t = toks.get(d);
            String w = t.text().toLowerCase(Locale.ROOT);
            boolean will = !c.hypothetical && (lex.cue("PROMISE", w) || lex.cue("PROMISE", DepPaths.lemma(t)));
            if (will || w.equals("would") && backshifted(g, toks, c)) {
                String code = lex.promiseCode(c.code);
                if (code != null) {
                    c.code = code;
                    c.mode = null;
                    c.hypothetical = false;
                }
                return;
            }
        }
    }

    /** "X said it would give": a cooperative, active verb whose clause is the complement of a reporting verb. */
    private boolean backshifted(DepGraph g, List<Token> toks, EventCandidate c) {
        int h = g.head(c.head);
        EventLexicon.CodeInfo info = lex.codeInfo(c.code); // none for statements (root 01)
        return info != null && info.quadClass() <= 2 && g.children(c.head, "aux:pass").isEmpty()
                && g.is(c.head, "ccomp") && h >= 0 && lex.cue("REPORT", DepPaths.lemma(toks.get(h)));
    }

    /** The clause of h is reported: under a reporting verb, or with a reporting clause hanging on it ("..., X said"). */
    private boolean announced(DepGraph g, List<Token> toks, int h) {
        int x = h;
        for (int steps = 0; steps < 3 && g.head(x) >= 0; steps++) {
            if (!(g.is(x, "ccomp") || g.is(x, "conj") || g.is(x, "xcomp"))) {
                break;
            }
            x = g.head(x);
            if (lex.cue("REPORT", DepPaths.lemma(toks.get(x)))) {
                return true;
            }
        }
        for (int d : g.children(h)) {
            if ((g.is(d, "parataxis") || g.is(d, "advcl") || g.is(d, "ccomp")) && lex.cue("REPORT", DepPaths.lemma(toks.get(d)))) {
                return true;
            }
        }
        return false;
    }

    void fillMode(DepGraph g, List<Token> toks, EventCandidate c) {
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
}
