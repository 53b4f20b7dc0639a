package org.newsflow.ingest.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What the class and id of an element say about it. Publishers name their page parts for their own CSS, and the
 * names are remarkably alike across sites: "comments", "share-bar", "related-articles", "cookie-consent",
 * "newsletter-signup" on one side; "article-body", "story-content", "entry-content", "post-text" on the other.
 * Substring cues are words that are unambiguous inside longer names; token cues are short words that are only
 * trusted as a whole class token ("ad", "nav", "tags").
 */
final class Cues {
    /** Page parts that are never the article, even inside it: removed before scoring. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "comment|disqus|cookie|consent|gdpr|newsletter|subscri(be|ption)|signup|sign-up|outbrain|taboola|related|recommend"
                    + "|sharing|share-|-share|share_|_share|social|sidebar|breadcrumb|advert|sponsor|promo|popup|modal|overlay"
                    + "|trending|popular|more-stories|read-?more|also-?read|see-?also|footer|masthead|widget|pagination|pager"
                    + "|byline|author-?bio|author-?info|about-?the-?author|toolbar|skip-?link|screen-?reader|sr-only|visually-?hidden"
                    + "|jump-?link|rating|reaction|poll|login|signin|print-only|tag-?list|tags-|-tags|topics|keywords|next-?article"
                    + "|prev-?article|most-?read|newsfeed|ticker|carousel|slideshow|gallery|video-?player|inline-?video|caption"
                    + "|credit|copyright|disclaimer|donat|paywall|meter|teaser");
    private static final Pattern BOILERPLATE_TOKEN = Pattern.compile(
            "ad|ads|adslot|ad-slot|ad-container|ad-wrapper|dfp|nav|navbar|navigation|menu|tags|tag|share|shares|bio|meta|hidden"
                    + "|hide|print|aside|links|extra|footnote|subheader|header|infobox|notice|alert|banner|dateline|timestamp|date"
                    + "|author|authors|related|native|sponsored|partner|shop|embed|cta");
    /** Names of the article's own container. */
    private static final Pattern CONTENT = Pattern.compile(
            "article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|story-?text|entry-?content"
                    + "|post-?content|post-?body|post-?text|body-?text|main-?content|content-?body|rich-?text|richtext|article__body"
                    + "|article__content|prose|text-?body|news-?body|news-?text|article-?main|single-?content");
    private static final Pattern CONTENT_WEAK = Pattern.compile("article|story|content|entry|post|body|text|main|hentry|blog");

    private Cues() {}

    static String names(Element e) {
        String c = e.className();
        String id = e.id();
        return (c.isEmpty() ? id : id.isEmpty() ? c : c + " " + id).toLowerCase(Locale.ROOT);
    }

    /** Whether the class or id names a part of the page that is not article text. */
    static boolean boilerplate(String names) {
        if (names.isEmpty()) {
            return false;
        }
        if (CONTENT.matcher(names).find()) {
            return false;
        }
        if (BOILERPLATE.matcher(names).find()) {
            return true;
        }
        for (String token : names.split("[\\s]+")) {
            if (BOILERPLATE_TOKEN.matcher(token).matches()) {
                return true;
            }
        }
        return false;
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
        if (CONTENT.matcher(names).find()) {
            w += 30;
        } else if (CONTENT_WEAK.matcher(names).find()) {
            w += 10;
        }
        if (BOILERPLATE.matcher(names).find()) {
            w -= 25;
        }
        return w;
    }
}
