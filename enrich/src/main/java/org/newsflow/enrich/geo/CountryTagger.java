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
    /** Cities at least this populous are accepted without CoreNLP calling them LOCATION. */
    static final long MAJOR_CITY = 100_000;
    /** A town name found in only one country is accepted without LOCATION from this population on. */
    static final long UNIQUE_TOWN = Long.getLong("newsflow.geo.uniqueTown", 10_000);
    static final boolean TOWN_RULE = Boolean.parseBoolean(System.getProperty("newsflow.geo.townRule", "true"));
    /** Towns at least this populous are accepted without LOCATION when the article already concerns their country. */
    static final long SUPPORTED_TOWN = Long.getLong("newsflow.geo.supportedTown", 5_000);
    /** State abbreviations that are also words or titles: only after "City,". */
    private static final Set<String> AMBIGUOUS_ABBR = WordList.load("/gazetteer/ambiguous_abbreviations.txt");

    private final Gazetteer gaz;

    public CountryTagger(Gazetteer gazetteer) {
        this.gaz = gazetteer;
    }

    public Gazetteer gazetteer() {
        return gaz;
    }

    /** A normalised piece of a token (tokens split on hyphens, slashes and commas, as the trie keys are). */
    private record Piece(String text, String alt, int token, int begin, int end, int sentence) {}

    /** A trie match over pieces [from, to]. */
    private static final class Match {
        final int from;
        final int to;
        final List<Entry> entries;
        int firstToken;
        int lastToken;
        int begin;
        int end;
        int sentence;
        String surface;
        /** the resolution */
        Entry chosen;
        String kind;
        boolean rejected;
        /** a following ", State" or ", Country" that pins this place */
        Match qualifier;
        int instEnd = -1;
        /** preceded by a comma and a capitalised word: "Kelleyland, La." */
        boolean afterComma;
        /** "Licking County", "Rapides Parish": a county-level unit found by its pattern */
        boolean county;
        /** "County Cork" */
        boolean irishCounty;

        Match(int from, int to, List<Entry> entries) {
            this.from = from;
            this.to = to;
            this.entries = entries;
        }

        boolean has(Kind k) {
            for (Entry e : entries) {
                if (e.kind() == k) {
                    return true;
                }
            }
            return false;
        }
    }

    public GeoResult tag(AnalyzedText text, TextMask mask) {
        return tag(text, mask, null);
    }

    /**
     * As {@link #tag(AnalyzedText, TextMask)}, with the tokens of people found by another tagger (the people
     * tagger's "President Obama" when the CRF missed the PERSON): a city or town over such a token is a name,
     * not a place, unless strongly supported (see {@link #personVeto}).
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
        List<Piece> pieces = pieces(tokens, m);
        List<Match> matches = match(pieces);
        List<Match> counties = counties(pieces);
        if (!counties.isEmpty()) {
            matches.removeIf(x -> counties.stream().anyMatch(c -> x.from <= c.to && c.from <= x.to));
            matches.addAll(counties);
            matches.sort(Comparator.comparingInt(x -> x.from));
        }
        for (Match x : matches) {
            Piece a = pieces.get(x.from);
            Piece b = pieces.get(x.to);
            x.firstToken = a.token();
            x.lastToken = b.token();
            x.begin = a.begin();
            x.end = b.end();
            x.sentence = a.sentence();
            x.surface = body.substring(x.begin, x.end);
        }
        // NER: the PERSON mention covering each token
        EntityMention[] entityOf = new EntityMention[tokens.size()];
        for (EntityMention e : text.entities()) {
            for (int i = e.firstToken(); i <= e.lastToken(); i++) {
                entityOf[i] = e;
            }
        }
        linkQualifiers(matches, pieces);
        for (Match x : matches) {
            veto(x, tokens, entityOf, personTokens);
        }
        Context ctx = context(matches, body);
        localeCues(ctx);
        for (Match c : counties) {
            String cc = countyCountry(ctx, c.irishCounty);
            c.chosen = new Entry(Kind.REGION, cc, c.surface, "", 0, false, true, Set.of());
            c.kind = "REGION";
        }
        for (Match c : counties) {
            ctx.add(c.chosen.country(), 0.5);
            ctx.addLocal(c.chosen.country(), 1.0);
        }
        List<GeoMention> out = new ArrayList<>();
        for (Match x : matches) {
            if (!x.rejected && !x.county) {
                resolve(x, ctx, tokens, text, body);
            }
            if (!x.rejected && x.chosen != null) {
                institution(x, pieces, matches);
                int lastTok = x.instEnd >= 0 ? pieces.get(x.instEnd).token() : x.lastToken;
                int end = x.instEnd >= 0 ? pieces.get(x.instEnd).end() : x.end;
                String kind = x.instEnd >= 0 ? "INSTITUTION" : x.kind;
                String place = kind.equals("CITY") || kind.equals("CAPITAL") || kind.equals("REGION") ? x.chosen.place() : null;
                out.add(new GeoMention(x.firstToken, lastTok, x.begin, end, body.substring(x.begin, end), x.chosen.country(), kind, place));
            }
        }
        unknownPlacesBeforeState(matches, pieces, tokens, body, out);
        unknownLocalPlaces(ctx, text, mask == null ? TextMask.none() : mask, out);
        out.sort(Comparator.comparingInt(GeoMention::begin));
        return build(out, text, headline);
    }

    /**
     * Countries a headline names by name, demonym or institution ("French farmers block roads"). Places in headlines
     * are left out: they are often only the venue ("ahead of Washington talks").
     */
    public Set<String> headlineCountries(AnalyzedText headline) {
        Set<String> codes = new HashSet<>();
        for (GeoMention g : tag(headline, TextMask.none()).mentions()) {
            if (HEADLINE_KINDS.contains(g.kind())) {
                codes.add(g.country());
            }
        }
        return codes;
    }

    // ------------------------------------------------------------------ matching

    private static List<Piece> pieces(List<Token> tokens, TextMask mask) {
        List<Piece> out = new ArrayList<>(tokens.size() + 16);
        List<String> buf = new ArrayList<>(4);
        for (Token t : tokens) {
            if (mask.covers(t.begin(), t.end())) {
                out.add(new Piece("\u0000", null, t.index(), t.begin(), t.end(), -1));
                continue;
            }
            buf.clear();
            Gazetteer.splitPieces(Gazetteer.normalize(t.text()), buf);
            int off = t.begin();
            for (String p : buf) {
                String alt = null;
                if (p.length() > 3 && isAllCaps(p)) {
                    alt = p.charAt(0) + p.substring(1).toLowerCase(Locale.ROOT);
                }
                // offsets of a piece: exact when the token's text is its body text, else the whole token
                int b = t.begin();
                int e = t.end();
                if (t.end() - t.begin() == t.text().length() && buf.size() > 1) {
                    int idx = Gazetteer.normalize(t.text()).indexOf(p, off - t.begin());
                    if (idx >= 0) {
                        b = t.begin() + idx;
                        e = b + p.length();
                        off = e;
                    }
                }
                out.add(new Piece(p, alt, t.index(), b, e, t.sentence()));
            }
        }
        return out;
    }

    private static boolean isAllCaps(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private List<Match> match(List<Piece> pieces) {
        List<Match> out = new ArrayList<>();
        Node root = gaz.root();
        int n = pieces.size();
        int i = 0;
        while (i < n) {
            Piece start = pieces.get(i);
            if (start.sentence() < 0) {
                i++;
                continue;
            }
            Node node = root;
            int bestEnd = -1;
            List<Entry> best = null;
            for (int j = i; j < n; j++) {
                Piece p = pieces.get(j);
                if (p.sentence() != start.sentence()) {
                    break;
                }
                Node next = null;
                if (j == i && j > 0 && sentenceFinalDot(pieces, j) && pieces.get(j - 1).text().equals(",")) {
                    // "..., Friedensburg, Pa." at the end of a sentence: the tokenizer splits off the abbreviation's dot
                    next = node.child(p.text() + ".");
                }
                if (next == null) {
                    next = node.child(p.text());
                }
                if (next == null && p.alt() != null) {
                    next = node.child(p.alt());
                }
                if (next == null) {
                    break;
                }
                node = next;
                if (!node.entries().isEmpty() && !onlyHead(node.entries())) {
                    bestEnd = j;
                    best = node.entries();
                }
            }
            // a match must end at a token boundary ("Moscow-sponsored" matches Moscow; "U.S.-based" is a demonym)
            if (best != null) {
                out.add(new Match(i, bestEnd, best));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The piece is followed by a "." that ends its sentence (the last piece of the sentence). */
    private static boolean sentenceFinalDot(List<Piece> pieces, int j) {
        int d = j + 1;
        if (d >= pieces.size() || !pieces.get(d).text().equals(".") || pieces.get(d).sentence() != pieces.get(j).sentence()
                || pieces.get(j).text().endsWith(".")) {
            return false;
        }
        return d + 1 >= pieces.size() || pieces.get(d + 1).sentence() != pieces.get(d).sentence();
    }

    private static final Set<String> COUNTY_WORDS = WordList.load("/gazetteer/county_words.txt");
    /** The 32 traditional counties of Ireland (a closed list): "County Cork" yes, "County Road 3" no. */
    private static final Set<String> IRISH_COUNTIES = WordList.load("/gazetteer/irish_counties.txt");

    /** "Licking County", "Prince William County", "Rapides Parish", "County Cork": 1-3 capitalised words and the unit. */
    private static List<Match> counties(List<Piece> pieces) {
        List<Match> out = new ArrayList<>();
        for (int j = 1; j < pieces.size(); j++) {
            Piece unit = pieces.get(j);
            String u = unit.alt() != null ? unit.alt() : unit.text();
            if (!COUNTY_WORDS.contains(u) || unit.sentence() < 0) {
                continue;
            }
            int i = j;
            while (i - 1 >= 0 && i > j - 3 && pieces.get(i - 1).sentence() == unit.sentence() && capitalisedWord(pieces.get(i - 1).text())) {
                i--;
            }
            if (i < j) {
                out.add(countyMatch(pieces, i, j));
            } else if (u.equals("County") && j + 1 < pieces.size() && pieces.get(j + 1).sentence() == unit.sentence()
                    && IRISH_COUNTIES.contains(pieces.get(j + 1).text())) {
                Match m = countyMatch(pieces, j, j + 1);
                m.irishCounty = true;
                out.add(m);
                j++;
            }
        }
        return out;
    }

    private static boolean capitalisedWord(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLetter(s.charAt(s.length() - 1))
                && !s.equals("The") && !COUNTY_WORDS.contains(s);
    }

    private static Match countyMatch(List<Piece> pieces, int i, int j) {
        Match m = new Match(i, j, List.of());
        m.county = true;
        return m;
    }

    private static String countyCountry(Context ctx, boolean irishStyle) {
        // "County Cork" is Irish usage; "Licking County", "Rapides Parish" American (Canada's Ontario counties too)
        if (irishStyle) {
            return ctx.country("GB") > ctx.country("IE") ? "GB" : "IE";
        }
        if (ctx.country("US") == 0 && ctx.nat.getOrDefault("CA", 0.0) + ctx.local("CA") > 0) {
            return "CA";
        }
        return "US";
    }

    private static boolean onlyHead(List<Entry> es) {
        for (Entry e : es) {
            if (e.kind() != Kind.HEAD) {
                return false;
            }
        }
        return true;
    }

    /** "Paris, Texas", "Dublin, Ohio", "Kelleyland, La.", "Lyon, France": a place followed by comma and its state or country. */
    private static void linkQualifiers(List<Match> matches, List<Piece> pieces) {
        for (Match x : matches) {
            if (x.from >= 2 && (pieces.get(x.from - 1).text().equals(",") || pieces.get(x.from - 1).text().equals("-"))) {
                String prev = pieces.get(x.from - 2).text();
                // "Charleston, W.Va." and the party-state tag "(D-Pa.)"
                x.afterComma = !prev.isEmpty() && Character.isUpperCase(prev.charAt(0))
                        && (pieces.get(x.from - 1).text().equals(",") || prev.equals("D") || prev.equals("R") || prev.equals("I"));
            }
        }
        for (int k = 0; k + 1 < matches.size(); k++) {
            Match a = matches.get(k);
            Match b = matches.get(k + 1);
            if (b.from == a.to + 2 && pieces.get(a.to + 1).text().equals(",")
                    && (b.has(Kind.ABBR) || b.has(Kind.POSTAL) || b.has(Kind.REGION) || b.has(Kind.NAME))) {
                a.qualifier = b;
            }
        }
    }

    // ------------------------------------------------------------------ vetoes

    private void veto(Match x, List<Token> tokens, EntityMention[] entityOf, boolean[] personTokens) {
        if (x.county) {
            return;
        }
        if (x.has(Kind.BLOCK) || x.has(Kind.ORG)) {
            x.rejected = true;
            return;
        }
        Token first = tokens.get(x.firstToken);
        if (!Character.isUpperCase(x.surface.charAt(0)) && !x.surface.startsWith("the ")) {
            x.rejected = true;
            return;
        }
        // a place inside a person's name ("Jordan Peterson", "Paris Hilton", "George Washington")
        EntityMention pe = entityOf[x.firstToken];
        EntityMention pl = entityOf[x.lastToken];
        if ((pe != null && pe.type().equals("PERSON")) || (pl != null && pl.type().equals("PERSON"))) {
            EntityMention p = pe != null && pe.type().equals("PERSON") ? pe : pl;
            boolean longer = p.firstToken() < x.firstToken || p.lastToken() > x.lastToken;
            if (longer || gaz.isPersonLike(x.surface) || personVeto(x, tokens)) {
                x.rejected = true;
                return;
            }
        }
        if (personTokens != null && personVeto(x, tokens)) {
            for (int i = x.firstToken; i <= x.lastToken && i < personTokens.length; i++) {
                if (personTokens[i]) {
                    x.rejected = true;
                    return;
                }
            }
        }
        // a common word that is also some town ("March", "Police") neither resolves nor counts as context
        if (onlyPlaces(x) && gaz.isCommonWord(x.surface, allNer(tokens, x, "LOCATION"))) {
            x.rejected = true;
            return;
        }
        // "US" in an all-capitals line is the pronoun
        if (x.surface.equals("US") || x.surface.equals("IN")) {
            boolean capsLine = neighbourAllCaps(tokens, x.firstToken - 1, first.sentence())
                    || neighbourAllCaps(tokens, x.lastToken + 1, first.sentence());
            if (capsLine) {
                x.rejected = true;
            }
        }
    }

    /**
     * Whether a match over a person's name ("President Obama", "Bush said") is to be dropped: it can only be a
     * city or town ("Obama" in Japan, "Bush" in Egypt), and nothing strongly supports the place reading: no
     * ", State" / ", Country" after it, and no namesake that is a national capital or a city of a million people
     * (CoreNLP now and then calls "Baku" or "Moscow" a PERSON). Country names, demonyms and regions are kept here
     * (the PERSONLIKE list decides those). "in Obama", "near Bush" (a place preposition right before) and an
     * all-capitals dateline also keep the place.
     */
    private static boolean personVeto(Match x, List<Token> tokens) {
        if (x.qualifier != null || x.afterComma || dateline(x, tokens)) {
            return false;
        }
        int prev = x.firstToken - 1;
        if (prev >= 0 && tokens.get(prev).sentence() == tokens.get(x.firstToken).sentence()
                && PLACE_PREPOSITIONS.contains(tokens.get(prev).text().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (Entry e : x.entries) {
            if (e.kind() != Kind.CITY) {
                return false;
            }
            if (e.capital() || e.population() >= 1_000_000) {
                return false;
            }
        }
        return !x.entries.isEmpty();
    }

    private static boolean onlyPlaces(Match x) {
        for (Entry e : x.entries) {
            if (!(e.kind() == Kind.CITY || (e.kind() == Kind.REGION && !e.curated()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean neighbourAllCaps(List<Token> tokens, int i, int sentence) {
        if (i < 0 || i >= tokens.size() || tokens.get(i).sentence() != sentence) {
            return false;
        }
        String t = tokens.get(i).text();
        return t.length() > 1 && isAllCaps(t) && t.chars().allMatch(Character::isLetter);
    }

    // ------------------------------------------------------------------ context

    private static final class Context {
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

        Context(String body) {
            this.body = body;
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
    }

    /** First pass: what the unambiguous evidence says the article is about. */
    private Context context(List<Match> matches, String body) {
        Context ctx = new Context(body);
        for (Match x : matches) {
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
    private void localeCues(Context ctx) {
        Map<String, Double> add = new HashMap<>();
        String norm = ctx.body;
        for (Map.Entry<String, String> cue : gaz.localeCues().entrySet()) {
            if (cue.getKey().length() == 1 ? norm.indexOf(cue.getKey()) >= 0 : containsWord(norm, cue.getKey())) {
                add.merge(cue.getValue(), 0.5, Double::sum);
            }
        }
        add.forEach((cc, w) -> ctx.addLocal(cc, Math.min(w, 1.5)));
    }

    // ------------------------------------------------------------------ resolution

    private void resolve(Match x, Context ctx, List<Token> tokens, AnalyzedText text, String body) {
        List<Entry> names = new ArrayList<>(2);
        List<Entry> regions = new ArrayList<>(2);
        List<Entry> cities = new ArrayList<>(4);
        List<Entry> abbrs = new ArrayList<>(1);
        for (Entry e : x.entries) {
            switch (e.kind()) {
                case NAME, DEMONYM, INSTITUTION -> names.add(e);
                case REGION -> regions.add(e);
                case CITY -> cities.add(e);
                case ABBR, POSTAL -> abbrs.add(e);
                default -> { }
            }
        }
        boolean location = allNer(tokens, x, "LOCATION") || dateline(x, tokens);
        boolean properNoun = tokens.get(x.firstToken).isProperNoun() || location;

        // 1. a qualified place: "Paris, Texas", "London, Ontario", "Lyon, France"
        if (x.qualifier != null && !x.qualifier.rejected && (!cities.isEmpty() || !regions.isEmpty())) {
            for (Entry q : x.qualifier.entries) {
                for (Entry c : cities) {
                    if (c.country().equals(q.country())
                            && (q.admin1().isEmpty() || q.kind() == Kind.NAME || c.admins().contains(q.admin1()))) {
                        choose(x, c, c.capital() ? "CAPITAL" : "CITY");
                        return;
                    }
                }
            }
        }
        // 2. abbreviations stand alone only when long and unambiguous ("Calif.", "Tenn."); else only as qualifiers
        if (names.isEmpty() && regions.isEmpty() && cities.isEmpty()) {
            Entry a = abbrs.isEmpty() ? null : abbrs.get(0);
            String dotted = x.surface.endsWith(".") ? x.surface : x.surface + ".";
            if (a != null && (x.afterComma || (a.kind() == Kind.ABBR && x.surface.indexOf('.') > 0
                    && !AMBIGUOUS_ABBR.contains(dotted) && tokens.get(x.firstToken).isProperNoun()))) {
                choose(x, a, "REGION");
            } else {
                x.rejected = true;
            }
            return;
        }
        // 3. a country reading (name, demonym, institution)
        if (!names.isEmpty()) {
            Entry name = names.get(0);
            if (name.country().equals("TR") && name.kind() == Kind.NAME && looksLikeTheBird(x, text, ctx)) {
                x.rejected = true;
                return;
            }
            // the same name is also a US/Canadian state or a town: Georgia, Lebanon, Palestine, Jordan
            Entry local = localReading(x, regions, cities, ctx, name);
            if (local != null) {
                choose(x, local, local.kind() == Kind.CITY ? "CITY" : "REGION");
                return;
            }
            String kind = name.kind() == Kind.INSTITUTION ? "INSTITUTION" : name.kind() == Kind.DEMONYM ? "DEMONYM" : "NAME";
            choose(x, name, kind);
            return;
        }
        // 4. a curated region (state, province, disputed territory): trusted; the big city of the same name wins
        for (Entry r : regions) {
            if (r.curated()) {
                Entry bigCity = null;
                for (Entry c : cities) {
                    if (c.country().equals(r.country()) && c.population() >= 500_000) {
                        bigCity = c;
                    }
                }
                if (bigCity != null) {
                    choose(x, bigCity, bigCity.capital() ? "CAPITAL" : "CITY");
                } else {
                    choose(x, r, "REGION");
                }
                return;
            }
        }
        // 5. cities, by population and context
        if (!cities.isEmpty()) {
            Entry best = null;
            double bestScore = -1;
            double second = -1;
            for (Entry c : cities) {
                double s = cityScore(c, x, ctx);
                if (s > bestScore) {
                    second = bestScore;
                    bestScore = s;
                    best = c;
                } else if (s > second) {
                    second = s;
                }
            }
            // namesakes in two countries and nothing in the article to choose between them: say nothing
            if (bestScore - second < AMBIGUITY_MARGIN && !supported(best, x, ctx)) {
                x.rejected = true;
                return;
            }
            // a common word that is also a town somewhere ("March", "Street", "Police") is never a city on its own
            boolean backed = supported(best, x, ctx);
            if (gaz.isCommonWord(x.surface, location) || (insideLongerEntity(x, text) && !backed)) {
                x.rejected = true;
                return;
            }
            boolean onlyCountry = cities.size() == 1 && regions.isEmpty();
            boolean accept = (location && !hasLowerCaseUse(x, body))
                    || (properNoun && onlyCountry && best.population() >= UNIQUE_TOWN && afterLocative(x, tokens)
                        && !hasLowerCaseUse(x, body) && !personTagged(x, tokens))
                    || (properNoun && (best.population() >= MAJOR_CITY || best.capital()) && !personTagged(x, tokens))
                    || (properNoun && backed && best.population() >= SUPPORTED_TOWN && !hasLowerCaseUse(x, body)
                        && !personTagged(x, tokens));
            if (accept) {
                choose(x, best, best.capital() ? "CAPITAL" : "CITY");
                return;
            }
        }
        // 6. generated (ISO 3166-2) subdivisions need CoreNLP's LOCATION and must be unique or in context
        if (location && !regions.isEmpty() && !gaz.isCommonWord(x.surface, false) && !insideLongerEntity(x, text)) {
            Entry best = null;
            for (Entry r : regions) {
                if (best == null || ctx.country(r.country()) > ctx.country(best.country())) {
                    best = r;
                }
            }
            if (regions.size() == 1 || ctx.country(best.country()) > 0) {
                choose(x, best, "REGION");
                return;
            }
        }
        x.rejected = true;
    }

    /** Minimum score lead of a city over a namesake in another country, unless the article names its state or country. */
    static final double AMBIGUITY_MARGIN = Double.parseDouble(System.getProperty("newsflow.geo.margin", "0.0"));
    static final double LOCAL_WEIGHT = Double.parseDouble(System.getProperty("newsflow.geo.localWeight", "2.0"));

    private static boolean supported(Entry c, Match x, Context ctx) {
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

    private static double localFromOthers(Entry c, Match x, Context ctx) {
        return ctx.local(c.country()) - ctx.selfLocal.getOrDefault(x.surface + "|" + c.country(), 0.0);
    }

    /** Weight of each other place of the article that has a namesake in the same state/province as this town. */
    static final double ADMIN_WEIGHT = Double.parseDouble(System.getProperty("newsflow.geo.adminWeight", "0.75"));

    /**
     * Admin1 consistency: how many other place names of the article have a town in one of this town's
     * states/provinces ("Athens" and "Decatur" both have namesakes in Alabama and Georgia), weighted and capped at
     * 1.5. Symmetric: the foreign reading gets the same support from its own neighbours.
     */
    private static double adminSupport(Entry c, String surface, Context ctx) {
        if (ADMIN_WEIGHT <= 0 || c.admins().isEmpty()) {
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
        return Math.min(ADMIN_WEIGHT * others.size(), 1.5);
    }

    private static double cityScore(Entry c, Match x, Context ctx) {
        double s = Math.log10(Math.max(c.population(), 1)) + adminSupport(c, x.surface, ctx);
        // the article's own evidence for the country, saturating: a local paper's many US places outweigh
        // the population of a foreign namesake (Dublin, Ohio vs Dublin, Ireland)
        s += Math.min(ctx.nat.getOrDefault(c.country(), 0.0), 2.5);
        s += LOCAL_WEIGHT * Math.min(ctx.local(c.country()), 2.0);
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

    /**
     * When a country name is also a US state or a town, the local reading wins only if the article supports it:
     * for a state (Georgia), more US than foreign cues; for a town (Lebanon, Pa.), its state named in the article
     * and no other evidence for the country.
     */
    private Entry localReading(Match x, List<Entry> regions, List<Entry> cities, Context ctx, Entry name) {
        String cc = name.country();
        double selfWeight = name.kind() == Kind.NAME ? 1.0 : 0.0;
        double otherEvidence = ctx.country(cc) - selfWeight * count(ctx, x);
        for (Entry r : regions) {
            if (!r.curated() || r.country().equals(cc)) {
                continue;
            }
            Map<String, String> cues = gaz.cues(x.surface);
            int forCountry = 0;
            int forLocal = 0;
            for (Map.Entry<String, String> cue : cues.entrySet()) {
                if (containsWord(ctx.body, cue.getKey())) {
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
                if (TOWN_RULE && ctx.local(c.country()) >= 2 && ctx.country(cc) - count(ctx, x) * selfWeight <= 0) {
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

    /** How many times this match's surface contributed to the context (its own occurrences). */
    private static double count(Context ctx, Match x) {
        int n = 0;
        int from = 0;
        while ((from = ctx.body.indexOf(x.surface, from)) >= 0) {
            n++;
            from += x.surface.length();
        }
        return n;
    }

    /** "Turkey" in a kitchen: a food cue in its sentence, or the article also says "turkey" in lower case. */
    private boolean looksLikeTheBird(Match x, AnalyzedText text, Context ctx) {
        if (ctx.body.contains("Turkish") || ctx.body.contains("Ankara") || ctx.body.contains("Istanbul")) {
            return false;
        }
        if (containsWord(ctx.body, "turkey") || containsWord(ctx.body, "turkeys")) {
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
    private static boolean hasLowerCaseUse(Match x, String body) {
        String lower = x.surface.toLowerCase(Locale.ROOT);
        return !lower.equals(x.surface) && containsWord(body, lower);
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

    /** "MANSFIELD — The council voted...": an all-capitals place name before a dash opens a news story. */
    private static boolean dateline(Match x, List<Token> tokens) {
        int next = x.lastToken + 1;
        if (next >= tokens.size() || !isAllCaps(x.surface)) {
            return false;
        }
        String t = tokens.get(next).text();
        return t.equals("--") || t.equals("-") || t.equals("\u2014") || t.equals("\u2013") || t.equals("---");
    }

    /** prepositions that a person's name does not follow: "in Obama", "near Bush" are places */
    private static final Set<String> PLACE_PREPOSITIONS = WordList.load("/gazetteer/place_prepositions.txt");
    private static final Set<String> LOCATIVES = WordList.load("/gazetteer/locatives.txt");

    /** "in Pataskala", "near Ozark": a locative word right before the name. */
    private static boolean afterLocative(Match x, List<Token> tokens) {
        int prev = x.firstToken - 1;
        return prev >= 0 && tokens.get(prev).sentence() == tokens.get(x.firstToken).sentence()
                && LOCATIVES.contains(tokens.get(prev).text().toLowerCase(Locale.ROOT));
    }

    private static boolean personTagged(Match x, List<Token> tokens) {
        for (int i = x.firstToken; i <= x.lastToken; i++) {
            if (tokens.get(i).ner().equals("PERSON")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A town name inside a longer CoreNLP LOCATION may be part of another place's name ("Main Street", "Kanawha City"):
     * kept only when the article supports its country. Inside an organisation it stays ("Gainesville Police").
     */
    private static boolean insideLongerEntity(Match x, AnalyzedText text) {
        for (EntityMention e : text.entities()) {
            if (e.firstToken() > x.lastToken) {
                break;
            }
            if (e.type().equals("LOCATION") && e.firstToken() <= x.firstToken && x.lastToken <= e.lastToken()
                    && (e.firstToken() < x.firstToken || e.lastToken() > x.lastToken)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allNer(List<Token> tokens, Match x, String ner) {
        for (int i = x.firstToken; i <= x.lastToken; i++) {
            if (!tokens.get(i).ner().equals(ner)) {
                return false;
            }
        }
        return true;
    }

    private static void choose(Match x, Entry e, String kind) {
        x.chosen = e;
        x.kind = kind;
    }

    /** "Armenian Defense Ministry", "the Azerbaijani armed forces", "Russian Foreign Ministry": a demonym heading a body. */
    private void institution(Match x, List<Piece> pieces, List<Match> matches) {
        if (!"DEMONYM".equals(x.kind)) {
            return;
        }
        int sentence = pieces.get(x.from).sentence();
        for (int start = x.to + 1; start <= x.to + 3 && start < pieces.size(); start++) {
            // intermediate words must be capitalised ("Armenian Defense Ministry") and not another place
            if (start > x.to + 1) {
                Piece mid = pieces.get(start - 1);
                if (mid.text().isEmpty() || !Character.isUpperCase(mid.text().charAt(0)) || mid.sentence() != sentence) {
                    return;
                }
            }
            Node node = gaz.root();
            int headEnd = -1;
            for (int j = start; j < pieces.size() && pieces.get(j).sentence() == sentence; j++) {
                node = node.child(pieces.get(j).text());
                if (node == null) {
                    break;
                }
                for (Entry e : node.entries()) {
                    if (e.kind() == Kind.HEAD) {
                        headEnd = j;
                    }
                }
            }
            if (headEnd >= 0) {
                // do not swallow another resolved place
                for (Match o : matches) {
                    if (o != x && o.from > x.to && o.from <= headEnd && !o.rejected && o.chosen != null) {
                        return;
                    }
                }
                x.instEnd = headEnd;
                return;
            }
        }
    }

    /** "Kelleyland, La.": a LOCATION that the gazetteer does not know, pinned by the state or country after it. */
    private void unknownPlacesBeforeState(List<Match> matches, List<Piece> pieces, List<Token> tokens, String body, List<GeoMention> out) {
        Set<Integer> used = new HashSet<>();
        for (GeoMention g : out) {
            for (int i = g.firstToken(); i <= g.lastToken(); i++) {
                used.add(i);
            }
        }
        for (Match q : matches) {
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
            while (first >= 0 && tokens.get(first).ner().equals("LOCATION") && tokens.get(first).sentence() == tokens.get(last).sentence()
                    && !used.contains(first) && first > last - 3) {
                first--;
            }
            first++;
            if (first > last || !tokens.get(first).isCapitalised()) {
                continue;
            }
            String name = body.substring(tokens.get(first).begin(), tokens.get(last).end());
            out.add(new GeoMention(first, last, tokens.get(first).begin(), tokens.get(last).end(), name, q.chosen.country(), "CITY", name));
        }
    }

    /**
     * A place CoreNLP calls LOCATION that the gazetteer does not know (a village, a neighbourhood, a river), in an
     * article whose places all lie in one country (at least two sub-national units of it and none elsewhere):
     * it is taken to lie in that country, with kind PLACE. It never adds a country the article did not have.
     */
    private void unknownLocalPlaces(Context ctx, AnalyzedText text, TextMask mask, List<GeoMention> out) {
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
            if (ctx.local(home) < LOCAL_PLACE_MIN) {
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
            if (!e.type().equals("LOCATION") || mask.covers(e.begin(), e.end())) {
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
            add.add(new GeoMention(e.firstToken(), e.lastToken(), e.begin(), e.end(), t, home, "PLACE", t));
        }
        out.addAll(add);
    }

    /** Local evidence (see {@link #unknownLocalPlaces}) needed for a PLACE in an article naming no other country. */
    static final double LOCAL_PLACE_MIN = Double.parseDouble(System.getProperty("newsflow.geo.localPlaceMin", "1.0"));

    private static final Set<String> GENERIC_LOCATIONS = WordList.load("/gazetteer/generic_locations.txt");

    // ------------------------------------------------------------------ output

    private static final Map<String, Double> WEIGHT = Map.of(
            "NAME", 1.0, "DEMONYM", 0.7, "INSTITUTION", 1.0, "CAPITAL", 0.8, "CITY", 0.5, "REGION", 0.6);

    private static final Set<String> HEADLINE_KINDS = Set.of("NAME", "DEMONYM", "INSTITUTION");
    /** A country the headline names scores like two name mentions in the lead. */
    private static final double HEADLINE_BONUS = 2.0;
    /** With a headline naming countries, a country it does not name is focus only at this share of the top score. */
    private static final double OUTSIDE_HEADLINE_FOCUS = 0.9;

    private GeoResult build(List<GeoMention> mentions, AnalyzedText text, Set<String> headline) {
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
                double w = WEIGHT.getOrDefault(g.kind(), 0.5);
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
                ev.add(new Mention(g.begin(), g.end(), g.text(), g.kind()));
            }
            countries.add(new CountryTag(cc, c.alpha3(), c.name(), ev.size(), focus, ev));
        }
        countries.sort(Comparator.comparing((CountryTag t) -> !t.focus())
                .thenComparing(Comparator.comparingInt(CountryTag::mentions).reversed())
                .thenComparing(CountryTag::code));
        Map<String, List<GeoMention>> byPlace = new LinkedHashMap<>();
        for (GeoMention g : mentions) {
            if (g.place() != null) {
                String kind = g.kind().equals("REGION") ? "REGION" : g.kind().equals("PLACE") ? "PLACE" : "CITY";
                byPlace.computeIfAbsent(kind + "\t" + g.place() + "\t" + g.country(), k -> new ArrayList<>()).add(g);
            }
        }
        List<LocationTag> locations = new ArrayList<>();
        for (Map.Entry<String, List<GeoMention>> e : byPlace.entrySet()) {
            String[] k = e.getKey().split("\t");
            List<Mention> ev = new ArrayList<>();
            for (GeoMention g : e.getValue()) {
                ev.add(new Mention(g.begin(), g.end(), g.text(), g.kind()));
            }
            locations.add(new LocationTag(k[1], k[0], k[2], ev.size(), ev));
        }
        locations.sort(Comparator.comparingInt(LocationTag::mentions).reversed().thenComparing(LocationTag::name));
        return new GeoResult(countries, locations, mentions);
    }
}
