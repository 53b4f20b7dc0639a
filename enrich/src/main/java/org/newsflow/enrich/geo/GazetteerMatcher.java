package org.newsflow.enrich.geo;

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
 * Step 1 of country tagging: one longest-match walk of the gazetteer trie over the tokens' pieces (masked tokens and
 * sentence ends stop a match), county-level units found by their pattern ("Licking County", "County Cork"), and the
 * ", State" / ", Country" qualifier that pins a place ("Paris, Texas").
 */
final class GazetteerMatcher {
    private static final Set<String> COUNTY_WORDS = WordList.load("/gazetteer/county_words.txt");
    /** The 32 traditional counties of Ireland (a closed list): "County Cork" yes, "County Road 3" no. */
    private static final Set<String> IRISH_COUNTIES = WordList.load("/gazetteer/irish_counties.txt");

    private final Gazetteer gaz;

    GazetteerMatcher(Gazetteer gaz) {
        this.gaz = gaz;
    }

    static List<Piece> pieces(List<Token> tokens, TextMask mask) {
        List<Piece> out = new ArrayList<>(tokens.size() + 16);
        List<String> buf = new ArrayList<>(4);
        for (Token t : tokens) {
            if (mask.covers(t.begin(), t.end())) {
                out.add(new Piece("\u0000", null, t.index(), t.begin(), t.end(), -1));
                continue;
            }
            buf.clear();
            GazetteerText.splitPieces(Gazetteer.normalize(t.text()), buf);
            int off = t.begin();
            for (String p : buf) {
                String alt = null;
                if (p.length() > 3 && PlaceMatch.isAllCaps(p)) {
                    alt = p.charAt(0) + p.substring(1).toLowerCase(Locale.ROOT);
                }
                // offsets of a piece: exact when the token's text is its body text, else the whole token
                int b = t.begin();
                int e = t.end();
                if (t.end() - t.begin() == t.text().length() && buf.size() > 1) {
                    int idx = Gazetteer.normalize(t.text()).indexOf(p, off - t.begin());
                    if (idx >= 0) {
                        b = t.begin() + idx;
                        e = b + p.length();
                        off = e;
                    }
                }
                out.add(new Piece(p, alt, t.index(), b, e, t.sentence()));
            }
        }
        return out;
    }

    /**
     * The trie matches over the pieces, with the county-level units in place of what they overlap, each given its
     * token span, offsets and surface text.
     */
    List<PlaceMatch> match(List<Piece> pieces, List<PlaceMatch> counties, String body) {
        List<PlaceMatch> matches = trieMatches(pieces);
        if (!counties.isEmpty()) {
            matches.removeIf(x -> counties.stream().anyMatch(c -> x.from <= c.to && c.from <= x.to));
            matches.addAll(counties);
            matches.sort(Comparator.comparingInt(x -> x.from));
        }
        for (PlaceMatch x : matches) {
            Piece a = pieces.get(x.from);
            Piece b = pieces.get(x.to);
            x.firstToken = a.token();
            x.lastToken = b.token();
            x.begin = a.begin();
            x.end = b.end();
            x.sentence = a.sentence();
            x.surface = body.substring(x.begin, x.end);
        }
        linkQualifiers(matches, pieces);
        return matches;
    }

    private List<PlaceMatch> trieMatches(List<Piece> pieces) {
        List<PlaceMatch> out = new ArrayList<>();
        Node root = gaz.root();
        int n = pieces.size();
        int i = 0;
        while (i < n) {
            Piece start = pieces.get(i);
            if (start.sentence() < 0) {
                i++;
                continue;
            }
            Node node = root;
            int bestEnd = -1;
            List<Entry> best = null;
            for (int j = i; j < n; j++) {
                Piece p = pieces.get(j);
                if (p.sentence() != start.sentence()) {
                    break;
                }
                Node next = null;
                if (j == i && j > 0 && sentenceFinalDot(pieces, j) && pieces.get(j - 1).text().equals(",")) {
                    // "..., Friedensburg, Pa." at the end of a sentence: the tokenizer splits off the abbreviation's dot
                    next = node.child(p.text() + ".");
                }
                if (next == null) {
                    next = node.child(p.text());
                }
                if (next == null && p.alt() != null) {
                    next = node.child(p.alt());
                }
                if (next == null) {
                    break;
                }
                node = next;
                if (!node.entries().isEmpty() && !onlyHead(node.entries())) {
                    bestEnd = j;
                    best = node.entries();
                }
            }
            // a match must end at a token boundary ("Moscow-sponsored" matches Moscow; "U.S.-based" is a demonym)
            if (best != null) {
                out.add(new PlaceMatch(i, bestEnd, best));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The piece is followed by a "." that ends its sentence (the last piece of the sentence). */
    static boolean sentenceFinalDot(List<Piece> pieces, int j) {
        int d = j + 1;
        if (d >= pieces.size() || !pieces.get(d).text().equals(".") || pieces.get(d).sentence() != pieces.get(j).sentence()
                || pieces.get(j).text().endsWith(".")) {
            return false;
        }
        return d + 1 >= pieces.size() || pieces.get(d + 1).sentence() != pieces.get(d).sentence();
    }

    /** "Licking County", "Prince William County", "Rapides Parish", "County Cork": 1-3 capitalised words and the unit. */
    static List<PlaceMatch> counties(List<Piece> pieces) {
        List<PlaceMatch> out = new ArrayList<>();
        for (int j = 1; j < pieces.size(); j++) {
            Piece unit = pieces.get(j);
            String u = unit.alt() != null ? unit.alt() : unit.text();
            if (!COUNTY_WORDS.contains(u) || unit.sentence() < 0) {
                continue;
            }
            int i = j;
            while (i - 1 >= 0 && i > j - 3 && pieces.get(i - 1).sentence() == unit.sentence() && capitalisedWord(pieces.get(i - 1).text())) {
                i--;
            }
            if (i < j) {
                out.add(countyMatch(pieces, i, j));
            } else if (u.equals("County") && j + 1 < pieces.size() && pieces.get(j + 1).sentence() == unit.sentence()
                    && IRISH_COUNTIES.contains(pieces.get(j + 1).text())) {
                PlaceMatch m = countyMatch(pieces, j, j + 1);
                m.irishCounty = true;
                out.add(m);
                j++;
            }
        }
        return out;
    }

    static boolean capitalisedWord(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLetter(s.charAt(s.length() - 1))
                && !s.equals("The") && !COUNTY_WORDS.contains(s);
    }

    static PlaceMatch countyMatch(List<Piece> pieces, int i, int j) {
        PlaceMatch m = new PlaceMatch(i, j, List.of());
        m.county = true;
        return m;
    }

    static boolean onlyHead(List<Entry> es) {
        for (Entry e : es) {
            if (e.kind() != Kind.HEAD) {
                return false;
            }
        }
        return true;
    }

    /** "Paris, Texas", "Dublin, Ohio", "Kelleyland, La.", "Lyon, France": a place followed by comma and its state or country. */
    static void linkQualifiers(List<PlaceMatch> matches, List<Piece> pieces) {
        for (PlaceMatch x : matches) {
            if (x.from >= 2 && (pieces.get(x.from - 1).text().equals(",") || pieces.get(x.from - 1).text().equals("-"))) {
                String prev = pieces.get(x.from - 2).text();
                // "Charleston, W.Va." and the party-state tag "(D-Pa.)"
                x.afterComma = !prev.isEmpty() && Character.isUpperCase(prev.charAt(0))
                        && (pieces.get(x.from - 1).text().equals(",") || prev.equals("D") || prev.equals("R") || prev.equals("I"));
            }
        }
        for (int k = 0; k + 1 < matches.size(); k++) {
            PlaceMatch a = matches.get(k);
            PlaceMatch b = matches.get(k + 1);
            if (b.from == a.to + 2 && pieces.get(a.to + 1).text().equals(",")
                    && (b.has(Kind.ABBR) || b.has(Kind.POSTAL) || b.has(Kind.REGION) || b.has(Kind.NAME))) {
                a.qualifier = b;
            }
        }
    }
}
