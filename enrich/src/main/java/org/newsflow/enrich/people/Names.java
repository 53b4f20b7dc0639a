package org.newsflow.enrich.people;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalisation of names: accent folding, word splitting, and the cross-article person key. */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {}

    /** Lower case, accents folded ("Élysée" -> "elysee"), curly apostrophes made straight. */
    public static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        return n.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
    }

    /** Folded words of a name: split on spaces, hyphens and dots; possessive 's and other punctuation dropped. */
    public static List<String> words(String s) {
        String f = fold(s);
        if (f.endsWith("'s")) {
            f = f.substring(0, f.length() - 2);
        }
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= f.length(); i++) {
            char c = i < f.length() ? f.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '\'') {
                w.append(c);
            } else if (w.length() > 0) {
                String word = w.toString().replace("'", "");
                if (!word.isEmpty()) {
                    out.add(word);
                }
                w.setLength(0);
            }
        }
        return out;
    }

    /** A folded token text for lexicon look-ups: lower case, accents folded, a final abbreviation dot dropped. */
    static String norm(String token) {
        String f = fold(token);
        if (f.length() > 1 && f.endsWith(".")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }

    /**
     * The person key: the canonical name folded to lower case without accents, with honorifics and titles
     * stripped from its start, words joined by single spaces ("Mr. Nikol Pashinián" -> "nikol pashinian").
     */
    static String personKey(String name, Set<String> strip) {
        List<String> w = words(name);
        int i = 0;
        while (i < w.size() - 1 && strip.contains(w.get(i))) {
            i++;
        }
        return String.join(" ", w.subList(i, w.size()));
    }
}
