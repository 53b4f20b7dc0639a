package org.newsflow.sink.store;

import java.util.List;
import java.util.Map;

/**
 * What the store knows about one person over a filter's time range.
 *
 * @param name the name in the newest article
 * @param titles titles stated in the articles, most frequent first
 * @param country the country most articles give, or null
 * @param articles articles mentioning the person
 * @param coMentioned people mentioned in the same articles, most articles first
 * @param asSource events (real ones) whose source actor is the person, per PLOVER type
 * @param asTarget the same for the target actor
 */
public record PersonProfile(String key, String name, List<String> titles, String country, long articles,
                            List<CoMention> coMentioned, Map<String, Long> asSource, Map<String, Long> asTarget) {
    public record CoMention(String key, String name, long articles) {}
}
