package org.newsflow.ingest.source;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML bodies to plain text (jsoup). Feeds and push clients often send a body as HTML; kept verbatim, markup and
 * scripts would be tagged as if they were news ("a name inside {@code <script>} becomes a person") and every
 * offset would point into markup.
 *
 * <p>The rule: a body <em>looks like HTML</em> when it contains an opening or closing tag of a common HTML element
 * ({@code <p>}, {@code <div>}, {@code <br>}, {@code <script>}, {@code <a href>}, ... see {@link #MARKUP}) or a
 * doctype; text that merely contains '&lt;' ("a &lt; b", "&lt;3") is left alone. Such a body is parsed as HTML;
 * {@code script, style, noscript, template, iframe, object, embed, svg, math, head} and form controls are dropped
 * with their content; each block element ({@code p, div, h1-h6, li, blockquote, article, section, tr, ...}) becomes
 * its own paragraph (separated by a blank line); {@code <br>} becomes a line break; runs of white space inside a
 * paragraph become one space; entities are decoded.
 */
public final class HtmlText {
    /** Tags whose presence makes a body HTML. */
    static final Pattern MARKUP = Pattern.compile(
            "(?i)<!doctype\\s+html|</?(?:html|head|body|p|div|br|hr|span|a|em|strong|b|i|u|h[1-6]|ul|ol|li|table|tr|td|th|"
                    + "script|style|noscript|iframe|img|figure|figcaption|blockquote|article|section|header|footer|nav|aside|"
                    + "main|pre|code|font|center|small|sup|sub|meta|link|form|input|button|svg|template|dl|dt|dd)"
                    + "(?:\\s[^<>]*)?/?>");

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object", "embed",
            "svg", "math", "head", "form", "input", "button", "select", "textarea", "canvas", "audio", "video", "map");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
            "dt", "dd", "blockquote", "article", "section", "header", "footer", "nav", "aside", "main", "pre", "figure",
            "figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "address", "details", "summary",
            "body", "html", "center");

    private HtmlText() {}

    public static boolean looksLikeHtml(String text) {
        return text != null && text.indexOf('<') >= 0 && MARKUP.matcher(text).find();
    }

    /** The text of an HTML body, paragraphs separated by a blank line; the input unchanged if it is not HTML. */
    public static String toText(String body) {
        if (!looksLikeHtml(body)) {
            return body;
        }
        Document doc = Jsoup.parse(body);
        for (String tag : DROPPED) {
            doc.select(tag).remove();
        }
        Collector c = new Collector();
        doc.traverse(c);
        return c.finish();
    }

    /** A title that looks like HTML: its text on one line. */
    public static String inlineText(String title) {
        if (!looksLikeHtml(title)) {
            return title;
        }
        Document doc = Jsoup.parse(title);
        for (String tag : DROPPED) {
            doc.select(tag).remove();
        }
        return doc.body().text();
    }

    /** Walks the tree, collecting paragraphs: a block boundary ends the current paragraph. */
    private static final class Collector implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder paragraph = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendCollapsed(t.getWholeText());
            } else if (node instanceof Element e) {
                String name = e.normalName().toLowerCase(Locale.ROOT);
                if (name.equals("br")) {
                    trimTrailingSpace();
                    paragraph.append('\n');
                } else if (BLOCKS.contains(name)) {
                    endParagraph();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName().toLowerCase(Locale.ROOT))) {
                endParagraph();
            }
        }

        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch) || ch == '\u00A0') {
                    int n = paragraph.length();
                    if (n > 0 && paragraph.charAt(n - 1) != ' ' && paragraph.charAt(n - 1) != '\n') {
                        paragraph.append(' ');
                    }
                } else {
                    paragraph.append(ch);
                }
            }
        }

        private void trimTrailingSpace() {
            while (paragraph.length() > 0 && paragraph.charAt(paragraph.length() - 1) == ' ') {
                paragraph.setLength(paragraph.length() - 1);
            }
        }

        private void endParagraph() {
            String p = paragraph.toString().strip();
            paragraph.setLength(0);
            if (p.isEmpty()) {
                return;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(p.replaceAll(" *\n *", "\n"));
        }

        String finish() {
            endParagraph();
            return out.toString();
        }
    }
}
