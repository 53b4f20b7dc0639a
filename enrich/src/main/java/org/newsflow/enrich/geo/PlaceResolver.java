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
 * Step 4: each surviving match takes the reading its context supports: a qualified place ("Paris, Texas"), a state
 * abbreviation only where unambiguous, a country reading (unless the article makes it a US state or a town), a
 * curated region, a city by population and context, or a generated subdivision with CoreNLP's LOCATION.
 */
final class PlaceResolver {
    /** State abbreviations that are also words or titles: only after "City,". */
    private static final Set<String> AMBIGUOUS_ABBR = WordList.load("/gazetteer/ambiguous_abbreviations.txt");
    private static final Set<String> LOCATIVES = WordList.load("/gazetteer/locatives.txt");

    private final Gazetteer gaz;
    private final GeoConfig config;

    PlaceResolver(Gazetteer gaz, GeoConfig config) {
        this.gaz = gaz;
        this.config = config;
    }

    /** A match's readings by what they name. */
    private record Readings(List<Entry> names, List<Entry> regions, List<Entry> cities, List<Entry> abbrs) {
        static Readings of(List<Entry> entries) {
            Readings r = new Readings(new ArrayList<>(2), new ArrayList<>(2), new ArrayList<>(4), new ArrayList<>(1));
            for (Entry e : entries) {
                switch (e.kind()) {
                    case NAME, DEMONYM, INSTITUTION -> r.names.add(e);
                    case REGION -> r.regions.add(e);
                    case CITY -> r.cities.add(e);
                    case ABBR, POSTAL -> r.abbrs.add(e);
                    default -> { }
                }
            }
            return r;
        }

        boolean onlyAbbreviations() {
            return names.isEmpty() && regions.isEmpty() && cities.isEmpty();
        }
    }

    /** Chooses the match's reading, in the order of the steps below, or rejects it. */
    void resolve(PlaceMatch x, GeoContext ctx, List<Token> tokens, AnalyzedText text, String body) {
        Readings r = Readings.of(x.entries);
        boolean location = PlaceMatch.allNer(tokens, x, NerClass.LOCATION) || PlaceMatch.dateline(x, tokens);
        boolean properNoun = tokens.get(x.firstToken).isProperNoun() || location;
        if (qualifiedCity(x, r)) {
            return;
        }
        if (r.onlyAbbreviations()) {
            abbreviation(x, r.abbrs(), tokens);
            return;
        }
        if (!r.names().isEmpty()) {
            countryReading(x, r, ctx, text);
            return;
        }
        if (curatedRegion(x, r)) {
            return;
        }
        if (!r.cities().isEmpty() && resolveCity(x, ctx, tokens, text, body, r.cities(), r.regions(), location, properNoun)) {
            return;
        }
        if (location && generatedRegion(x, r.regions(), ctx, text)) {
            return;
        }
        x.rejected = true;
    }

    /** 1. A qualified place: "Paris, Texas", "London, Ontario", "Lyon, France". */
    private static boolean qualifiedCity(PlaceMatch x, Readings r) {
        if (x.qualifier == null || x.qualifier.rejected || (r.cities().isEmpty() && r.regions().isEmpty())) {
            return false;
        }
        for (Entry q : x.qualifier.entries) {
            for (Entry c : r.cities()) {
                if (c.country().equals(q.country())
                        && (q.admin1().isEmpty() || q.kind() == Kind.NAME || c.admins().contains(q.admin1()))) {
                    PlaceMatch.choose(x, c, c.capital() ? GeoKind.CAPITAL : GeoKind.CITY);
                    return true;
                }
            }
        }
        return false;
    }

    /** 2. Abbreviations stand alone only when long and unambiguous ("Calif.", "Tenn."); else only as qualifiers. */
    private static void abbreviation(PlaceMatch x, List<Entry> abbrs, List<Token> tokens) {
        Entry a = abbrs.isEmpty() ? null : abbrs.get(0);
        String dotted = x.surface.endsWith(".") ? x.surface : x.surface + ".";
        if (a != null && (x.afterComma || (a.kind() == Kind.ABBR && x.surface.indexOf('.') > 0
                && !AMBIGUOUS_ABBR.contains(dotted) && tokens.get(x.firstToken).isProperNoun()))) {
            PlaceMatch.choose(x, a, GeoKind.REGION);
        } else {
            x.rejected = true;
        }
    }

    /** 3. A country reading (name, demonym, institution), unless the article makes it a US state or a town. */
    private void countryReading(PlaceMatch x, Readings r, GeoContext ctx, AnalyzedText text) {
        Entry name = r.names().get(0);
        if (name.country().equals("TR") && name.kind() == Kind.NAME && looksLikeTheBird(x, text, ctx)) {
            x.rejected = true;
            return;
        }
        // the same name is also a US/Canadian state or a town: Georgia, Lebanon, Palestine, Jordan
        Entry local = localReading(x, r.regions(), r.cities(), ctx, name);
        if (local != null) {
            PlaceMatch.choose(x, local, local.kind() == Kind.CITY ? GeoKind.CITY : GeoKind.REGION);
            return;
        }
        GeoKind kind = name.kind() == Kind.INSTITUTION ? GeoKind.INSTITUTION : name.kind() == Kind.DEMONYM ? GeoKind.DEMONYM : GeoKind.NAME;
        PlaceMatch.choose(x, name, kind);
    }

    /** 4. A curated region (state, province, disputed territory): trusted; the big city of the same name wins. */
    private static boolean curatedRegion(PlaceMatch x, Readings rs) {
        for (Entry r : rs.regions()) {
            if (r.curated()) {
                Entry bigCity = null;
                for (Entry c : rs.cities()) {
                    if (c.country().equals(r.country()) && c.population() >= 500_000) {
                        bigCity = c;
                    }
                }
                if (bigCity != null) {
                    PlaceMatch.choose(x, bigCity, bigCity.capital() ? GeoKind.CAPITAL : GeoKind.CITY);
                } else {
                    PlaceMatch.choose(x, r, GeoKind.REGION);
                }
                return true;
            }
        }
        return false;
    }

    /** 6. Generated (ISO 3166-2) subdivisions need CoreNLP's LOCATION and must be unique or in context. */
    private boolean generatedRegion(PlaceMatch x, List<Entry> regions, GeoContext ctx, AnalyzedText text) {
        if (regions.isEmpty() || gaz.isCommonWord(x.surface, false) || insideLongerEntity(x, text)) {
            return false;
        }
        Entry best = null;
        for (Entry r : regions) {
            if (best == null || ctx.country(r.country()) > ctx.country(best.country())) {
                best = r;
            }
        }
        if (regions.size() == 1 || ctx.country(best.country()) > 0) {
            PlaceMatch.choose(x, best, GeoKind.REGION);
            return true;
        }
        return false;
    }

    /**
     * Step 5 of {@link #resolve}: the best-scoring city, accepted with CoreNLP's LOCATION, or by population, uniqueness
     * after a locative, or the article's support; rejected when namesakes tie or the name is a common word.
     *
     * @return whether the match is decided (chosen or rejected); false lets the next step try a region reading
     */
    private boolean resolveCity(PlaceMatch x, GeoContext ctx, List<Token> tokens, AnalyzedText text, String body,
            List<Entry> cities, List<Entry> regions, boolean location, boolean properNoun) {
        Entry best = null;
        double bestScore = -1;
        double second = -1;
        for (Entry c : cities) {
            double s = GeoContext.cityScore(c, x, ctx);
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                best = c;
            } else if (s > second) {
                second = s;
            }
        }
        // namesakes in two countries and nothing in the article to choose between them: say nothing
        if (bestScore - second < config.ambiguityMargin() && !GeoContext.supported(best, x, ctx)) {
            x.rejected = true;
            return true;
        }
        // a common word that is also a town somewhere ("March", "Street", "Police") is never a city on its own
        boolean backed = GeoContext.supported(best, x, ctx);
        if (gaz.isCommonWord(x.surface, location) || (insideLongerEntity(x, text) && !backed)) {
            x.rejected = true;
            return true;
        }
        boolean onlyCountry = cities.size() == 1 && regions.isEmpty();
        boolean accept = (location && !hasLowerCaseUse(x, body))
                || (properNoun && onlyCountry && best.population() >= config.uniqueTown() && afterLocative(x, tokens)
                    && !hasLowerCaseUse(x, body) && !personTagged(x, tokens))
                || (properNoun && (best.population() >= GeoConfig.MAJOR_CITY || best.capital()) && !personTagged(x, tokens))
                || (properNoun && backed && best.population() >= config.supportedTown() && !hasLowerCaseUse(x, body)
                    && !personTagged(x, tokens));
        if (accept) {
            PlaceMatch.choose(x, best, best.capital() ? GeoKind.CAPITAL : GeoKind.CITY);
            return true;
        }
        return false;
    }

    /**
     * When a country name is also a US state or a town, the local reading wins only if the article supports it:
     * for a state (Georgia), more US than foreign cues; for a town (Lebanon, Pa.), its state named in the article
     * and no other evidence for the country.
     */
    Entry localReading(PlaceMatch x, List<Entry> regions, List<Entry> cities, GeoContext ctx, Entry name) {
        String cc = name.country();
        double selfWeight = name.kind() == Kind.NAME ? 1.0 : 0.0;
        double otherEvidence = ctx.country(cc) - selfWeight * GeoContext.count(ctx, x);
        for (Entry r : regions) {
            if (!r.curated() || r.country().equals(cc)) {
                continue;
            }
            Map<String, String> cues = gaz.cues(x.surface);
            int forCountry = 0;
            int forLocal = 0;
            for (Map.Entry<String, String> cue : cues.entrySet()) {
                if (GeoContext.containsWord(ctx.body, cue.getKey())) {
                    if (cue.getValue().equals(cc)) {
                        forCountry++;
                    } else {
                        forLocal++;
                    }
                }
            }
            // US evidence other than this name: other states, US cities, the US itself
            int localStates = 0;
            for (String a : ctx.admins) {
                if (a.startsWith(r.country() + "-") && !a.equals(r.country() + "-" + r.admin1())) {
                    localStates++;
                }
            }
            double local = forLocal + localStates + (ctx.country(r.country()) > 0 ? 1 : 0) + (ctx.local(r.country()) >= 1 ? 1 : 0);
            double foreign = forCountry + (otherEvidence > 0.5 ? 1 : 0);
            if (local > foreign) {
                return r;
            }
        }
        if (otherEvidence <= 0.5) {
            for (Entry c : cities) {
                if (c.country().equals(cc)) {
                    continue;
                }
                for (String a : c.admins()) {
                    if (ctx.admins.contains(c.country() + "-" + a)) {
                        return c;
                    }
                }
                // the article's places are all in the town's country (Jordan, Minn. in a Minnesota paper)
                if (config.townRule() && ctx.local(c.country()) >= 2 && ctx.country(cc) - GeoContext.count(ctx, x) * selfWeight <= 0) {
                    return c;
                }
                if (x.qualifier != null) {
                    for (Entry q : x.qualifier.entries) {
                        if (q.country().equals(c.country()) && c.admins().contains(q.admin1())) {
                            return c;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** "Turkey" in a kitchen: a food cue in its sentence, or the article also says "turkey" in lower case. */
    boolean looksLikeTheBird(PlaceMatch x, AnalyzedText text, GeoContext ctx) {
        if (ctx.body.contains("Turkish") || ctx.body.contains("Ankara") || ctx.body.contains("Istanbul")) {
            return false;
        }
        if (GeoContext.containsWord(ctx.body, "turkey") || GeoContext.containsWord(ctx.body, "turkeys")) {
            return true;
        }
        for (Token t : text.sentences().get(x.sentence).tokens()) {
            if (t.index() >= x.firstToken && t.index() <= x.lastToken) {
                continue;
            }
            if (gaz.isFoodCue(t.text()) || gaz.isFoodCue(t.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The name also occurs in lower case ("mobile", "reading"): a common word, so it needs CoreNLP's LOCATION. */
    static boolean hasLowerCaseUse(PlaceMatch x, String body) {
        String lower = x.surface.toLowerCase(Locale.ROOT);
        return !lower.equals(x.surface) && GeoContext.containsWord(body, lower);
    }

    /** "in Pataskala", "near Ozark": a locative word right before the name. */
    static boolean afterLocative(PlaceMatch x, List<Token> tokens) {
        int prev = x.firstToken - 1;
        return prev >= 0 && tokens.get(prev).sentence() == tokens.get(x.firstToken).sentence()
                && LOCATIVES.contains(tokens.get(prev).text().toLowerCase(Locale.ROOT));
    }

    static boolean personTagged(PlaceMatch x, List<Token> tokens) {
        for (int i = x.firstToken; i <= x.lastToken; i++) {
            if (tokens.get(i).is(NerClass.PERSON)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A town name inside a longer CoreNLP LOCATION may be part of another place's name ("Main Street", "Kanawha City"):
     * kept only when the article supports its country. Inside an organisation it stays ("Gainesville Police").
     */
    static boolean insideLongerEntity(PlaceMatch x, AnalyzedText text) {
        for (EntityMention e : text.entities()) {
            if (e.firstToken() > x.lastToken) {
                break;
            }
            if (e.is(NerClass.LOCATION) && e.firstToken() <= x.firstToken && x.lastToken <= e.lastToken()
                    && (e.firstToken() < x.firstToken || e.lastToken() > x.lastToken)) {
                return true;
            }
        }
        return false;
    }
}
