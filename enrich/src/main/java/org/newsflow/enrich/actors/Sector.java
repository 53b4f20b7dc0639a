package org.newsflow.enrich.actors;

import java.util.Locale;
import java.util.Map;

/**
 * The sector of an actor: CAMEO's agent codes, as events and actor mentions carry them ({@link #name()} is the code
 * written to records). The first twenty are the ones the people and event lexicons use; {@code ELI} (elites: a
 * former office holder, a notable person), {@code CRM}, {@code HLH}, {@code AGR}, {@code ENV} and {@code UAF}
 * (unidentified armed forces: gunmen) come with the Phoenix dictionaries. CAMEO's finer codes fold into these
 * (religions into {@code REL}, human-rights groups into {@code NGO}, international militarised groups into {@code REB}).
 */
public enum Sector {
    GOV, MIL, LEG, JUD, COP, SPY, REB, OPP, PTY, BUS, MED, CVL, REL, EDU, IGO, NGO, REF, LAB, ELI, CRM, HLH, AGR, ENV, UAF;

    /** CAMEO codes that are another name of a sector. */
    private static final Map<String, Sector> ALIASES = Map.ofEntries(
            Map.entry("CHR", REL), Map.entry("MUS", REL), Map.entry("JEW", REL), Map.entry("HIN", REL),
            Map.entry("BUD", REL), Map.entry("JAN", REL), Map.entry("SIK", REL), Map.entry("ATH", REL),
            Map.entry("HRI", NGO), Map.entry("NGM", NGO), Map.entry("IMG", REB), Map.entry("INS", REB),
            Map.entry("MNC", BUS), Map.entry("SEP", REB), Map.entry("PPL", CVL));

    /** The sector of one three-letter CAMEO agent code, or null ("RAD", "MOD": modifiers, no sector). */
    public static Sector ofCode(String code) {
        if (code == null || code.length() != 3) {
            return null;
        }
        String c = code.toUpperCase(Locale.ROOT);
        if (ALIASES.containsKey(c)) {
            return ALIASES.get(c);
        }
        try {
            return valueOf(c);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The sector of an agent code string ("GOVMED" -> GOV, "MUSRAD" -> REL): its first three-letter part that is one. */
    public static Sector ofAgents(String agents) {
        if (agents == null) {
            return null;
        }
        for (int i = 0; i + 3 <= agents.length(); i += 3) {
            Sector s = ofCode(agents.substring(i, i + 3));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** The sector named by a lexicon string ("GOV"), or null when it is none. */
    public static Sector parse(String s) {
        return s == null || s.isBlank() ? null : ofCode(s.trim());
    }
}
