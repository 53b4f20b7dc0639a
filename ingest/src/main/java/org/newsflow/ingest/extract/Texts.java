package org.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.ingest.source.TextNormaliser;

/** Turning extracted text into ingest's form: normalised, spaces collapsed, one blank line between paragraphs. */
final class Texts {
    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\d");

    private Texts() {}

    /** Marks a paragraph that is a heading (kept even when short); a private-use character, removed by {@link #tidy}. */
    static final char HEADING = '\uE000';

    /**
     * Collapses runs of spaces, trims lines, keeps a single line break inside a paragraph and one blank line between,
     * and drops short label paragraphs ("Advertisement") that are not headings.
     */
    static String tidy(String raw) {
        List<String> kept = new ArrayList<>();
        for (String block : raw.split("\n\\s*\n")) {
            boolean heading = block.indexOf(HEADING) >= 0;
            String b = heading ? block.replace(String.valueOf(HEADING), "") : block;
            String p = paragraph((plainAscii(b) ? b : NORMALISER.normalise(b)).replace('\t', ' '));
            if (!p.isEmpty() && (heading || !label(p))) {
                kept.add(p);
            }
        }
        return String.join("\n\n", kept);
    }

    /** Printable ASCII, newlines and tabs only: what the normaliser would return unchanged (most English text). */
    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\n' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String paragraph(String block) {
        StringBuilder para = new StringBuilder(block.length());
        for (String line : block.split("\n")) {
            String l = collapse(line);
            if (!l.isEmpty()) {
                if (para.length() > 0) {
                    para.append('\n');
                }
                para.append(l);
            }
        }
        return para.toString();
    }

    /** A short line of one or two words without a sentence mark: "Advertisement", "Share", "Continue reading". */
    private static boolean label(String p) {
        if (p.length() > 30) {
            return false;
        }
        int words = p.split("[ \n]").length;
        return words <= 3 && !endsSentence(p) && !DIGIT.matcher(p).find();
    }

    static boolean endsSentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201D' || c == '\u3002' || c == ':' || c == ')';
    }

    static String collapse(String line) {
        StringBuilder b = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\u00A0' || Character.isWhitespace(c) || c == '\u200B') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
