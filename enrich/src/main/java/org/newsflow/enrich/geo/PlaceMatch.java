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

/** A trie match over pieces [from, to]. */
/**
 * A trie match over pieces [from, to] and its resolution, shared by the stages of the country tagger (matching,
 * vetoes, context, resolution, institutions). Mutable, per call: one article's tagging owns its matches.
 */
final class PlaceMatch {
    final int from;
    final int to;
    final List<Entry> entries;
    int firstToken;
    int lastToken;
    int begin;
    int end;
    int sentence;
    String surface;
    /** the resolution */
    Entry chosen;
    GeoKind kind;
    boolean rejected;
    /** a following ", State" or ", Country" that pins this place */
    PlaceMatch qualifier;
    int instEnd = -1;
    /** preceded by a comma and a capitalised word: "Kelleyland, La." */
    boolean afterComma;
    /** "Licking County", "Rapides Parish": a county-level unit found by its pattern */
    boolean county;
    /** "County Cork" */
    boolean irishCounty;

    PlaceMatch(int from, int to, List<Entry> entries) {
        this.from = from;
        this.to = to;
        this.entries = entries;
    }

    boolean has(Kind k) {
        for (Entry e : entries) {
            if (e.kind() == k) {
                return true;
            }
        }
        return false;
    }

    static boolean isAllCaps(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    static boolean allNer(List<Token> tokens, PlaceMatch x, NerClass ner) {
        for (int i = x.firstToken; i <= x.lastToken; i++) {
            if (!tokens.get(i).is(ner)) {
                return false;
            }
        }
        return true;
    }

    /** "MANSFIELD — The council voted...": an all-capitals place name before a dash opens a news story. */
    static boolean dateline(PlaceMatch x, List<Token> tokens) {
        int next = x.lastToken + 1;
        if (next >= tokens.size() || !isAllCaps(x.surface)) {
            return false;
        }
        String t = tokens.get(next).text();
        return t.equals("--") || t.equals("-") || t.equals("\u2014") || t.equals("\u2013") || t.equals("---");
    }

    static void choose(PlaceMatch x, Entry e, GeoKind kind) {
        x.chosen = e;
        x.kind = kind;
    }
}
