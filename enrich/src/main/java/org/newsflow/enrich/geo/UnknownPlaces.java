package org.newsflow.enrich.geo;

import org.newsflow.enrich.nlp.NerClass;
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
 * Step 6: places the gazetteer does not know, admitted only where the article pins their country: before a ", State"
 * ("Kelleyland, La.") or in an article whose places all lie in one country.
 */
final class UnknownPlaces {
    private static final Set<String> GENERIC_LOCATIONS = WordList.load("/gazetteer/generic_locations.txt");

    private final Gazetteer gaz;
    private final GeoConfig config;

    UnknownPlaces(Gazetteer gaz, GeoConfig config) {
        this.gaz = gaz;
        this.config = config;
    }

    /** "Kelleyland, La.": a LOCATION that the gazetteer does not know, pinned by the state or country after it. */
    void unknownPlacesBeforeState(List<PlaceMatch> matches, List<Piece> pieces, List<Token> tokens, String body, List<GeoMention> out) {
        Set<Integer> used = new HashSet<>();
        for (GeoMention g : out) {
            for (int i = g.firstToken(); i <= g.lastToken(); i++) {
                used.add(i);
            }
        }
        for (PlaceMatch q : matches) {
            if (q.rejected || q.chosen == null || !(q.chosen.kind() == Kind.ABBR || q.chosen.kind() == Kind.POSTAL
                    || (q.chosen.kind() == Kind.REGION && q.chosen.curated()) || q.chosen.kind() == Kind.NAME)) {
                continue;
            }
            int comma = q.firstToken - 1;
            if (comma < 1 || !tokens.get(comma).text().equals(",")) {
                continue;
            }
            int last = comma - 1;
            int first = last;
            while (first >= 0 && tokens.get(first).is(NerClass.LOCATION) && tokens.get(first).sentence() == tokens.get(last).sentence()
                    && !used.contains(first) && first > last - 3) {
                first--;
            }
            first++;
            if (first > last || !tokens.get(first).isCapitalised()) {
                continue;
            }
            String name = body.substring(tokens.get(first).begin(), tokens.get(last).end());
            out.add(new GeoMention(first, last, tokens.get(first).begin(), tokens.get(last).end(), name, q.chosen.country(), GeoKind.CITY, name));
        }
    }

    /**
     * A place CoreNLP calls LOCATION that the gazetteer does not know (a village, a neighbourhood, a river), in an
     * article whose places all lie in one country (at least two sub-national units of it and none elsewhere):
     * it is taken to lie in that country, with kind PLACE. It never adds a country the article did not have.
     */
    void unknownLocalPlaces(GeoContext ctx, AnalyzedText text, TextMask mask, List<GeoMention> out) {
        String home = null;
        double total = 0;
        for (Map.Entry<String, Double> e : ctx.local.entrySet()) {
            total += e.getValue();
            if (home == null || e.getValue() > ctx.local(home)) {
                home = e.getKey();
            }
        }
        if (home == null || ctx.local(home) < 0.9 * total) {
            return;
        }
        if (ctx.local(home) < 2) {
            // weaker local evidence (two distinct locale cues, or one cue and a town) is enough only in an article
            // that names no other country at all: a local paper's story about a village the gazetteer lacks
            if (ctx.local(home) < config.localPlaceMin()) {
                return;
            }
            for (GeoMention g : out) {
                if (!g.country().equals(home)) {
                    return;
                }
            }
            for (Map.Entry<String, Double> e : ctx.nat.entrySet()) {
                if (e.getValue() > 0 && !e.getKey().equals(home)) {
                    return;
                }
            }
        }
        Set<Integer> used = new HashSet<>();
        for (GeoMention g : out) {
            for (int i = g.firstToken(); i <= g.lastToken(); i++) {
                used.add(i);
            }
        }
        List<GeoMention> add = new ArrayList<>();
        for (EntityMention e : text.entities()) {
            if (!e.is(NerClass.LOCATION) || mask.covers(e.begin(), e.end())) {
                continue;
            }
            boolean free = true;
            for (int i = e.firstToken(); i <= e.lastToken() && free; i++) {
                free = !used.contains(i);
            }
            String t = e.text();
            if (!free || t.length() < 3 || !Character.isUpperCase(t.charAt(0)) || !gaz.lookup(t).isEmpty()
                    || GENERIC_LOCATIONS.contains(t)) {
                continue;
            }
            add.add(new GeoMention(e.firstToken(), e.lastToken(), e.begin(), e.end(), t, home, GeoKind.PLACE, t));
        }
        out.addAll(add);
    }
}
