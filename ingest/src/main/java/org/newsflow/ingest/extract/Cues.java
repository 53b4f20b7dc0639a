package org.newsflow.ingest.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What the class and id of an element say about it. Publishers name their page parts for their own CSS, and the
 * names are remarkably alike across sites: "comments", "share-bar", "related-articles", "cookie-consent",
 * "newsletter-signup" on one side; "article-body", "story-content", "entry-content", "post-text" on the other.
 *
 * <p>Names are split into words at separators and camelCase humps ("RelatedLinks-list" -> "related links list"). A
 * few cues are unambiguous anywhere in a name ("comment", "outbrain"); most must start a word ("share" matches
 * "sharebar" but "pager" does not match "pageRow"); short ones must be a whole word ("ad", "nav", "tags").
 */
final class Cues {
    /** Never the article, wherever they occur in a name. */
    private static final Pattern ANYWHERE = Pattern.compile(
            "comment|disqus|outbrain|taboola|cookie|newsletter|sidebar|breadcrumb|advert|recommend|related|social|sharing");
    /** Never the article, at the start of a word. */
    private static final Pattern WORD_START = Pattern.compile(
            "(?:^|\\s)(?:share|subscri|signup|consent|gdpr|sponsor|promo|popup|modal|overlay|trending|popular|footer|masthead"
                    + "|widget|pagination|pager|byline|toolbar|skiplink|rating|reaction|poll|login|signin|topics|keyword|carousel"
                    + "|slideshow|gallery|caption|credit|copyright|disclaimer|donat|paywall|teaser|ticker|navbar|navigation|menu"
                    + "|banner|timestamp|authorbio|authorinfo|jumplink|infobox|cta)");
    private static final Set<String> WORDS = Set.of("ad", "ads", "adslot", "adunit", "dfp", "nav", "tag", "tags", "bio", "meta",
            "hidden", "hide", "print", "aside", "links", "footnote", "header", "subheader", "notice", "alert", "dateline",
            "date", "author", "authors", "native", "shop", "embed", "more", "extra");
    private static final Pattern PHRASES = Pattern.compile(
            "read ?more|also ?read|see ?also|more ?stories|most ?read|next ?article|prev(ious)? ?article|about ?the ?author"
                    + "|screen ?reader|sr ?only|visually ?hidden|video ?player|inline ?video|skip ?link|tag ?list|you ?may ?like");
    /** Names of the article's own container. */
    private static final Pattern CONTENT = Pattern.compile(
            "(?:^|\\s)(?:article ?body|article ?content|article ?text|story ?body|story ?content|story ?text|entry ?content"
                    + "|post ?content|post ?body|post ?text|body ?text|main ?content|content ?body|rich ?text|prose|text ?body"
                    + "|news ?body|news ?text|article ?main|single ?content)(?:$|\\s)");
    private static final Pattern CONTENT_WEAK = Pattern.compile("(?:^|\\s)(?:article|story|content|entry|post|body|text|main|hentry|blog)");

    private Cues() {}

    /** The class and id as lower-case words: "ArticleBody-articleBody main_col" -> "article body article body main col". */
    static String names(Element e) {
        String raw = e.className() + " " + e.id();
        if (raw.isBlank()) {
            return "";
        }
        String known = NAMES_CACHE.get(raw);
        if (known != null) {
            return known;
        }
        String names = words(raw);
        if (NAMES_CACHE.size() > 50_000) {
            NAMES_CACHE.clear();
        }
        NAMES_CACHE.put(raw, names);
        return names;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMES_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static String words(String raw) {
        StringBuilder b = new StringBuilder(raw.length() + 8);
        char prev = ' ';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                    b.append(' ');
                }
                b.append(Character.toLowerCase(c));
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
            prev = c;
        }
        return b.toString().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the names say the element is an article container. */
    static boolean content(String names) {
        return !names.isEmpty() && CONTENT.matcher(names).find();
    }

    /** Decisions by names: pages of one site repeat the same few hundred class names. Bounded; cleared when full. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> BOILERPLATE_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the class or id names a part of the page that is not article text. */
    static boolean boilerplate(String names) {
        if (names.isEmpty()) {
            return false;
        }
        Boolean known = BOILERPLATE_CACHE.get(names);
        if (known != null) {
            return known;
        }
        boolean b = decideBoilerplate(names);
        if (BOILERPLATE_CACHE.size() > 50_000) {
            BOILERPLATE_CACHE.clear();
        }
        BOILERPLATE_CACHE.put(names, b);
        return b;
    }

    private static boolean decideBoilerplate(String names) {
        if (content(names)) {
            return false;
        }
        if (ANYWHERE.matcher(names).find() || WORD_START.matcher(names).find() || PHRASES.matcher(names).find()) {
            return true;
        }
        for (String w : names.split(" ")) {
            if (WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Comments and the like, removed even when they hold much text (a long comment thread outweighs an article). */
    static boolean strongBoilerplate(String names) {
        return boilerplate(names) && ANYWHERE.matcher(names).find();
    }

    /** A weight for candidate containers: strongly positive for article-body names, negative for boilerplate names. */
    static int weight(String names, Element e) {
        int w = 0;
        if ("articleBody".equalsIgnoreCase(e.attr("itemprop"))) {
            w += 40;
        }
        if (names.isEmpty()) {
            return w;
        }
        if (content(names)) {
            w += 30;
        } else if (CONTENT_WEAK.matcher(names).find()) {
            w += 10;
        }
        if (boilerplate(names)) {
            w -= 25;
        }
        return w;
    }
}
