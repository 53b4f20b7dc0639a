package org.newsflow.enrich.geo;

import java.util.List;
import java.util.Optional;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.LocationTag;

/** What the country tagger found in one article. */
public record GeoResult(List<CountryTag> countries, List<LocationTag> locations, List<GeoMention> mentions) {
    /** Nothing found (for articles that are not tagged, e.g. not in English). */
    public static final GeoResult EMPTY = new GeoResult(List.of(), List.of(), List.of());

    public GeoResult {
        countries = List.copyOf(countries);
        locations = List.copyOf(locations);
        mentions = List.copyOf(mentions);
    }

    /** The resolved mention covering the given token, if any. */
    public Optional<GeoMention> mentionAt(int tokenIndex) {
        for (GeoMention m : mentions) {
            if (m.firstToken() <= tokenIndex && tokenIndex <= m.lastToken()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
