package org.newsflow.ingest.extract;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
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
        int size = bytes.length;
        for (int k = 0; k < cuts.length; k += 2) {
            size -= cuts[k + 1] - cuts[k];
        }
        byte[] kept = new byte[size];
        int copied = 0;
        int at = 0;
        for (int k = 0; k < cuts.length; k += 2) {
            System.arraycopy(bytes, copied, kept, at, cuts[k] - copied);
            at += cuts[k] - copied;
            copied = cuts[k + 1];
        }
        System.arraycopy(bytes, copied, kept, at, bytes.length - copied);
        return decode(kept, transportCharset);
    }

    /** Start and end offsets of the parts to cut, in pairs, in order. */
    private static int[] cuts(String html) {
        Cuts cuts = new Cuts();
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i < n - 3) {
            int next;
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                next = end < 0 ? n : end + 3;
                cuts.add(i, next);
            } else if (isLetter(html.charAt(i + 1))) {
                next = startTag(html, i, cuts);
            } else {
                next = i + 1;
            }
            i = next >= n ? -1 : html.indexOf('<', next);
        }
        return cuts.toArray();
    }

    /**
     * A start tag at {@code at}: the whole element is cut when it is never text (script but JSON-LD, style, svg, and
     * the raw-text elements textarea, noembed, noframes, xmp); the content of title and JSON-LD scripts is
     * passed over (it is text to the tokenizer, not tags); of the other tags, only the attributes some reader uses
     * are kept ({@link #KEPT_ATTRIBUTES}). Returns where scanning goes on.
     */
    private static int startTag(String s, int at, Cuts cuts) {
        int n = s.length();
        int nameEnd = at + 1;
        while (nameEnd < n && !isTagEnd(s.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = nameEnd - at - 1 <= 8 ? s.substring(at + 1, nameEnd).toLowerCase(Locale.ROOT) : ""; // the names below are short
        if (name.equals("script")) {
            int end = endOfElement(s, at, "</script");
            if (!isJsonLd(s, at)) {
                cuts.add(at, end);
            }
            return end;
        }
        String endTag = CUT_ELEMENTS.get(name);
        if (endTag != null) {
            int end = endOfElement(s, at, endTag);
            cuts.add(at, end);
            return end;
        }
        if (name.equals("link") || name.equals("source") || name.equals("input")) {
            // void elements read by nobody, but for the canonical link: cut whole
            int end = attributes(s, nameEnd, KEEP_LISTED, null);
            if (!name.equals("link") || !containsIgnoreCase(s, "canonical", at, end)) {
                cuts.add(at, end);
                return end;
            }
        }
        int keep = name.equals("link") ? KEEP_LISTED_AND_HREF : name.equals("img") ? KEEP_NONE : KEEP_LISTED;
        int tagEnd = attributes(s, nameEnd, keep, cuts);
        return name.equals("title") ? endOfElement(s, at, "</title") : tagEnd;
    }

    private static final int KEEP_LISTED = 0;
    private static final int KEEP_LISTED_AND_HREF = 1;
    /** An image counts as media (figures), but none of its attributes is read. */
    private static final int KEEP_NONE = 2;

    /**
     * Cuts the attributes nobody reads from a start tag whose name ends at {@code from} (into {@code cuts}, unless it is
     * null); returns the index after its {@code >}.
     */
    private static int attributes(String s, int from, int keep, Cuts cuts) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '/' || isSpace(c)) {
                i++;
                continue;
            }
            int nameStart = i;
            i++; // the first character may be '=' (a parse error the tokenizer reads as part of the name)
            while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>' && s.charAt(i) != '=') {
                i++;
            }
            int nameEnd = i;
            int j = i;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            if (j < n && s.charAt(j) == '=') {
                j = value(s, j + 1);
                if (j < 0) {
                    return n; // an unclosed quote runs to the end: leave it to the parser
                }
                i = j;
            }
            if (cuts != null && (keep == KEEP_NONE || !kept(s, nameStart, nameEnd, keep == KEEP_LISTED_AND_HREF))) {
                cuts.add(nameStart, i);
            }
        }
        return n;
    }

    /** The end of an attribute value starting at or after {@code from} (quoted or not), or -1 for an unclosed quote. */
    private static int value(String s, int from) {
        int n = s.length();
        int j = from;
        while (j < n && isSpace(s.charAt(j))) {
            j++;
        }
        if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
            int close = s.indexOf(s.charAt(j), j + 1);
            return close < 0 ? -1 : close + 1;
        }
        while (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '>') {
            j++;
        }
        return j;
    }

    private static boolean kept(String s, int start, int end, boolean keepHref) {
        int len = end - start;
        for (String name : KEPT_ATTRIBUTES) { // no substring per attribute: there are tens of thousands in a page
            if (name.length() == len && s.regionMatches(true, start, name, 0, len)) {
                return true;
            }
        }
        return keepHref && len == 4 && s.regionMatches(true, start, "href", 0, 4);
    }

    /**
     * The attributes the readers use: class and id ({@link Cues}), hiding ({@code hidden}, {@code aria-hidden},
     * {@code style}), microdata and {@code <meta>} ({@code itemprop}, {@code property}, {@code name}, {@code content},
     * {@code http-equiv}, {@code charset}), {@code rel}, {@code lang}, {@code type} (JSON-LD), {@code datetime} and
     * {@code pubdate}; {@code href} on {@code <link>} only (the canonical URL). Link targets, image sources and
     * srcsets, titles, alt texts and data attributes are a third of a news page's markup and no reader looks at them.
     */
    private static final String[] KEPT_ATTRIBUTES = {"class", "id", "hidden", "aria-hidden", "style", "itemprop", "property",
            "name", "content", "http-equiv", "charset", "rel", "lang", "type", "datetime", "pubdate"};

    /** Elements cut whole, with their end tags: never article text, and raw text to the tokenizer (or script-like). */
    private static final Map<String, String> CUT_ELEMENTS = Map.of("style", "</style", "svg", "</svg",
            "textarea", "</textarea", "noembed", "</noembed", "noframes", "</noframes", "xmp", "</xmp");

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isTagEnd(char c) {
        return c == '>' || c == '/' || isSpace(c);
    }

    /** A growing list of cut ranges. */
    private static final class Cuts {
        private int[] ranges = new int[64];
        private int count;

        void add(int start, int end) {
            if (count + 2 > ranges.length) {
                ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[count++] = start;
            ranges[count++] = end;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(ranges, count);
        }
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

    private static boolean containsIgnoreCase(String s, String needle, int from, int to) {
        for (int i = from; i + needle.length() <= to; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
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
