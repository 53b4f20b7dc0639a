package org.newsflow.enrich.geo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the gazetteer and the matcher see text: diacritics and typographic quotes folded, and phrases split into the
 * trie's tokens (whitespace, with hyphens, slashes, commas, parentheses and a trailing 's as tokens of their own).
 * The gazetteer's files and an article's tokens go through the same functions, so they meet in the trie.
 */
final class GazetteerText {
    private GazetteerText() {}

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Folds diacritics and typographic quotes and dashes: "Côte d’Ivoire" -> "Cote d'Ivoire". */
    public static String normalize(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s;
        }
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return n.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2013', '-').replace('\u2014', '-');
    }

    /** Splits a phrase into the trie's tokens: whitespace, and hyphens, slashes, commas and parentheses as tokens. */
    public static List<String> tokens(String phrase) {
        List<String> out = new ArrayList<>(4);
        for (String w : normalize(phrase).trim().split("\\s+")) {
            splitPieces(w, out);
        }
        return out;
    }

    /** Splits one token on -, /, comma and parentheses (kept as their own pieces) and a trailing 's. */
    static void splitPieces(String w, List<String> out) {
        int start = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '-' || c == '/' || c == ',' || c == '(' || c == ')') {
                if (i > start) {
                    out.add(w.substring(start, i));
                }
                out.add(String.valueOf(c));
                start = i + 1;
            }
        }
        if (start < w.length()) {
            String rest = w.substring(start);
            if (rest.length() > 2 && rest.endsWith("'s")) {
                out.add(rest.substring(0, rest.length() - 2));
                out.add("'s");
            } else {
                out.add(rest);
            }
        }
    }

    /** The phrase's tokens joined by single spaces: the key of the gazetteer's lookup maps. */
    static String key(String phrase) {
        return String.join(" ", tokens(phrase));
    }
}
