package org.newsflow.ingest.feed;

import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * What a feed document says about how often it changes: RSS 2.0 {@code <ttl>} (minutes "the channel can be cached
 * before refreshing") and the RSS 1.0 syndication module ({@code sy:updatePeriod} hourly/daily/weekly/monthly/yearly,
 * {@code sy:updateFrequency} times per period, 1 when absent), which many RSS 2.0 feeds (WordPress) carry too. Both
 * are hints to poll less often; {@link PollInterval} decides what to do with them.
 */
final class UpdateHints {
    private UpdateHints() {}

    /** The longer of the document's hints, or null when it gives none (or only nonsense: zero, negative, unknown). */
    static Duration of(SyndFeed feed) {
        Duration ttl = feed.originalWireFeed() instanceof Channel rss ? ttl(rss.getTtl()) : null;
        Duration sy = feed.getModule(SyModule.URI) instanceof SyModule m ? syndication(m.getUpdatePeriod(), m.getUpdateFrequency()) : null;
        if (sy == null && feed.originalWireFeed() != null) {
            sy = syndication(feed.originalWireFeed().getForeignMarkup()); // Rome reads the module for RSS 1.0 only
        }
        return longer(ttl, sy);
    }

    /** {@code sy:updatePeriod} / {@code sy:updateFrequency} among the channel's elements Rome left unparsed. */
    private static Duration syndication(List<Element> markup) {
        String period = null;
        int frequency = 1;
        for (Element e : markup) {
            if (!SyModule.URI.equals(e.getNamespaceURI())) {
                continue;
            }
            if (e.getName().equals("updatePeriod")) {
                period = e.getTextTrim();
            } else if (e.getName().equals("updateFrequency")) {
                try {
                    frequency = Integer.parseInt(e.getTextTrim());
                } catch (NumberFormatException unreadable) {
                    frequency = 1;
                }
            }
        }
        return syndication(period, frequency);
    }

    static Duration ttl(int minutes) {
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    /** {@code sy:updatePeriod} divided by {@code sy:updateFrequency}: "hourly" and 2 is every 30 minutes. */
    static Duration syndication(String period, int frequency) {
        if (period == null || period.isBlank()) {
            return null;
        }
        Duration length = switch (period.strip().toLowerCase(Locale.ROOT)) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            case "monthly" -> Duration.ofDays(30);
            case "yearly" -> Duration.ofDays(365);
            default -> null;
        };
        return length == null ? null : length.dividedBy(Math.max(1, frequency));
    }

    static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
