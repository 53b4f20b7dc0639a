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
 * Output: a coded candidate becomes one event per (source, target) pair: reciprocal and symmetric triggers both
 * ways, third parties (host, mediator) with each participant, duplicates per type and country pair dropped.
 */
final class EventEmitter {
    private final EventLexicon lex;

    EventEmitter(EventLexicon lex) {
        this.lex = lex;
    }

    void emit(EventDoc doc, List<Token> toks, EventCandidate c, Mention sentence, List<EventTag> out) {
        EventLexicon.CodeInfo info = lex.codeInfo(c.code);
        String type = info == null ? null : lex.ploverType(c.code);
        if (type == null) {
            return;
        }
        Token first = toks.get(c.headOverride >= 0 ? c.headOverride : c.match.first());
        Token last = toks.get(c.headOverride >= 0 ? c.headOverride : c.match.last());
        Mention trigger = new Mention(first.begin(), last.end(), doc.text.text(first.begin(), last.end()));
        Casualties cas = c.dead == null && c.injured == null ? null : new Casualties(c.dead, c.injured, c.atLeast);
        String root = c.code.substring(0, 2);
        List<Actor[]> pairs = pairs(c);
        // one country on both sides from one trigger only when the text names two different actors of it
        // ("Georgian demonstrators ... the Georgian government"), never from a bare country, place or host
        List<Actor[]> sameCountry = pairs.stream().filter(pr -> pr[0] != null && pr[1] != null && pr[0].country() != null
                && pr[0].country().equals(pr[1].country())
                && ("COUNTRY".equals(pr[0].kind()) || "COUNTRY".equals(pr[1].kind()) || Objects.equals(pr[0].name(), pr[1].name())))
                .toList();
        pairs.removeAll(sameCountry);
        // the source still acted when only its target fell ("Greece plans to restrict its labour market": GR -> ?)
        for (Actor[] pr : sameCountry) {
            if (pairs.stream().noneMatch(o -> o[0] == pr[0])) {
                pairs.add(new Actor[] {pr[0], null});
            }
        }
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
            out.add(new EventTag(type, c.mode, root, info.quadClass(), pr[0], pr[1], trigger, sentence, c.date,
                    c.locCountry, c.place, cas, c.negated, c.hypothetical, c.code));
        }
    }

    /**
     * The (source, target) pairs of a candidate: every ordered pair of the sources for a reciprocal trigger without
     * targets, both directions for a symmetric one, else each source with each target; then each source with each
     * third party (host, mediator, or the place visited when no actor is of its country).
     */
    private List<Actor[]> pairs(EventCandidate c) {
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
        return pairs;
    }
}
