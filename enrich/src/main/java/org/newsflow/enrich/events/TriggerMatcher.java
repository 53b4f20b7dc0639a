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
 * Trigger matching: the lexicon's patterns ({@code /events/triggers.tsv}) over lemmas and words of a sentence,
 * gaps allowed where the pattern says so; longest first, then left to right, non-overlapping.
 */
final class TriggerMatcher {
    private final EventLexicon lex;

    TriggerMatcher(EventLexicon lex) {
        this.lex = lex;
    }

    static boolean posMatches(String cls, Token t) {
        return switch (cls) {
            case "V" -> t.pos().startsWith("VB");
            case "N" -> t.pos().startsWith("NN");
            case "A" -> t.pos().startsWith("JJ");
            default -> true;
        };
    }

    static boolean elementMatches(EventLexicon.Element e, Token t) {
        return e.lemmas().contains(DepPaths.lemma(t)) || e.lemmas().contains(t.text().toLowerCase(Locale.ROOT));
    }

    List<TriggerMatch> findTriggers(Sentence s, EventDoc doc) {
        List<Token> toks = s.tokens();
        List<TriggerMatch> all = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (doc.mask.covers(t.begin(), t.end())) {
                continue;
            }
            Set<EventLexicon.Trigger> seen = new HashSet<>();
            for (String key : new HashSet<>(List.of(DepPaths.lemma(t), t.text().toLowerCase(Locale.ROOT)))) {
                for (EventLexicon.Trigger tr : lex.triggersStartingWith(key)) {
                    if (!seen.add(tr)) {
                        continue;
                    }
                    TriggerMatch m = matchAt(tr, toks, i);
                    if (m != null && !doc.mask.covers(toks.get(m.first()).begin(), toks.get(m.last()).end())) {
                        all.add(m);
                    }
                }
            }
        }
        // longest first, then left to right; keep non-overlapping
        all.sort((a, b) -> a.trigger().words() != b.trigger().words() ? b.trigger().words() - a.trigger().words() : a.first() - b.first());
        List<TriggerMatch> kept = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (TriggerMatch m : all) {
            if (m.covered().stream().noneMatch(used::contains)) {
                kept.add(m);
                used.addAll(m.covered());
            }
        }
        kept.sort((a, b) -> a.head() - b.head());
        return kept;
    }

    static TriggerMatch matchAt(EventLexicon.Trigger tr, List<Token> toks, int start) {
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
        if (tr.pos().equals("V") && els.size() == 1 && otherPhrasalVerb(toks, head)) {
            return null;
        }
        return new TriggerMatch(tr, positions.get(0), positions.get(positions.size() - 1), head, new HashSet<>(positions));
    }

    /**
     * A one-word verb pattern right before a particle the pattern does not name is another verb: "signing up to a
     * scheme" is not signing an agreement, "set up", "gave up" neither. "back" keeps the verb ("fired back").
     */
    static boolean otherPhrasalVerb(List<Token> toks, int v) {
        return v + 1 < toks.size() && toks.get(v + 1).pos().equals("RP") && !toks.get(v + 1).text().equalsIgnoreCase("back");
    }

    static boolean match(List<EventLexicon.Element> els, int e, List<Token> toks, int i, List<Integer> positions) {
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
}
