package org.newsflow.enrich.geo;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;

/**
 * Builds an {@link AnalyzedText} without CoreNLP, for fast unit tests: tokens split on spaces and punctuation,
 * capitalised words tagged NNP, sentences ended by ". ", and NER classes written inline as
 * {@code [PERSON Jordan Peterson]} or {@code [LOCATION Kelleyland]}; other tokens are "O".
 */
final class Marked {
    private Marked() {}

    static AnalyzedText text(String marked) {
        StringBuilder body = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            if (c == '[') {
                int space = marked.indexOf(' ', i);
                int close = marked.indexOf(']', i);
                classes.add(marked.substring(i + 1, space));
                int begin = body.length();
                body.append(marked, space + 1, close);
                spans.add(new int[] {begin, body.length()});
                i = close + 1;
            } else {
                body.append(c);
                i++;
            }
        }
        String b = body.toString();
        List<Sentence> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int index = 0;
        int p = 0;
        while (p < b.length()) {
            char c = b.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
                continue;
            }
            int start = p;
            if (Character.isLetterOrDigit(c)) {
                // words keep inner periods and apostrophes: "U.S.", "W.Va.", "d'Ivoire"
                while (p < b.length() && (Character.isLetterOrDigit(b.charAt(p)) || b.charAt(p) == '\'' || b.charAt(p) == '\u2019' || b.charAt(p) == '-'
                        || (b.charAt(p) == '.' && p + 1 < b.length() && Character.isLetter(b.charAt(p + 1)))
                        || (b.charAt(p) == '.' && p > start && isAbbrev(b, start, p)))) {
                    p++;
                }
            } else {
                p++;
            }
            String t = b.substring(start, p);
            String ner = "O";
            for (int k = 0; k < spans.size(); k++) {
                if (spans.get(k)[0] <= start && p <= spans.get(k)[1]) {
                    ner = classes.get(k);
                }
            }
            String pos = Character.isUpperCase(t.charAt(0)) ? "NNP" : Character.isLetter(t.charAt(0)) ? "NN" : t;
            current.add(new Token(t, start, p, pos, t.toLowerCase(), ner, sentences.size(), index++));
            if (t.equals(".") || t.equals("!") || t.equals("?")) {
                sentences.add(sentence(sentences.size(), current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            sentences.add(sentence(sentences.size(), current));
        }
        return new AnalyzedText(b, sentences);
    }

    private static boolean isAbbrev(String b, int start, int p) {
        String w = b.substring(start, p);
        return w.contains(".") || w.equals("St") || w.equals("Mr") || w.equals("Dr");
    }

    private static Sentence sentence(int index, List<Token> tokens) {
        return new Sentence(index, tokens.get(0).begin(), tokens.get(tokens.size() - 1).end(), tokens.get(0).index(), tokens);
    }
}
