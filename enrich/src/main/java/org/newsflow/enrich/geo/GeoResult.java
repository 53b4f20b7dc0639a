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

    /** The ISO alpha-2 country of the resolved mention covering the given token, if any. */
    public Optional<String> countryAt(int tokenIndex) {
        return mentionAt(tokenIndex).map(GeoMention::country);
    }

    /** Alpha-2 codes of the focus countries, in the order of {@link #countries()}. */
    public List<String> focusCodes() {
        return countries.stream().filter(CountryTag::focus).map(CountryTag::code).toList();
    }

    /** Alpha-2 codes of all tagged countries, in the order of {@link #countries()}. */
    public List<String> codes() {
        return countries.stream().map(CountryTag::code).toList();
    }
}
