package org.newsflow.ingest.extract;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page bytes to text, and the parts of the text no extractor needs removed before parsing.
 *
 * <p>Charset, as browsers decide it: a byte-order mark, else the transport's charset (the HTTP {@code Content-Type}),
 * else a {@code <meta charset>} or {@code <meta http-equiv=Content-Type>} in the first 4 KiB, else UTF-8.
 *
 * <p>{@link #strip}: script and style contents, comments and inline SVG are two thirds of a typical news page and
 * none of them is article text; cutting them before the parser runs makes parsing about twice as fast. JSON-LD
 * scripts are kept (they are metadata). The scan follows the HTML tokenizer's rules: a script or style element ends at
 * the first {@code </script} or {@code </style}, a comment at the first {@code -->}.
 */
final class PageText {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

    private PageText() {}

    static String decode(byte[] bytes, String transportCharset) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset charset = charset(transportCharset);
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            charset = m.find() ? charset(m.group(1)) : null;
        }
        if (charset == null || charset.name().startsWith("UTF-16")) {
            charset = StandardCharsets.UTF_8; // a meta tag that says UTF-16 in an ASCII-readable page is wrong by definition
        }
        return new String(bytes, charset);
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252"; // what browsers do, per the WHATWG Encoding standard
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The page without script (other than JSON-LD) and style contents, comments and inline SVG. */
    static String strip(String html) {
        int[] cuts = cuts(html);
        if (cuts.length == 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() / 2);
        int copied = 0;
        for (int k = 0; k < cuts.length; k += 2) {
            out.append(html, copied, cuts[k]);
            copied = cuts[k + 1];
        }
        return out.append(html, copied, html.length()).toString();
    }

    /**
     * Decodes page bytes with {@link #strip} applied first, on the bytes: for every ASCII-compatible charset the
     * markup bytes are the ASCII ones, so the cut is exact, and the decoder then only sees a third of the page.
     */
    static String decodeStripped(byte[] bytes, String transportCharset) {
        boolean asciiCompatible = !(bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE || (bytes[0] & 0xff) == 0xFF))
                && (transportCharset == null || !transportCharset.toLowerCase(Locale.ROOT).startsWith("utf-16"));
        if (!asciiCompatible) {
            return strip(decode(bytes, transportCharset));
        }
        String latin = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
        int[] cuts = cuts(latin);
        if (cuts.length == 0) {
            return decode(bytes, transportCharset);
        }
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(bytes.length / 2);
        int copied = 0;
        for (int k = 0; k < cuts.length; k += 2) {
            kept.write(bytes, copied, cuts[k] - copied);
            copied = cuts[k + 1];
        }
        kept.write(bytes, copied, bytes.length - copied);
        return decode(kept.toByteArray(), transportCharset);
    }

    /** Start and end offsets of the parts to cut, in pairs, in order. */
    private static int[] cuts(String html) {
        int[] cuts = new int[16];
        int count = 0;
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i < n - 3) {
            int skipTo = -1;
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                skipTo = end < 0 ? n : end + 3;
            } else if (startsWithTag(html, i, "script") && !isJsonLd(html, i)) {
                skipTo = endOfElement(html, i, "</script");
            } else if (startsWithTag(html, i, "style")) {
                skipTo = endOfElement(html, i, "</style");
            } else if (startsWithTag(html, i, "svg")) {
                skipTo = endOfElement(html, i, "</svg");
            }
            if (skipTo >= 0) {
                if (count + 2 > cuts.length) {
                    cuts = java.util.Arrays.copyOf(cuts, cuts.length * 2);
                }
                cuts[count++] = i;
                cuts[count++] = skipTo;
                i = html.indexOf('<', skipTo);
            } else {
                i = html.indexOf('<', i + 1);
            }
        }
        return java.util.Arrays.copyOf(cuts, count);
    }

    private static boolean startsWithTag(String s, int at, String name) {
        int end = at + 1 + name.length();
        if (end >= s.length() || !s.regionMatches(true, at + 1, name, 0, name.length())) {
            return false;
        }
        char c = s.charAt(end);
        return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '\f';
    }

    private static boolean isJsonLd(String s, int at) {
        int close = s.indexOf('>', at);
        if (close < 0) {
            return false;
        }
        String tag = s.substring(at, close).toLowerCase(Locale.ROOT);
        return tag.contains("ld+json");
    }

    /** Just after the element's end tag ({@code </script ...>}), or the end of the text if it has none. */
    private static int endOfElement(String s, int from, String endTag) {
        int i = from;
        while (true) {
            i = indexOfIgnoreCase(s, endTag, i + 1);
            if (i < 0) {
                return s.length();
            }
            int after = i + endTag.length();
            if (after >= s.length()) {
                return s.length();
            }
            char c = s.charAt(after);
            if (c == '>' || Character.isWhitespace(c) || c == '/') {
                int close = s.indexOf('>', after);
                return close < 0 ? s.length() : close + 1;
            }
        }
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        char first = needle.charAt(0);
        for (int i = s.indexOf(first, from); i >= 0; i = s.indexOf(first, i + 1)) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
