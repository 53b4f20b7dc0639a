package org.newsflow.ingest.feed;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed lists: a plain text file (one URL per line, optionally followed by a poll interval such as {@code 15m};
 * {@code #} starts a comment) or an OPML file (every outline with an {@code xmlUrl}, at any depth; an
 * {@code interval} attribute overrides the poll interval). A bad line is logged and skipped: one typo must not stop
 * every other feed. The same URL listed twice is followed once.
 */
public final class FeedList {
    private static final Logger LOG = LoggerFactory.getLogger(FeedList.class);

    private FeedList() {}

    public static List<FeedSubscription> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean opml = name.endsWith(".opml") || text.stripLeading().startsWith("<") && text.contains("<opml");
        return opml ? parseOpml(text, file.toString()) : parseText(text, file.toString());
    }

    public static List<FeedSubscription> parseText(String text, String origin) {
        Map<URI, FeedSubscription> feeds = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            // '#' starts a comment at the line start or after a space; inside a URL it is a fragment.
            while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1))) {
                hash = line.indexOf('#', hash + 1);
            }
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                URI url = url(parts[0]);
                Duration interval = null;
                for (int p = 1; p < parts.length; p++) {
                    String v = parts[p].startsWith("interval=") ? parts[p].substring(9) : parts[p];
                    interval = FeedSubscription.parseInterval(v);
                }
                feeds.putIfAbsent(url, new FeedSubscription(url, null, interval));
            } catch (IllegalArgumentException e) {
                LOG.warn("feed list {} line {} skipped: {}", origin, i + 1, e.getMessage());
            }
        }
        return List.copyOf(feeds.values());
    }

    public static List<FeedSubscription> parseOpml(String xml, String origin) throws IOException {
        Opml opml;
        try {
            WireFeedInput input = new WireFeedInput();
            input.setAllowDoctypes(false);
            opml = (Opml) input.build(new StringReader(xml));
        } catch (Exception e) {
            throw new IOException("feed list " + origin + " is not readable OPML: " + e.getMessage(), e);
        }
        Map<URI, FeedSubscription> feeds = new LinkedHashMap<>();
        collect(opml.getOutlines(), feeds, origin);
        return List.copyOf(feeds.values());
    }

    private static void collect(List<Outline> outlines, Map<URI, FeedSubscription> feeds, String origin) {
        for (Outline o : outlines) {
            if (o.getXmlUrl() != null && !o.getXmlUrl().isBlank()) {
                try {
                    URI url = url(o.getXmlUrl().strip());
                    String interval = o.getAttributeValue("interval");
                    String title = o.getTitle() != null ? o.getTitle() : o.getText();
                    feeds.putIfAbsent(url, new FeedSubscription(url, title,
                            interval == null || interval.isBlank() ? null : FeedSubscription.parseInterval(interval)));
                } catch (IllegalArgumentException e) {
                    LOG.warn("feed list {}: outline '{}' skipped: {}", origin, o.getText(), e.getMessage());
                }
            }
            collect(o.getChildren(), feeds, origin);
        }
    }

    private static URI url(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: '" + text + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "'");
        }
    }
}
