package org.newsflow.enrich.geo;

import org.newsflow.enrich.nlp.NerClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.LocationTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.Gazetteer.Entry;
import org.newsflow.enrich.geo.Gazetteer.Kind;
import org.newsflow.enrich.geo.Gazetteer.Node;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.EntityMention;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;

/**
 * Step 2: CoreNLP's coarse NER vetoes a match: a place inside a longer PERSON mention is part of a name ("Jordan
 * Peterson"), a place name that is also a given name is rejected when CoreNLP calls it a PERSON, a common word that is
 * also some town ("March") does not count, and "US" in an all-capitals line is the pronoun.
 */
final class NerVetoes {
    /** prepositions that a person's name does not follow: "in Obama", "near Bush" are places */
    private static final Set<String> PLACE_PREPOSITIONS = WordList.load("/gazetteer/place_prepositions.txt");

    private final Gazetteer gaz;

    NerVetoes(Gazetteer gaz) {
        this.gaz = gaz;
    }

    /** Applies the vetoes to every match ({@code personTokens}: names another tagger found, or null). */
    void vetoAll(List<PlaceMatch> matches, AnalyzedText text, boolean[] personTokens) {
        List<Token> tokens = text.tokens();
        // NER: the PERSON mention covering each token
        EntityMention[] entityOf = new EntityMention[tokens.size()];
        for (EntityMention e : text.entities()) {
            for (int i = e.firstToken(); i <= e.lastToken(); i++) {
                entityOf[i] = e;
            }
        }
        for (PlaceMatch x : matches) {
            veto(x, tokens, entityOf, personTokens);
        }
    }

    void veto(PlaceMatch x, List<Token> tokens, EntityMention[] entityOf, boolean[] personTokens) {
        if (x.county) {
            return;
        }
        if (x.has(Kind.BLOCK) || x.has(Kind.ORG)) {
            x.rejected = true;
            return;
        }
        Token first = tokens.get(x.firstToken);
        if (!Character.isUpperCase(x.surface.charAt(0)) && !x.surface.startsWith("the ")) {
            x.rejected = true;
            return;
        }
        // a place inside a person's name ("Jordan Peterson", "Paris Hilton", "George Washington")
        EntityMention pe = entityOf[x.firstToken];
        EntityMention pl = entityOf[x.lastToken];
        if ((pe != null && pe.is(NerClass.PERSON)) || (pl != null && pl.is(NerClass.PERSON))) {
            EntityMention p = pe != null && pe.is(NerClass.PERSON) ? pe : pl;
            boolean longer = p.firstToken() < x.firstToken || p.lastToken() > x.lastToken;
            if (longer || gaz.isPersonLike(x.surface) || personVeto(x, tokens)) {
                x.rejected = true;
                return;
            }
        }
        if (personTokens != null && personVeto(x, tokens)) {
            for (int i = x.firstToken; i <= x.lastToken && i < personTokens.length; i++) {
                if (personTokens[i]) {
                    x.rejected = true;
                    return;
                }
            }
        }
        // a common word that is also some town ("March", "Police") neither resolves nor counts as context
        if (onlyPlaces(x) && gaz.isCommonWord(x.surface, PlaceMatch.allNer(tokens, x, NerClass.LOCATION))) {
            x.rejected = true;
            return;
        }
        // "US" in an all-capitals line is the pronoun
        if (x.surface.equals("US") || x.surface.equals("IN")) {
            boolean capsLine = neighbourAllCaps(tokens, x.firstToken - 1, first.sentence())
                    || neighbourAllCaps(tokens, x.lastToken + 1, first.sentence());
            if (capsLine) {
                x.rejected = true;
            }
        }
    }

    /**
     * Whether a match over a person's name ("President Obama", "Bush said") is to be dropped: it can only be a
     * city or town ("Obama" in Japan, "Bush" in Egypt), and nothing strongly supports the place reading: no
     * ", State" / ", Country" after it, and no namesake that is a national capital or a city of a million people
     * (CoreNLP now and then calls "Baku" or "Moscow" a PERSON). Country names, demonyms and regions are kept here
     * (the PERSONLIKE list decides those). "in Obama", "near Bush" (a place preposition right before) and an
     * all-capitals dateline also keep the place.
     */
    static boolean personVeto(PlaceMatch x, List<Token> tokens) {
        if (x.qualifier != null || x.afterComma || PlaceMatch.dateline(x, tokens)) {
            return false;
        }
        int prev = x.firstToken - 1;
        if (prev >= 0 && tokens.get(prev).sentence() == tokens.get(x.firstToken).sentence()
                && PLACE_PREPOSITIONS.contains(tokens.get(prev).text().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (Entry e : x.entries) {
            if (e.kind() != Kind.CITY) {
                return false;
            }
            if (e.capital() || e.population() >= 1_000_000) {
                return false;
            }
        }
        return !x.entries.isEmpty();
    }

    static boolean onlyPlaces(PlaceMatch x) {
        for (Entry e : x.entries) {
            if (!(e.kind() == Kind.CITY || (e.kind() == Kind.REGION && !e.curated()))) {
                return false;
            }
        }
        return true;
    }

    static boolean neighbourAllCaps(List<Token> tokens, int i, int sentence) {
        if (i < 0 || i >= tokens.size() || tokens.get(i).sentence() != sentence) {
            return false;
        }
        String t = tokens.get(i).text();
        return t.length() > 1 && PlaceMatch.isAllCaps(t) && t.chars().allMatch(Character::isLetter);
    }
}
