package org.newsflow.enrich.events;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** ISO 3166 alpha-2 <-> alpha-3, from the JDK's own ISO tables (CAMEO country codes are ISO alpha-3). */
public final class CountryCodes {
    private static final Map<String, String> A3_TO_A2 = new HashMap<>();

    static {
        for (String a2 : Locale.getISOCountries()) {
            try {
                A3_TO_A2.put(new Locale("", a2).getISO3Country(), a2);
            } catch (MissingResourceException e) {
                // no alpha-3 known
            }
        }
        A3_TO_A2.put("XKX", "XK");
        A3_TO_A2.put("KSV", "XK");
    }

    private CountryCodes() {}

    /** Alpha-3 of an alpha-2 code, or null. */
    public static String alpha3(String alpha2) {
        if (alpha2 == null || alpha2.length() != 2) {
            return null;
        }
        if (alpha2.equalsIgnoreCase("XK")) {
            return "XKX";
        }
        try {
            String a3 = new Locale("", alpha2.toUpperCase(Locale.ROOT)).getISO3Country();
            return a3.isEmpty() ? null : a3;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** Alpha-2 of an alpha-3 code, or null. */
    public static String alpha2(String alpha3) {
        return alpha3 == null ? null : A3_TO_A2.get(alpha3.toUpperCase(Locale.ROOT));
    }
}
