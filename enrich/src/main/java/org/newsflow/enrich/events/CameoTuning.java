package org.newsflow.enrich.events;

import java.util.Set;

/**
 * How the CAMEO verb dictionary takes part in event coding.
 *
 * @param enabled match the dictionary's verb patterns at all ({@code newsflow.events.cameo=on|off}, default on)
 * @param ownCodes which verbs' own codes count without a pattern: {@code material} (the default: QuadClass 4 codes,
 *     "banned", "outlawed", "reimposed", and QuadClass 2 codes the dictionary wrote on the verb itself,
 *     "evacuated", "conceded", not those a verb inherits from its block's header, "gave", "issued"),
 *     {@code material-conflict} (QuadClass 4 only), {@code all} or {@code none} ({@code newsflow.events.cameo.own}).
 *     Promised or intended verbs ("will allow") count with any code. Measured on both dev sets, see docs/events.md.
 */
public record CameoTuning(boolean enabled, String ownCodes) {
    private static final Set<String> OWN_CODES = Set.of("material", "material-conflict", "all", "none");

    public CameoTuning {
        if (!OWN_CODES.contains(ownCodes)) {
            throw new IllegalArgumentException("newsflow.events.cameo.own must be one of " + OWN_CODES + ", got '" + ownCodes + "'");
        }
    }

    public static CameoTuning defaults() {
        return new CameoTuning(true, "material");
    }

    public static CameoTuning fromSystemProperties() {
        return new CameoTuning(!"off".equals(System.getProperty("newsflow.events.cameo", "on")),
                System.getProperty("newsflow.events.cameo.own", "material"));
    }
}
