package org.newsflow.enrich.geo;

/**
 * A span of the body resolved to a country: a country name, demonym, capital, city, region or institution.
 * Other taggers use these to give people, organizations and event actors their country.
 *
 * @param firstToken article-wide index of the first token of the span
 * @param lastToken article-wide index of the last token (inclusive)
 * @param country ISO 3166-1 alpha-2
 * @param geoKind what the span is (see {@link GeoKind})
 * @param place for CITY and REGION, the place's name; otherwise null
 */
public record GeoMention(int firstToken, int lastToken, int begin, int end, String text, String country, GeoKind geoKind, String place) {

    public boolean is(GeoKind k) {
        return geoKind == k;
    }
}
