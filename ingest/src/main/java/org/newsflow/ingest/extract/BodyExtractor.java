package org.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article body in a parsed page, in four steps:
 * <ol>
 *   <li><b>clean</b>: drop what is never article text (scripts, forms, navigation, asides, hidden elements) and page
 *       parts whose class or id names boilerplate ({@link Cues}: comments, share bars, related links, cookie banners,
 *       newsletter boxes), unless the part holds the page's headline or article-body container;</li>
 *   <li><b>measure</b>: one bottom-up pass gives every element its text length, link-text length and the text of
 *       the paragraphs under it;</li>
 *   <li><b>score</b>: each paragraph (a {@code p}, {@code pre}, {@code td}, or a block with its own text) of at least
 *       25 characters scores 1 + its commas + its length in hundreds (at most 3), given to its parent in full, its
 *       grandparent half and further ancestors less; a container's score is then weighted by its class names and
 *       cut by its link density. The best container wins, and so do siblings that look like more of it (the article
 *       split by ads into several boxes);</li>
 *   <li><b>read</b>: the winner's text in document order, a blank line between blocks, leaving out blocks that are
 *       mostly links, and lines that are short and carry no sentence (labels such as "Advertisement").</li>
 * </ol>
 */
final class BodyExtractor {
    private static final Set<String> DROP = Set.of("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
            "embed", "button", "input", "select", "textarea", "option", "link", "meta", "nav", "aside", "footer", "dialog", "menu",
            "form", "figure", "figcaption", "picture", "video", "audio", "map", "head", "title");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "header", "address",
            "center", "hr", "body", "caption", "details", "summary", "fieldset");
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "dd");
    private static final int MIN_PARAGRAPH = 25;
    private static final int MAX_DEPTH = 400;

    /** Per-element figures from the measuring pass. */
    private static final class Stats {
        int text;       // characters of text under the element
        int linkText;   // of which inside links
        int ownText;    // characters of text nodes that are direct children
        double score;   // paragraph scores given to it
        double finalScore; // weighted by names and tag, cut by link density
        boolean scored;
    }

    record Result(String text, String reason) {}

    Result extract(Element body, String title) {
        if (body == null) {
            return new Result("", "the page has no body");
        }
        clean(body);
        Map<Element, Stats> stats = measure(body);
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            if (!s.scored) {
                continue;
            }
            Element el = e.getKey();
            double score = finalScore(el, s);
            s.finalScore = score;
            if (score > bestScore) {
                bestScore = score;
                best = el;
            }
        }
        if (best == null) {
            return new Result("", "no paragraph of text found");
        }
        best = promote(best, bestScore, stats);
        bestScore = Math.max(bestScore, finalScore(best, stats.get(best)));
        List<Element> parts = withSiblings(best, bestScore, stats);
        StringBuilder out = new StringBuilder();
        for (Element part : parts) {
            new Reader(stats, out, title).read(part);
        }
        String text = Texts.tidy(out.toString());
        if (text.length() < 200 && !text.contains(".")) {
            return new Result("", "no article text: the best block has " + text.length() + " characters and no sentence");
        }
        return new Result(text, null);
    }

    private static double finalScore(Element el, Stats s) {
        if (s == null || !s.scored) {
            return 0;
        }
        double linkDensity = s.text == 0 ? 0 : (double) s.linkText / s.text;
        return (s.score + Cues.weight(Cues.names(el), el) + tagWeight(el)) * (1 - linkDensity);
    }

    /**
     * An article cut into chunks (by ads, or by a layout grid) scores in several containers; when other strong
     * containers (at least 35% of the best) sit within a few levels of the best one, their nearest common ancestor
     * is the article.
     */
    private static Element promote(Element best, double bestScore, Map<Element, Stats> stats) {
        Map<Element, Integer> ancestors = new IdentityHashMap<>();
        int level = 0;
        for (Element a = best.parent(); a != null && level < 4; a = a.parent()) {
            ancestors.put(a, ++level);
        }
        Element top = best;
        int topLevel = 0;
        for (Map.Entry<Element, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            if (!s.scored || s.finalScore < 0.35 * bestScore || e.getKey() == best) {
                continue;
            }
            for (Element a = e.getKey().parent(); a != null; a = a.parent()) {
                if (a == best) {
                    break; // inside the best: nothing to add
                }
                Integer l = ancestors.get(a);
                if (l != null) {
                    if (l > topLevel && !isAncestorOf(e.getKey(), best)) {
                        topLevel = l;
                        top = a;
                    }
                    break;
                }
            }
        }
        if (top == best) {
            return best;
        }
        Stats ts = stats.get(top);
        double linkDensity = ts.text == 0 ? 0 : (double) ts.linkText / ts.text;
        return linkDensity < 0.35 ? top : best;
    }

    private static boolean isAncestorOf(Element candidate, Element of) {
        for (Element a = of.parent(); a != null; a = a.parent()) {
            if (a == candidate) {
                return true;
            }
        }
        return false;
    }

    private static double tagWeight(Element e) {
        return switch (e.normalName()) {
            case "article" -> 10;
            case "div", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    // -- 1. clean

    static void clean(Element body) {
        Map<Element, Subtree> subtrees = Subtree.of(body);
        List<Element> remove = new ArrayList<>();
        int pageParagraphs = subtrees.get(body).paragraphText;
        java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>(body.children());
        while (!todo.isEmpty()) { // not into what is removed already
            Element e = todo.pop();
            if (dropped(e, subtrees.get(e), pageParagraphs)) {
                remove.add(e);
            } else {
                todo.addAll(e.children());
            }
        }
        for (Element e : remove) {
            e.remove();
        }
    }

    private static boolean dropped(Element e, Subtree sub, int pageParagraphs) {
        String tag = e.normalName();
        if (DROP.contains(tag)) {
            return !(tag.equals("form") && sub.paragraphText >= 200) // a page wrapped in one form (ASP.NET)
                    && !(tag.equals("figure") && sub.hasParagraph && !sub.hasMedia);
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (hidden(e)) {
            return sub.paragraphText < pageParagraphs / 2; // not an article that a script reveals
        }
        String names = Cues.names(e);
        return Cues.boilerplate(names) && !holdsTheArticle(e, sub)
                && (Cues.strongBoilerplate(names) || sub.paragraphText < pageParagraphs / 2);
    }

    private static boolean hidden(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.normalName().equals("div")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty() || style.indexOf(':') < 0) {
            return false;
        }
        String st = style.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return st.contains("display:none") || st.contains("visibility:hidden");
    }

    private static boolean holdsTheArticle(Element e, Subtree sub) {
        return e.normalName().equals("body") || e.normalName().equals("html") || e.normalName().equals("main") || sub.hasHeadline;
    }

    // -- 2. measure and score

    private static Map<Element, Stats> measure(Element body) {
        Map<Element, Stats> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    stats.put(e, new Stats());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode t) {
                    int n = visibleLength(t);
                    Element p = t.parent();
                    Stats s = p == null ? null : stats.get(p);
                    if (n > 0 && s != null) {
                        s.ownText += n;
                    }
                    return;
                }
                if (!(node instanceof Element e)) {
                    return;
                }
                Stats s = stats.get(e);
                s.text += s.ownText;
                if (e.normalName().equals("a")) {
                    s.linkText = s.text;
                }
                Element parent = e.parent();
                if (parent != null && stats.containsKey(parent)) {
                    Stats ps = stats.get(parent);
                    ps.text += s.text;
                    ps.linkText += s.linkText;
                }
                if (isParagraph(e, s)) {
                    int plain = s.text - s.linkText;
                    if (plain >= MIN_PARAGRAPH) {
                        double score = 1 + commas(e) + Math.min(plain / 100, 3);
                        Element a = e.parent();
                        for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
                            Stats as = stats.get(a);
                            if (as == null) {
                                break;
                            }
                            as.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                            as.scored = true;
                        }
                    }
                }
            }
        }, body);
        return stats;
    }

    private static boolean isParagraph(Element e, Stats s) {
        String tag = e.normalName();
        if (PARAGRAPHS.contains(tag)) {
            return true;
        }
        // text written straight into a div with <br>s
        return (tag.equals("div") || tag.equals("section") || tag.equals("article")) && s.ownText >= MIN_PARAGRAPH;
    }

    private static int commas(Element e) {
        int n = 0;
        for (TextNode t : e.textNodes()) {
            String s = t.getWholeText();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
                    n++;
                }
            }
        }
        for (Element child : e.children()) {
            if (!BLOCKS.contains(child.normalName())) {
                n += commas(child);
            }
        }
        return n;
    }

    static int visibleLength(TextNode t) {
        String s = t.getWholeText();
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    n++;
                    space = true;
                }
            } else {
                n++;
                space = false;
            }
        }
        return n;
    }

    /** The best container, and its siblings that look like more of the same article. */
    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Stats> stats) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        String bestNames = best.className();
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                parts.add(sibling);
                continue;
            }
            Stats s = stats.get(sibling);
            if (s == null || s.text == 0) {
                continue;
            }
            double linkDensity = (double) s.linkText / s.text;
            double bonus = !bestNames.isEmpty() && bestNames.equals(sibling.className()) ? bestScore * 0.2 : 0;
            double score = (s.score + Cues.weight(Cues.names(sibling), sibling)) * (1 - linkDensity) + bonus;
            boolean include = s.scored && score >= threshold;
            if (!include && sibling.normalName().equals("p")) {
                int plain = s.text - s.linkText;
                include = plain > 80 && linkDensity < 0.25
                        || plain > 0 && linkDensity == 0 && Texts.endsSentence(sibling.text());
            }
            if (include) {
                parts.add(sibling);
            }
        }
        return parts;
    }

    // -- 4. read

    /** Writes an element's text, blocks separated by blank lines, leaving out link lists and labels. */
    private static final class Reader {
        private final Map<Element, Stats> stats;
        private final StringBuilder out;
        private final String title;
        private int pre;
        private int depth;

        Reader(Map<Element, Stats> stats, StringBuilder out, String title) {
            this.stats = stats;
            this.out = out;
            this.title = title == null ? "" : title.strip();
        }

        void read(Element root) {
            block(root);
        }

        private void block(Element e) {
            if (skip(e)) {
                return;
            }
            if (++depth > MAX_DEPTH) { // pathological nesting (unclosed tags): no deeper recursion, the text as it is
                out.append(e.text()).append("\n\n");
                depth--;
                return;
            }
            boolean isBlock = BLOCKS.contains(e.normalName());
            if (isBlock) {
                breakParagraph();
            }
            if (HEADINGS.contains(e.normalName())) {
                out.append(Texts.HEADING);
            }
            boolean isPre = e.normalName().equals("pre");
            if (isPre) {
                pre++;
            }
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    String text = t.getWholeText();
                    out.append(pre > 0 ? text : text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
                } else if (child instanceof Element c) {
                    String tag = c.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                        block(c);
                        out.append(' ');
                    } else if (tag.equals("tr")) {
                        out.append('\n');
                        block(c);
                        out.append('\n');
                    } else {
                        block(c);
                    }
                }
            }
            if (isPre) {
                pre--;
            }
            depth--;
            if (isBlock) {
                breakParagraph();
            }
        }

        private void breakParagraph() {
            out.append("\n\n");
        }

        private boolean skip(Element e) {
            Stats s = stats.get(e);
            if (s == null || s.text == 0) {
                return e.normalName().equals("img") || s != null;
            }
            String tag = e.normalName();
            double linkDensity = (double) s.linkText / s.text;
            if (tag.equals("h1") && (title.isEmpty() || e.text().strip().equalsIgnoreCase(title) || title.contains(e.text().strip()))) {
                return true;
            }
            if ((tag.equals("ul") || tag.equals("ol") || tag.equals("div") || tag.equals("section") || tag.equals("table")
                    || tag.equals("p") || tag.equals("li") || tag.equals("dl"))
                    && linkDensity > 0.5 && s.text - s.linkText < 200) {
                return true;
            }
            if ((tag.equals("div") || tag.equals("section") || tag.equals("ul")) && Cues.weight(Cues.names(e), e) < 0 && s.text < 500) {
                return true;
            }
            return false;
        }
    }
}
