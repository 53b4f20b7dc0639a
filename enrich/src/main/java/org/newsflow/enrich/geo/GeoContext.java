package org.newsflow.enrich.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.LocationTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.Gazetteer.Entry;
import org.newsflow.enrich.geo.Gazetteer.Kind;
import org.newsflow.enrich.geo.Gazetteer.Node;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.EntityMention;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;

/**
 * Step 3: the article as context. A first pass counts what the unambiguous evidence says the article is about
 * (countries, US states and Canadian provinces named, locale cues, towns per state); the resolution then scores each
 * ambiguous reading against it. One instance per article.
 */
final class GeoContext {
    final Map<String, Double> countries = new HashMap<>();
    final Set<String> admins = new HashSet<>();
    /** sub-national evidence per country: states, provinces, counties, towns of one country */
    final Map<String, Double> local = new HashMap<>();
    /** local evidence contributed by each surface form ("surface|CC"), to discount a town's support of itself */
    final Map<String, Double> selfLocal = new HashMap<>();
    /** national evidence per country: names, demonyms, institutions */
    final Map<String, Double> nat = new HashMap<>();
    /** "CC-admin1" -> the surfaces of the article's place matches that have a town there */
    final Map<String, Set<String>> townsByAdmin = new HashMap<>();
    final String body;
    final GeoConfig config;

    GeoContext(String body, GeoConfig config) {
        this.body = body;
        this.config = config;
    }

    double country(String cc) {
        return countries.getOrDefault(cc, 0.0);
    }

    void add(String cc, double w) {
        countries.merge(cc, w, Double::sum);
    }

    double local(String cc) {
        return local.getOrDefault(cc, 0.0);
    }

    void addLocal(String cc, double w) {
        local.merge(cc, w, Double::sum);
    }

    /** First pass: what the unambiguous evidence says the article is about. */
    static GeoContext context(List<PlaceMatch> matches, String body, GeoConfig config) {
        GeoContext ctx = new GeoContext(body, config);
        for (PlaceMatch x : matches) {
            if (x.rejected) {
                continue;
            }
            if (x.qualifier != null && !x.qualifier.rejected) {
                for (Entry e : x.qualifier.entries) {
                    if ((e.kind() == Kind.ABBR || e.kind() == Kind.POSTAL || e.kind() == Kind.REGION) && !e.admin1().isEmpty()) {
                        ctx.admins.add(e.country() + "-" + e.admin1());
                        ctx.addLocal(e.country(), 1.0);
                        break;
                    }
                }
            }
            String key = x.surface.toLowerCase(Locale.ROOT);
            for (Entry e : x.entries) {
                if (e.kind() == Kind.CITY) {
                    for (String a : e.admins()) {
                        ctx.townsByAdmin.computeIfAbsent(e.country() + "-" + a, k -> new HashSet<>()).add(key);
                    }
                }
            }
            Set<String> cs = new HashSet<>();
            boolean cityOnly = true;
            for (Entry e : x.entries) {
                switch (e.kind()) {
                    case NAME, DEMONYM, INSTITUTION -> { cs.add(e.country()); cityOnly = false; }
                    case REGION -> {
                        if (e.curated()) {
                            cs.add(e.country());
                            cityOnly = false;
                        }
                    }
                    case CITY -> { if (e.population() >= 15_000) cs.add(e.country()); }
                    default -> { }
                }
            }
            if (cs.size() == 1) {
                String cc = cs.iterator().next();
                ctx.add(cc, cityOnly ? 0.5 : 1.0);
                if (!cityOnly) {
                    ctx.nat.merge(cc, 1.0, Double::sum);
                }
                boolean region = false;
                for (Entry e : x.entries) {
                    if (e.kind() == Kind.REGION && e.curated() && !e.admin1().isEmpty()) {
                        ctx.admins.add(e.country() + "-" + e.admin1());
                        region = true;
                    }
                }
                if (region || cityOnly) {
                    ctx.addLocal(cc, region ? 1.0 : 0.5);
                    ctx.selfLocal.merge(x.surface + "|" + cc, region ? 1.0 : 0.5, Double::sum);
                }
            }
        }
        return ctx;
    }

    /** Locale cues: each distinct cue adds 0.5 local evidence to its country, at most 1.5 per country. */
    void localeCues(Gazetteer gaz) {
        GeoContext ctx = this;
        Map<String, Double> add = new HashMap<>();
        String norm = ctx.body;
        for (Map.Entry<String, String> cue : gaz.localeCues().entrySet()) {
            if (cue.getKey().length() == 1 ? norm.indexOf(cue.getKey()) >= 0 : containsWord(norm, cue.getKey())) {
                add.merge(cue.getValue(), 0.5, Double::sum);
            }
        }
        add.forEach((cc, w) -> ctx.addLocal(cc, Math.min(w, 1.5)));
    }

    /** County-level units count as local evidence of their country ("Licking County": the US). */
    void addCounties(List<PlaceMatch> counties) {
        for (PlaceMatch c : counties) {
            String cc = countyCountry(this, c.irishCounty);
            c.chosen = new Entry(Kind.REGION, cc, c.surface, "", 0, false, true, Set.of());
            c.kind = GeoKind.REGION;
        }
        for (PlaceMatch c : counties) {
            add(c.chosen.country(), 0.5);
            addLocal(c.chosen.country(), 1.0);
        }
    }

    static String countyCountry(GeoContext ctx, boolean irishStyle) {
        // "County Cork" is Irish usage; "Licking County", "Rapides Parish" American (Canada's Ontario counties too)
        if (irishStyle) {
            return ctx.country("GB") > ctx.country("IE") ? "GB" : "IE";
        }
        if (ctx.country("US") == 0 && ctx.nat.getOrDefault("CA", 0.0) + ctx.local("CA") > 0) {
            return "CA";
        }
        return "US";
    }

    static boolean supported(Entry c, PlaceMatch x, GeoContext ctx) {
        if (ctx.nat.getOrDefault(c.country(), 0.0) > 0 || localFromOthers(c, x, ctx) >= 1) {
            return true;
        }
        for (String a : c.admins()) {
            if (ctx.admins.contains(c.country() + "-" + a)) {
                return true;
            }
        }
        return false;
    }

    static double localFromOthers(Entry c, PlaceMatch x, GeoContext ctx) {
        return ctx.local(c.country()) - ctx.selfLocal.getOrDefault(x.surface + "|" + c.country(), 0.0);
    }

    /**
     * Admin1 consistency: how many other place names of the article have a town in one of this town's
     * states/provinces ("Athens" and "Decatur" both have namesakes in Alabama and Georgia), weighted and capped at
     * 1.5. Symmetric: the foreign reading gets the same support from its own neighbours.
     */
    static double adminSupport(Entry c, String surface, GeoContext ctx) {
        if (ctx.config.adminWeight() <= 0 || c.admins().isEmpty()) {
            return 0;
        }
        String self = surface.toLowerCase(Locale.ROOT);
        Set<String> others = new HashSet<>();
        for (String a : c.admins()) {
            Set<String> towns = ctx.townsByAdmin.get(c.country() + "-" + a);
            if (towns != null) {
                for (String t : towns) {
                    if (!t.equals(self)) {
                        others.add(t);
                    }
                }
            }
        }
        return Math.min(ctx.config.adminWeight() * others.size(), 1.5);
    }

    static double cityScore(Entry c, PlaceMatch x, GeoContext ctx) {
        double s = Math.log10(Math.max(c.population(), 1)) + adminSupport(c, x.surface, ctx);
        // the article's own evidence for the country, saturating: a local paper's many US places outweigh
        // the population of a foreign namesake (Dublin, Ohio vs Dublin, Ireland)
        s += Math.min(ctx.nat.getOrDefault(c.country(), 0.0), 2.5);
        s += ctx.config.localWeight() * Math.min(ctx.local(c.country()), 2.0);
        for (String a : c.admins()) {
            if (ctx.admins.contains(c.country() + "-" + a)) {
                s += 2.5;
                break;
            }
        }
        if (c.capital()) {
            s += 0.5;
        }
        return s;
    }

    /** How many times this match's surface contributed to the context (its own occurrences). */
    static double count(GeoContext ctx, PlaceMatch x) {
        int n = 0;
        int from = 0;
        while ((from = ctx.body.indexOf(x.surface, from)) >= 0) {
            n++;
            from += x.surface.length();
        }
        return n;
    }

    static boolean containsWord(String body, String word) {
        int from = 0;
        while ((from = body.indexOf(word, from)) >= 0) {
            int end = from + word.length();
            boolean left = from == 0 || !Character.isLetterOrDigit(body.charAt(from - 1));
            boolean right = end >= body.length() || !Character.isLetterOrDigit(body.charAt(end));
            if (left && right) {
                return true;
            }
            from = end;
        }
        return false;
    }
}
