package org.newsflow.enrich.geo;

/**
 * What the span of a {@link GeoMention} is. The constant's name is the value on the wire: a country tag's evidence
 * kind ({@code Mention.kind}) and, for {@link #CITY}, {@link #REGION} and {@link #PLACE}, a location tag's kind.
 */
public enum GeoKind {
    /** the country's name or a variant ("Ivory Coast", "the U.S.") */
    NAME,
    /** a demonym or adjective ("Armenian", "Filipinos") */
    DEMONYM,
    /** a capital city (reported as a CITY location) */
    CAPITAL,
    /** a city or town */
    CITY,
    /** a first-level subdivision or a county-level unit ("Texas", "Licking County") */
    REGION,
    /** a country-specific institution ("the Bundestag", "the Armenian Defense Ministry") */
    INSTITUTION,
    /** a place CoreNLP tags LOCATION that the gazetteer lacks, in an article clearly about one country */
    PLACE;

    /** Whether the span names the country itself (name, demonym, institution) rather than a place in it. */
    public boolean namesCountry() {
        return this == NAME || this == DEMONYM || this == INSTITUTION;
    }

    /** Whether the mention carries a place name (city, capital, region), reported as a location. */
    public boolean isPlace() {
        return this == CITY || this == CAPITAL || this == REGION;
    }

    /** The kind of the location tag a mention of this kind makes: a capital is a CITY. */
    GeoKind locationKind() {
        return this == REGION || this == PLACE ? this : CITY;
    }
}
