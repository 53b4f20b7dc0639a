package org.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.newsflow.ingest.fetch.TextDecoder;

/**
 * Parses RSS 0.90-2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 with Rome, plus what Media RSS adds (media:title and
 * media:description, also inside media:group), into {@link FeedEntry}s. Bytes are decoded here
 * ({@link TextDecoder}: BOM, XML declaration, header, with fallbacks for wrong declarations) so that a feed whose
 * server lies about its charset is still read. Doctypes are allowed because RSS 0.91 carries one, but Rome never
 * loads external entities or DTDs, so a feed cannot make newsflow read files or call other hosts.
 */
public final class FeedParser {
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    private static final Pattern HTML_START = Pattern.compile("^(?is)(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])");

    /**
     * A parsed document.
     *
     * @param updateHint how often the publisher says the feed changes (RSS {@code <ttl>}, {@code sy:updatePeriod} /
     *     {@code sy:updateFrequency}; the longer when both are there), or null when it says nothing
     */
    public record ParsedFeed(String title, String language, String dialect, List<FeedEntry> entries, Duration updateHint) {}

    public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedProblem {
        TextDecoder.Decoded decoded = TextDecoder.decode(body, contentType, TextDecoder.Kind.XML);
        String xml = decoded.text().stripLeading();
        if (xml.isEmpty()) {
            throw new FeedProblem("empty_document", "the feed document is empty");
        }
        if (HTML_START.matcher(xml.length() > 4096 ? xml.substring(0, 4096) : xml).find()) {
            throw new FeedProblem("html_not_feed", "an HTML page was served where a feed was expected (Content-Type "
                    + contentType + ")");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(true);
            input.setXmlHealerOn(true);
            input.setPreserveWireFeed(true); // for Atom's xml:base, which Rome keeps but does not apply to links
            feed = input.build(new StringReader(xml));
        } catch (ParsingFeedException e) {
            throw new FeedProblem("malformed_xml", "malformed XML" + position(e) + ": " + firstLine(e.getMessage()));
        } catch (Exception e) {
            throw new FeedProblem("not_a_feed", "not an RSS or Atom document: " + firstLine(e.getMessage()));
        }
        String language = language(feed.getLanguage());
        URI base = base(feedUrl, feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atom ? atom.getXmlBase() : null);
        List<FeedEntry> entries = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry e : feed.getEntries()) {
            URI entryBase = base(base, e.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry atom ? atom.getXmlBase() : null);
            entries.add(entry(e, entryBase, language));
        }
        return new ParsedFeed(HtmlText.toText(feed.getTitle()), language, feed.getFeedType(), entries, UpdateHints.of(feed));
    }

    /** Relative links resolve against xml:base (itself relative to the outer base), else the feed's URL. */
    private static URI base(URI outer, String xmlBase) {
        if (xmlBase == null || xmlBase.isBlank()) {
            return outer;
        }
        try {
            return outer.resolve(new URI(xmlBase.strip()));
        } catch (Exception bad) {
            return outer;
        }
    }

    private static FeedEntry entry(SyndEntry e, URI feedUrl, String language) {
        String link = link(e, feedUrl);
        String title = HtmlText.toText(e.getTitle());
        String summary = e.getDescription() == null ? "" : HtmlText.toText(e.getDescription().getValue());
        if (title.isEmpty()) {
            title = HtmlText.toText(media(e.getForeignMarkup(), "title"));
        }
        if (summary.isEmpty()) {
            summary = HtmlText.toText(media(e.getForeignMarkup(), "description"));
        }
        StringBuilder content = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            String text = HtmlText.toText(c.getValue());
            if (!text.isEmpty()) {
                content.append(content.length() == 0 ? "" : "\n").append(text);
            }
        }
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        String id = e.getUri() != null && !e.getUri().isBlank() ? e.getUri().strip()
                : link != null ? link
                : "hash:" + sha(title + "\n" + summary + "\n" + content);
        String author = e.getAuthor() == null || e.getAuthor().isBlank() ? null : e.getAuthor().strip();
        return new FeedEntry(id, link, title, summary, content.toString(), date == null ? null : date.toInstant(), author, language);
    }

    private static String link(SyndEntry e, URI feedUrl) {
        String link = e.getLink();
        if (link == null || link.isBlank()) {
            for (SyndLink l : e.getLinks()) {
                if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                    link = l.getHref();
                    break;
                }
            }
        }
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI u = feedUrl.resolve(new URI(link.strip().replace(" ", "%20")));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
        } catch (Exception bad) {
            return null; // an unusable link is no link: the item may still carry its text
        }
    }

    /** media:NAME directly on the item or inside media:group / media:content. */
    private static String media(List<Element> markup, String name) {
        for (Element el : markup) {
            if (!MEDIA.getURI().equals(el.getNamespaceURI())) {
                continue;
            }
            if (el.getName().equals(name)) {
                return el.getText();
            }
            if (el.getName().equals("group") || el.getName().equals("content")) {
                String inner = media(el.getChildren(), name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String l = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return l.matches("[a-z]{2}") ? l : null;
    }

    private static String position(ParsingFeedException e) {
        return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
