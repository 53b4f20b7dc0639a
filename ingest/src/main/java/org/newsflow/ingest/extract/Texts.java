package org.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.ingest.source.TextNormaliser;

/** Turning extracted text into ingest's form: normalised, spaces collapsed, one blank line between paragraphs. */
final class Texts {
    private static final TextNormaliser NORMALISER = new TextNormaliser();

    private Texts() {}

    /** Collapses runs of spaces, trims lines, keeps a single line break inside a paragraph and one blank line between. */
    static String tidy(String raw) {
        String s = NORMALISER.normalise(raw).replace('\t', ' ');
        List<String> paragraphs = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            String l = collapse(line);
            if (l.isEmpty()) {
                if (para.length() > 0) {
                    paragraphs.add(para.toString());
                    para.setLength(0);
                }
                continue;
            }
            if (para.length() > 0) {
                para.append('\n');
            }
            para.append(l);
        }
        if (para.length() > 0) {
            paragraphs.add(para.toString());
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            if (!label(p)) {
                kept.add(p);
            }
        }
        return String.join("\n\n", kept);
    }

    /** A short line of one or two words without a sentence mark: "Advertisement", "Share", "Continue reading". */
    private static boolean label(String p) {
        if (p.length() > 30) {
            return false;
        }
        int words = p.split(" ").length;
        return words <= 3 && !endsSentence(p) && !p.matches(".*\\d.*");
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
