package org.newsflow.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads what a page declares about its article, each field from the most specific source present:
 * <ul>
 *   <li>title: JSON-LD {@code headline}, {@code og:title}, {@code twitter:title}, the {@code <title>} (a trailing
 *       " | Site name" cut when the rest is the first {@code h1});</li>
 *   <li>published time: JSON-LD {@code datePublished}, {@code article:published_time}, {@code itemprop=datePublished},
 *       the common {@code <meta name>} dates (pubdate, dc.date, parsely-pub-date, ...), a {@code <time datetime>};</li>
 *   <li>author: JSON-LD {@code author} (names), {@code <meta name=author>}, {@code article:author} when it is a name and
 *       not a profile URL, {@code rel=author} / {@code itemprop=author} text;</li>
 *   <li>language: JSON-LD {@code inLanguage}, {@code <html lang>}, {@code Content-Language}, {@code og:locale}, as ISO 639-1;</li>
 *   <li>canonical URL: {@code <link rel=canonical>}, {@code og:url}, JSON-LD {@code url}/{@code mainEntityOfPage}, made absolute.</li>
 * </ul>
 * JSON-LD objects count when their {@code @type} is an article type (NewsArticle, Article, BlogPosting, Report, ...),
 * found at the top level, in arrays or in {@code @graph}. A JSON-LD {@code articleBody} is kept as evidence for the body.
 */
final class MetadataReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARTICLE_TYPE = Pattern.compile("(?i).*(article|blogposting|report|posting)$");
    private static final List<String> META_DATES = List.of("article:published_time", "og:published_time", "datepublished",
            "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
            "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
            "originalpublicationdate");
    private static final List<String> META_AUTHORS = List.of("author", "article:author", "parsely-author", "sailthru.author",
            "dc.creator", "byl", "twitter:creator");
    private static final Map<String, String> ISO3 = Stream.of(Locale.getISOLanguages())
            .collect(Collectors.toMap(l -> Locale.forLanguageTag(l).getISO3Language(), l -> l, (a, b) -> a));

    PageMetadata read(Document doc, String pageUrl) {
        MetadataElements page = MetadataElements.of(doc);
        List<JsonNode> articles = jsonLdArticles(page.jsonLd);
        Map<String, String> meta = metaTags(page.metas);

        String title = first(jsonText(articles, "headline"), meta.get("og:title"), meta.get("twitter:title"), pageTitle(doc, page.h1));
        Instant published = firstDate(jsonText(articles, "datePublished"), jsonText(articles, "dateCreated"));
        for (int i = 0; published == null && i < META_DATES.size(); i++) {
            published = Dates.lenient(meta.get(META_DATES.get(i)));
        }
        if (published == null && page.time != null) {
            published = Dates.lenient(page.time.attr("datetime"));
        }
        String author = first(jsonAuthors(articles), metaAuthor(meta), textOf(page.author));
        String language = first(languageCode(jsonLanguage(articles)), languageCode(page.html == null ? null : page.html.attr("lang")),
                languageCode(meta.get("content-language")), languageCode(meta.get("language")), languageCode(meta.get("og:locale")));
        String canonical = first(absolute(page.canonical, "href"), absoluteUrl(pageUrl, meta.get("og:url")),
                absoluteUrl(pageUrl, jsonUrl(articles)), blankToNull(pageUrl));
        String body = jsonText(articles, "articleBody");
        return new PageMetadata(clean(title), published, clean(author), language, canonical, body, !articles.isEmpty());
    }

    // -- JSON-LD

    private static List<JsonNode> jsonLdArticles(List<Element> scripts) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : scripts) {
            try {
                collectArticles(JSON.readTree(script.data().strip()), found, 0);
            } catch (JsonProcessingException | RuntimeException e) {
                // a broken JSON-LD block is common; the page's other metadata still counts
            }
        }
        return found;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isArticleType(node.get("@type"))) {
            out.add(node);
        }
        collectArticles(node.get("@graph"), out, depth + 1);
        JsonNode main = node.get("mainEntity");
        if (main != null && main.isObject()) {
            collectArticles(main, out, depth + 1);
        }
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPE.matcher(type.asText().strip()).matches();
    }

    private static String jsonText(List<JsonNode> articles, String field) {
        for (JsonNode a : articles) {
            JsonNode v = a.get(field);
            if (v != null && v.isArray() && !v.isEmpty()) {
                v = v.get(0);
            }
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String jsonAuthors(List<JsonNode> articles) {
        for (JsonNode a : articles) {
            JsonNode v = a.get("author");
            if (v == null) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode n : v.isArray() ? v : List.of(v)) {
                String name = n.isTextual() ? n.asText() : n.path("name").isTextual() ? n.path("name").asText() : null;
                if (name != null && !name.isBlank() && !looksLikeUrl(name)) {
                    names.add(name.strip());
                }
            }
            if (!names.isEmpty()) {
                return String.join(", ", names);
            }
        }
        return null;
    }

    private static String jsonLanguage(List<JsonNode> articles) {
        for (JsonNode a : articles) {
            JsonNode v = a.get("inLanguage");
            if (v == null) {
                continue;
            }
            if (v.isTextual()) {
                return v.asText();
            }
            if (v.isObject()) {
                return v.path("alternateName").isTextual() ? v.path("alternateName").asText() : v.path("name").asText(null);
            }
        }
        return null;
    }

    private static String jsonUrl(List<JsonNode> articles) {
        for (JsonNode a : articles) {
            if (a.path("url").isTextual()) {
                return a.get("url").asText();
            }
            JsonNode main = a.get("mainEntityOfPage");
            if (main != null && main.isTextual()) {
                return main.asText();
            }
            if (main != null && main.path("@id").isTextual()) {
                return main.get("@id").asText();
            }
        }
        return null;
    }

    // -- meta tags and the rest of the head

    private static Map<String, String> metaTags(List<Element> metas) {
        Map<String, String> meta = new java.util.HashMap<>();
        for (Element m : metas) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : List.of(m.attr("property"), m.attr("name"), m.attr("itemprop"), m.attr("http-equiv"))) {
                if (!key.isBlank()) {
                    meta.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return meta;
    }

    private static String metaAuthor(Map<String, String> meta) {
        for (String key : META_AUTHORS) {
            String v = meta.get(key);
            if (v != null && !looksLikeUrl(v) && !v.startsWith("@")) {
                return v;
            }
        }
        return null;
    }

    private static String pageTitle(Document doc, Element h1) {
        String title = doc.title().strip();
        String heading = h1 == null ? "" : h1.text().strip();
        if (!heading.isEmpty() && (title.isEmpty() || title.contains(heading))) {
            return heading;
        }
        return title.isEmpty() ? null : title;
    }

    private static String textOf(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.hasAttr("content") ? e.attr("content") : e.text();
        return t.isBlank() || t.length() > 100 || looksLikeUrl(t) ? null : t;
    }

    /** ISO 639-1 from a language tag ("en-GB", "en_US", "eng", "English" is not a tag and gives null). */
    static String languageCode(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
        if (primary.matches("[a-z]{2}")) {
            return primary;
        }
        return primary.matches("[a-z]{3}") ? ISO3.get(primary) : null;
    }

    private static String absolute(Element e, String attr) {
        if (e == null) {
            return null;
        }
        String abs = e.absUrl(attr);
        return blankToNull(abs.isEmpty() ? e.attr(attr) : abs);
    }

    private static String absoluteUrl(String base, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return base == null || base.isBlank() ? url.strip() : java.net.URI.create(base.strip()).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    private static boolean looksLikeUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("www.");
    }

    private static Instant firstDate(String... values) {
        for (String v : values) {
            Instant t = Dates.lenient(v);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clean(String s) {
        return s == null ? null : org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
    }
}
