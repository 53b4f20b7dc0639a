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

/** Tolls ({@link CasualtyFinder}) go to the nearest ASSAULT trigger of the sentence. */
final class CasualtyFiller {
    private final EventLexicon lex;

    CasualtyFiller(EventLexicon lex) {
        this.lex = lex;
    }

    void fillCasualties(List<Token> toks, List<EventCandidate> live) {
        List<EventCandidate> assaults = new ArrayList<>();
        for (EventCandidate c : live) {
            if ("ASSAULT".equals(lex.ploverType(c.code))) {
                assaults.add(c);
            }
        }
        if (assaults.isEmpty()) {
            return;
        }
        for (CasualtyFinder.Count k : CasualtyFinder.find(toks)) {
            EventCandidate best = null;
            int bestD = Integer.MAX_VALUE;
            for (EventCandidate c : assaults) {
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
}
