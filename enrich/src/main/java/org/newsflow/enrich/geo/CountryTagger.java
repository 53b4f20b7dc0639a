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
 * Tags the countries an article concerns, from country names and variants, demonyms, capitals and cities, regions,
 * and country-specific institutions, each resolved with the article as context. The rules are documented in
 * docs/countries.md; in short:
 * <ol>
 *   <li>One longest-match walk of the gazetteer trie over the tokens (masked tokens and sentence ends stop a match).
 *       Media names and supranational bodies match too, and so consume their tokens without producing a country.</li>
 *   <li>CoreNLP's coarse NER vetoes and admits: a place inside a longer PERSON mention is part of a name
 *       ("Jordan Peterson"); a place name that is also a given name is rejected when CoreNLP calls it a PERSON; a
 *       city or foreign subdivision below 100,000 people needs CoreNLP's LOCATION (or an explicit "City, State").</li>
 *   <li>Article context resolves ambiguity: unambiguous evidence is counted first (countries, and the US states or
 *       Canadian provinces named), then each ambiguous name takes the reading the context supports ("Paris" is
 *       Paris, Texas when Texas is in the article, else France; "Georgia" is the country when it has cues such as
 *       Tbilisi or other non-US evidence, the US state when the article is about US places).</li>
 *   <li>Focus: countries whose weighted, lead-boosted score is at least half the top score.</li>
 * </ol>
 * Thread-safe: all state is per call.
 */
public final class CountryTagger {
    private final Gazetteer gaz;
    private final GazetteerMatcher matcher;
    private final NerVetoes vetoes;
    private final PlaceResolver resolver;
    private final InstitutionMatcher institutions;
    private final UnknownPlaces unknown;
    private final CountryFocus focus;
    private final GeoConfig config;

    public CountryTagger(Gazetteer gazetteer, GeoConfig config) {
        this.gaz = gazetteer;
        this.config = config;
        this.matcher = new GazetteerMatcher(gazetteer);
        this.vetoes = new NerVetoes(gazetteer);
        this.resolver = new PlaceResolver(gazetteer, config);
        this.institutions = new InstitutionMatcher(gazetteer);
        this.unknown = new UnknownPlaces(gazetteer, config);
        this.focus = new CountryFocus(gazetteer);
    }

    public Gazetteer gazetteer() {
        return gaz;
    }

    public GeoResult tag(AnalyzedText text, TextMask mask) {
        return tag(text, mask, null);
    }

    /**
     * As {@link #tag(AnalyzedText, TextMask)}, with the tokens of people found by another tagger (the people
     * tagger's "President Obama" when the CRF missed the PERSON): a city or town over such a token is a name,
     * not a place, unless strongly supported (see {@link NerVetoes#personVeto}).
     *
     * @param personTokens per article token, whether it is part of a person's name; null for none
     */
    public GeoResult tag(AnalyzedText text, TextMask mask, boolean[] personTokens) {
        return tag(text, mask, personTokens, Set.of());
    }

    /**
     * As {@link #tag(AnalyzedText, TextMask, boolean[])}, knowing the countries the headline names
     * ({@link #headlineCountries}): they weigh in the focus score, since a headline says what the article is about.
     */
    public GeoResult tag(AnalyzedText text, TextMask mask, boolean[] personTokens, Set<String> headline) {
        List<Token> tokens = text.tokens();
        String body = text.body();
        TextMask m = mask == null ? TextMask.none() : mask;
        List<Piece> pieces = GazetteerMatcher.pieces(tokens, m);
        List<PlaceMatch> counties = GazetteerMatcher.counties(pieces);
        List<PlaceMatch> matches = matcher.match(pieces, counties, body);
        vetoes.vetoAll(matches, text, personTokens);
        GeoContext ctx = GeoContext.context(matches, body, config);
        ctx.localeCues(gaz);
        ctx.addCounties(counties);
        List<GeoMention> out = resolveAll(matches, pieces, ctx, text);
        unknown.unknownPlacesBeforeState(matches, pieces, tokens, body, out);
        unknown.unknownLocalPlaces(ctx, text, m, out);
        out.sort(Comparator.comparingInt(GeoMention::begin));
        return focus.build(out, text, headline);
    }

    /** Resolves each match that survived the vetoes, extends demonyms to institutions, and makes the mentions. */
    private List<GeoMention> resolveAll(List<PlaceMatch> matches, List<Piece> pieces, GeoContext ctx, AnalyzedText text) {
        String body = text.body();
        List<GeoMention> out = new ArrayList<>();
        for (PlaceMatch x : matches) {
            if (!x.rejected && !x.county) {
                resolver.resolve(x, ctx, text.tokens(), text, body);
            }
            if (!x.rejected && x.chosen != null) {
                institutions.institution(x, pieces, matches);
                int lastTok = x.instEnd >= 0 ? pieces.get(x.instEnd).token() : x.lastToken;
                int end = x.instEnd >= 0 ? pieces.get(x.instEnd).end() : x.end;
                GeoKind kind = x.instEnd >= 0 ? GeoKind.INSTITUTION : x.kind;
                String place = kind.isPlace() ? x.chosen.place() : null;
                out.add(new GeoMention(x.firstToken, lastTok, x.begin, end, body.substring(x.begin, end), x.chosen.country(), kind, place));
            }
        }
        return out;
    }

    /**
     * Countries a headline names by name, demonym or institution ("French farmers block roads"). Places in headlines
     * are left out: they are often only the venue ("ahead of Washington talks").
     */
    public Set<String> headlineCountries(AnalyzedText headline) {
        Set<String> codes = new HashSet<>();
        for (GeoMention g : tag(headline, TextMask.none()).mentions()) {
            if (g.geoKind().namesCountry()) {
                codes.add(g.country());
            }
        }
        return codes;
    }
}
