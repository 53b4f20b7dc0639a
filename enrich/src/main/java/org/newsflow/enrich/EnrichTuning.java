package org.newsflow.enrich;

import org.newsflow.enrich.geo.Gazetteer;
import org.newsflow.enrich.events.CameoTuning;
import org.newsflow.enrich.geo.GeoConfig;

/**
 * The tuning values of enrichment, read once when the factory is made and handed to what uses them. Each has a
 * documented default (the one the published figures were measured with) and a system property to change it for a
 * measurement.
 *
 * @param minPopulation cities below this GeoNames population are not in the gazetteer
 *     ({@code newsflow.gazetteer.minPopulation}, default {@value Gazetteer#DEFAULT_MIN_POPULATION}; see docs/countries.md)
 * @param fastParse dependency scoring by {@code FastNndep} (identical parses, about twice as fast) rather than
 *     CoreNLP's own ({@code newsflow.events.fastparse}, default true; see docs/events.md)
 * @param geo the country tagger's values ({@link GeoConfig}, {@code newsflow.geo.*})
 * @param cameo the CAMEO verb dictionary's part in event coding ({@link CameoTuning}, {@code newsflow.events.cameo*})
 */
public record EnrichTuning(int minPopulation, boolean fastParse, GeoConfig geo, CameoTuning cameo) {

    public static EnrichTuning defaults() {
        return new EnrichTuning(Gazetteer.DEFAULT_MIN_POPULATION, true, GeoConfig.defaults(), CameoTuning.defaults());
    }

    public static EnrichTuning fromSystemProperties() {
        return new EnrichTuning(Integer.getInteger("newsflow.gazetteer.minPopulation", Gazetteer.DEFAULT_MIN_POPULATION),
                !"false".equals(System.getProperty("newsflow.events.fastparse")), GeoConfig.fromSystemProperties(),
                CameoTuning.fromSystemProperties());
    }
}
