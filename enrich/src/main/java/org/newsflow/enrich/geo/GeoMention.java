package org.newsflow.enrich.geo;

/**
 * A span of the body resolved to a country: a country name, demonym, capital, city, region or institution.
 * Other taggers use these to give people, organizations and event actors their country.
 *
 * @param firstToken article-wide index of the first token of the span
 * @param lastToken article-wide index of the last token (inclusive)
 * @param country ISO 3166-1 alpha-2
 * @param kind NAME, DEMONYM, CAPITAL, CITY, REGION, INSTITUTION, or PLACE (a place CoreNLP tags LOCATION that the
 *     gazetteer lacks, inside an article clearly about one country; it never adds a country of its own)
 * @param place for CITY and REGION, the place's name; otherwise null
 */
public record GeoMention(int firstToken, int lastToken, int begin, int end, String text, String country, String kind, String place) {}
