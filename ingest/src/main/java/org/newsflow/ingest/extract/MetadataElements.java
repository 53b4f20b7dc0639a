package org.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements a page's metadata come from, found in one walk over the parsed page rather than one CSS query each
 * (a query is a walk of its own over some ten thousand elements, and most of them find nothing): JSON-LD scripts,
 * {@code <meta content>} tags, the canonical link, the {@code <html>} element, the first {@code h1}, the first
 * {@code <time datetime>} and the first author element ({@code a[rel=author]} or {@code [itemprop=author]}), each in
 * document order, as the CSS queries they replace would find them.
 */
final class MetadataElements implements NodeVisitor {
    final List<Element> jsonLd = new ArrayList<>();
    final List<Element> metas = new ArrayList<>();
    Element canonical;
    Element html;
    Element h1;
    Element time;
    Element author;

    static MetadataElements of(Document doc) {
        MetadataElements found = new MetadataElements();
        NodeTraversor.traverse(found, doc);
        return found;
    }

    @Override
    public void head(Node node, int depth) {
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "script" -> {
                if (e.attr("type").toLowerCase(Locale.ROOT).contains("application/ld+json")) {
                    jsonLd.add(e);
                }
            }
            case "meta" -> {
                if (e.hasAttr("content")) {
                    metas.add(e);
                }
            }
            case "link" -> {
                if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                    canonical = e;
                }
            }
            case "html" -> html = html == null ? e : html;
            case "h1" -> h1 = h1 == null ? e : h1;
            case "time" -> time = time == null && e.hasAttr("datetime") ? e : time;
            default -> { }
        }
        if (author == null && e.attributesSize() > 0
                && ("author".equalsIgnoreCase(e.attr("itemprop").trim()) || e.normalName().equals("a") && "author".equalsIgnoreCase(e.attr("rel").trim()))) {
            author = e;
        }
    }
}
