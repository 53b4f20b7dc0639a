package org.newsflow.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML fragments from feeds (descriptions, content:encoded, Atom html content) to plain text with one paragraph
 * per line, the form article bodies take in newsflow. Scripts, styles and embedded media are dropped.
 */
public final class HtmlText {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \\t\\x0B\\f\\r\u00A0]+");

    private HtmlText() {}

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return tidy(html);
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, iframe, object, embed, svg, figure figcaption, form").remove();
        StringBuilder out = new StringBuilder(html.length());
        append(body, out);
        return tidy(out.toString());
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.text());
            } else if (child instanceof Element e) {
                boolean block = e.isBlock() || e.nameIs("br") || e.nameIs("li");
                if (block) {
                    out.append('\n');
                }
                append(e, out);
                if (block) {
                    out.append('\n');
                }
            }
        }
    }

    /** Collapses spaces within lines and drops empty lines. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String l = SPACES.matcher(line).replaceAll(" ").strip();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }
}
