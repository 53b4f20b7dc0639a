package org.newsflow.ingest.source;

import java.text.Normalizer;

/**
 * Normalises article text before it is published: Unicode NFC, Windows and old-Mac line ends to '\n',
 * no NUL or other control characters (except tab and newline), non-breaking spaces to spaces.
 * Runs once at ingest, so that every offset computed downstream refers to this exact text.
 */
public final class TextNormaliser {
    public String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00A0', ' ');
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
