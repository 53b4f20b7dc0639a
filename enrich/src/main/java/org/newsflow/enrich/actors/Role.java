package org.newsflow.enrich.actors;

import java.util.Locale;
import java.util.Set;
import org.newsflow.enrich.events.CountryCodes;

/**
 * What a CAMEO actor code says: a country (ISO alpha-2, null for international and non-state actors) and a sector.
 * {@code code} is the CAMEO code it was read from ("RUSGOV", "IGOUNO", "AZEELI").
 */
public record Role(String country, Sector sector, String code) {
    /** Prefixes that stand where a country would: international, regional and non-state actors. */
    private static final Set<String> NON_STATE = Set.of("IGO", "NGO", "IMG", "INT", "MNC", "UAF", "REB", "CRM");
    /** CAMEO country codes that are not ISO alpha-3 (CAMEO's own or legacy ones): ISO alpha-2. */
    private static final java.util.Map<String, String> CAMEO_COUNTRIES = java.util.Map.of("ANG", "AO", "TMP", "TL", "KSV", "XK", "ROM", "RO", "ZAR", "CD");

    /** Reads a CAMEO actor code: a country alpha-3 (or a non-state prefix) and agent codes. */
    public static Role ofCode(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        if (c.length() < 3) {
            return new Role(null, null, c);
        }
        String head = c.substring(0, 3);
        String country = CAMEO_COUNTRIES.getOrDefault(head, CountryCodes.alpha2(head));
        if (country != null) {
            return new Role(country, Sector.ofAgents(c.substring(3)), c);
        }
        Sector own = NON_STATE.contains(head) ? Sector.ofAgents(head) : null;
        return new Role(null, own != null ? own : Sector.ofAgents(c.substring(3)), c);
    }

    /** The same country without the sector (a role the date does not confirm). */
    Role countryOnly() {
        return new Role(country, null, code.length() >= 3 ? code.substring(0, 3) : code);
    }
}
