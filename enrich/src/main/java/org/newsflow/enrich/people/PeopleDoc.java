package org.newsflow.enrich.people;

import org.newsflow.enrich.nlp.NerClass;
import java.util.EnumSet;
import org.newsflow.enrich.geo.GeoKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.Mention;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;

/**
 * All the state of one people-tagging call: the tokens in a word view (each token split into folded words), which
 * finder owns each token ({@link Owner}), the country mention at each token, and the organization and title
 * mentions found so far. The finders and resolvers read and write it in {@link PeopleTagger#tag}'s order.
 */
final class PeopleDoc {
    static final String BLOCK = "\u0000";
    static final Set<String> DETERMINERS = WordList.load("/people/determiners.txt");
    static final Set<String> CONNECTORS = WordList.load("/people/connectors.txt");
    static final Set<String> CALENDAR = WordList.load("/people/calendar.txt");
    static final Set<String> STREET = WordList.load("/people/street_suffixes.txt");
    static final Set<String> PORTFOLIO_TITLES = WordList.load("/people/portfolio_titles.txt");
    /** Geo mentions that give an actor its country ("Armenian", "Yerevan"); a city other than a capital does not. */
    static final Set<GeoKind> ACTOR_GEO_KINDS = EnumSet.of(GeoKind.NAME, GeoKind.DEMONYM, GeoKind.CAPITAL, GeoKind.INSTITUTION);

    final Lexicon lx;
    final AnalyzedText text;
    final PeopleTagger tagger;
    /** The article's publication date (null: undated), for the roles of known people as of then. */
    java.time.LocalDate asOf;
    final List<Token> toks;
    final int n;
    final String[] low;
    final boolean[] masked;
    final Owner[] owner;
    final GeoMention[] geoAt;

    /** Word view: each token split into folded words; punctuation tokens become a BLOCK word, hyphens vanish. */
    final List<String> words = new ArrayList<>();
    final List<Integer> wordTok = new ArrayList<>();
    final int[] firstWordOf;

    final List<OrgMention> orgs = new ArrayList<>();
    final OrgMention[] orgAt;
    final List<TitleMatch> titles = new ArrayList<>();
    final TitleMatch[] titleEndingAt;
    final TitleMatch[] titleStartingAt;
    final boolean[] honorificAt;

    PeopleDoc(Lexicon lx, AnalyzedText text, GeoResult geo, TextMask mask, PeopleTagger tagger) {
        this.lx = lx;
        this.text = text;
        this.tagger = tagger;
        this.toks = text.tokens();
        this.n = toks.size();
        low = new String[n];
        masked = new boolean[n];
        owner = new Owner[n];
        Arrays.fill(owner, Owner.FREE);
        geoAt = new GeoMention[n];
        firstWordOf = new int[n];
        orgAt = new OrgMention[n];
        titleEndingAt = new TitleMatch[n];
        titleStartingAt = new TitleMatch[n];
        honorificAt = new boolean[n];
        for (GeoMention g : geo.mentions()) {
            for (int i = Math.max(0, g.firstToken()); i <= g.lastToken() && i < n; i++) {
                if (geoAt[i] == null) {
                    geoAt[i] = g;
                }
            }
        }
        int prevSentence = -1;
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            low[i] = Names.norm(t.text());
            masked[i] = mask.covers(t.begin(), t.end());
            if (t.sentence() != prevSentence) {
                words.add(BLOCK);
                wordTok.add(i);
                prevSentence = t.sentence();
            }
            firstWordOf[i] = words.size();
            if (masked[i]) {
                words.add(BLOCK);
                wordTok.add(i);
                continue;
            }
            if (isHyphen(t.text())) {
                continue;
            }
            List<String> w = Names.words(t.text());
            if (w.isEmpty() || "POS".equals(t.pos())) {
                words.add(BLOCK);
                wordTok.add(i);
            } else {
                for (String s : w) {
                    words.add(s);
                    wordTok.add(i);
                }
            }
            honorificAt[i] = lx.honorifics.contains(low[i]) && t.isCapitalised();
        }
        words.add(BLOCK);
        wordTok.add(n);
    }


    // ---------------------------------------------------------------------------------------------- helpers

    static boolean isHyphen(String s) {
        return s.equals("-") || s.equals("\u2013") || s.equals("--");
    }

    Token tok(int i) {
        return toks.get(i);
    }

    boolean sameSentence(int a, int b) {
        return a >= 0 && b >= 0 && a < n && b < n && toks.get(a).sentence() == toks.get(b).sentence();
    }

    boolean free(int i) {
        return i >= 0 && i < n && !masked[i] && owner[i] == Owner.FREE;
    }

    boolean isCapContent(int i) {
        Token t = tok(i);
        return (t.isCapitalised() || Character.isDigit(t.text().charAt(0))) && !masked[i];
    }

    String span(int first, int last) {
        return text.body().substring(tok(first).begin(), tok(last).end());
    }

    boolean isQuote(int i) {
        String t = tok(i).text();
        return t.equals("\"") || t.equals("\u201c") || t.equals("\u201d") || t.equals("``") || t.equals("''");
    }

    boolean placeNotTown(int i) {
        return geoAt[i] != null && !geoAt[i].is(GeoKind.CITY);
    }

    GeoMention actorGeo(int i) {
        if (i < 0 || i >= n) {
            return null;
        }
        GeoMention g = geoAt[i];
        return g != null && ACTOR_GEO_KINDS.contains(g.geoKind()) ? g : null;
    }

    /** Longest phrase of the table starting at word index w; returns [endWordExclusive] or -1. */
    <T> Lexicon.Phrases.Entry<T> matchAt(Lexicon.Phrases<T> table, int w, boolean lemmaLast) {
        String first = words.get(w);
        if (BLOCK.equals(first)) {
            return null;
        }
        for (Lexicon.Phrases.Entry<T> e : table.startingWith(first)) {
            if (matches(e.words(), w, false)) {
                return e;
            }
        }
        if (lemmaLast) {
            // plural of a one-word or multi-word phrase: compare the last word through the token lemma
            for (Lexicon.Phrases.Entry<T> e : table.startingWith(first)) {
                if (matches(e.words(), w, true)) {
                    return e;
                }
            }
            String lemmaFirst = lemmaWord(w);
            if (lemmaFirst != null && !lemmaFirst.equals(first)) {
                for (Lexicon.Phrases.Entry<T> e : table.startingWith(lemmaFirst)) {
                    if (e.words().size() == 1) {
                        return e;
                    }
                }
            }
        }
        return null;
    }

    boolean matches(List<String> phrase, int w, boolean lemmaLast) {
        if (w + phrase.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            String word = words.get(w + k);
            boolean last = k == phrase.size() - 1;
            if (!phrase.get(k).equals(word)) {
                if (!(last && lemmaLast && phrase.get(k).equals(lemmaWord(w + k)))) {
                    return false;
                }
            }
        }
        // the match must end at a token boundary
        int endWord = w + phrase.size();
        int lastTok = wordTok.get(endWord - 1);
        return endWord >= words.size() || wordTok.get(endWord) != lastTok;
    }

    String lemmaWord(int w) {
        int ti = wordTok.get(w);
        if (ti >= n) {
            return null;
        }
        String lemma = tok(ti).lemma();
        return lemma == null ? null : Names.fold(lemma);
    }

    int lastTokOf(int w, int size) {
        return wordTok.get(w + size - 1);
    }

    boolean allTokensFree(int first, int last) {
        for (int i = first; i <= last; i++) {
            if (!free(i)) {
                return false;
            }
        }
        return true;
    }

    boolean capitalisedPhrase(int first, int last) {
        for (int i = first; i <= last; i++) {
            String t = tok(i).text();
            if (isHyphen(t) || CONNECTORS.contains(low[i])) {
                continue;
            }
            if (!(Character.isUpperCase(t.charAt(0)) || Character.isDigit(t.charAt(0)))) {
                return false;
            }
        }
        return true;
    }

    // ----------------------------------------------------------------------------------------------- media


    // ------------------------------------------------------------------------------------------ organizations


    void addOrg(OrgMention m) {
        for (int i = m.first; i <= m.last; i++) {
            owner[i] = Owner.ORG;
            orgAt[i] = m;
        }
        orgs.add(m);
    }

    /** The last token of the run of free tokens of one NER class that goes on from {@code j}, within i's sentence. */
    int runEnd(int i, int j, NerClass ner) {
        while (j + 1 < n && tok(j + 1).is(ner) && free(j + 1) && sameSentence(i, j + 1)) {
            j++;
        }
        return j;
    }
}
