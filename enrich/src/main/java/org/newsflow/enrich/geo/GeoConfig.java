package org.newsflow.enrich.geo;

/**
 * The tuning values of the country tagger, with the defaults the published figures were measured with
 * (docs/countries.md). Each can be changed for a measurement with the system property named, read once, by
 * {@link #fromSystemProperties()} when the factory builds the tagger.
 *
 * @param uniqueTown a town name found in only one country is accepted without CoreNLP's LOCATION from this
 *     population on, after a locative word ("in Pataskala") ({@code newsflow.geo.uniqueTown}, default 10,000)
 * @param townRule a country name that is also a town in the article's one country ("Jordan, Minn." in a Minnesota
 *     paper) reads as the town ({@code newsflow.geo.townRule}, default true)
 * @param supportedTown towns at least this populous are accepted without LOCATION when the article already concerns
 *     their country ({@code newsflow.geo.supportedTown}, default 5,000)
 * @param ambiguityMargin minimum score lead of a city over a namesake in another country, unless the article names
 *     its state or country; 0 switches the rule off ({@code newsflow.geo.margin}, default 0.0)
 * @param localWeight weight of sub-national evidence (states, towns of one country) in a city's score
 *     ({@code newsflow.geo.localWeight}, default 2.0)
 * @param adminWeight weight of each other place of the article with a namesake in the same state or province,
 *     capped at 1.5; 0 switches admin1 consistency off ({@code newsflow.geo.adminWeight}, default 0.75)
 * @param localPlaceMin local evidence needed for an unknown LOCATION to be a PLACE in an article naming no other
 *     country ({@code newsflow.geo.localPlaceMin}, default 1.0)
 */
public record GeoConfig(long uniqueTown, boolean townRule, long supportedTown, double ambiguityMargin, double localWeight,
                        double adminWeight, double localPlaceMin) {

    /** Cities at least this populous are accepted without CoreNLP calling them LOCATION (not tunable: a definition). */
    public static final long MAJOR_CITY = 100_000;

    public static GeoConfig defaults() {
        return new GeoConfig(10_000, true, 5_000, 0.0, 2.0, 0.75, 1.0);
    }

    public static GeoConfig fromSystemProperties() {
        GeoConfig d = defaults();
        return new GeoConfig(
                Long.getLong("newsflow.geo.uniqueTown", d.uniqueTown()),
                Boolean.parseBoolean(System.getProperty("newsflow.geo.townRule", String.valueOf(d.townRule()))),
                Long.getLong("newsflow.geo.supportedTown", d.supportedTown()),
                Double.parseDouble(System.getProperty("newsflow.geo.margin", String.valueOf(d.ambiguityMargin()))),
                Double.parseDouble(System.getProperty("newsflow.geo.localWeight", String.valueOf(d.localWeight()))),
                Double.parseDouble(System.getProperty("newsflow.geo.adminWeight", String.valueOf(d.adminWeight()))),
                Double.parseDouble(System.getProperty("newsflow.geo.localPlaceMin", String.valueOf(d.localPlaceMin()))));
    }
}
