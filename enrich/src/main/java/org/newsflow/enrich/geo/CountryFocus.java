package org.newsflow.enrich.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
 * Step 7: mentions grouped into country and location tags; focus countries are those whose weighted, lead-boosted
 * score is at least half the top score (a headline naming countries raises the bar for the others).
 */
final class CountryFocus {
    /** What one mention of each kind weighs in the focus score (other kinds: 0.5). */
    private static final Map<GeoKind, Double> WEIGHT = new EnumMap<>(Map.of(
            GeoKind.NAME, 1.0, GeoKind.DEMONYM, 0.7, GeoKind.INSTITUTION, 1.0, GeoKind.CAPITAL, 0.8, GeoKind.CITY, 0.5, GeoKind.REGION, 0.6));
    /** A country the headline names scores like two name mentions in the lead. */
    private static final double HEADLINE_BONUS = 2.0;
    /** With a headline naming countries, a country it does not name is focus only at this share of the top score. */
    private static final double OUTSIDE_HEADLINE_FOCUS = 0.9;

    private final Gazetteer gaz;

    CountryFocus(Gazetteer gaz) {
        this.gaz = gaz;
    }

    GeoResult build(List<GeoMention> mentions, AnalyzedText text, Set<String> headline) {
        Map<String, List<GeoMention>> byCountry = new LinkedHashMap<>();
        for (GeoMention g : mentions) {
            byCountry.computeIfAbsent(g.country(), k -> new ArrayList<>()).add(g);
        }
        // lead: the first sentence (the headline, when the feed puts it in the body) and the first 300 characters
        int leadEnd = text.sentences().isEmpty() ? 0 : Math.max(text.sentences().get(0).end(), 300);
        Map<String, Double> score = new HashMap<>();
        double max = 0;
        for (Map.Entry<String, List<GeoMention>> e : byCountry.entrySet()) {
            double s = 0;
            for (GeoMention g : e.getValue()) {
                double w = WEIGHT.getOrDefault(g.geoKind(), 0.5);
                s += g.begin() < leadEnd ? 2 * w : w;
            }
            if (headline.contains(e.getKey())) {
                s += HEADLINE_BONUS;
            }
            score.put(e.getKey(), s);
            max = Math.max(max, s);
        }
        boolean headlineInBody = headline.stream().anyMatch(byCountry::containsKey);
        List<CountryTag> countries = new ArrayList<>();
        for (Map.Entry<String, List<GeoMention>> e : byCountry.entrySet()) {
            String cc = e.getKey();
            Gazetteer.Country c = gaz.country(cc).orElse(new Gazetteer.Country(cc, cc, cc, List.of(), false));
            boolean focus = headlineInBody
                    // the headline says what the article is about; another country must rival the top score to join it
                    ? headline.contains(cc) || score.get(cc) >= OUTSIDE_HEADLINE_FOCUS * max
                    : score.get(cc) >= 0.5 * max && (e.getValue().size() >= 2 || byCountry.size() == 1);
            List<Mention> ev = new ArrayList<>();
            for (GeoMention g : e.getValue()) {
                ev.add(new Mention(g.begin(), g.end(), g.text(), g.geoKind().name()));
            }
            countries.add(new CountryTag(cc, c.alpha3(), c.name(), ev.size(), focus, ev));
        }
        countries.sort(Comparator.comparing((CountryTag t) -> !t.focus())
                .thenComparing(Comparator.comparingInt(CountryTag::mentions).reversed())
                .thenComparing(CountryTag::code));
        Map<String, List<GeoMention>> byPlace = new LinkedHashMap<>();
        for (GeoMention g : mentions) {
            if (g.place() != null) {
                GeoKind kind = g.geoKind().locationKind();
                byPlace.computeIfAbsent(kind + "\t" + g.place() + "\t" + g.country(), k -> new ArrayList<>()).add(g);
            }
        }
        List<LocationTag> locations = new ArrayList<>();
        for (Map.Entry<String, List<GeoMention>> e : byPlace.entrySet()) {
            String[] k = e.getKey().split("\t");
            List<Mention> ev = new ArrayList<>();
            for (GeoMention g : e.getValue()) {
                ev.add(new Mention(g.begin(), g.end(), g.text(), g.geoKind().name()));
            }
            locations.add(new LocationTag(k[1], k[0], k[2], ev.size(), ev));
        }
        locations.sort(Comparator.comparingInt(LocationTag::mentions).reversed().thenComparing(LocationTag::name));
        return new GeoResult(countries, locations, mentions);
    }
}
