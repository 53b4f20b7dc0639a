package org.newsflow.enrich.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.Mention;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;

/**
 * People, organizations and unnamed actors of one article, from CoreNLP's coarse PERSON/ORGANIZATION spans,
 * part-of-speech tags, the title/organization/media lexicons in {@code /people/} and the country tagger's
 * mentions. Rules are described in docs/people.md.
 *
 * <p>Immutable: {@link #tag} is thread-safe and keeps all its state per call.
 */
public final class PeopleTagger {
    private final Lexicon lx;
    private final KnownLeaders leaders;

    public PeopleTagger(Lexicon lexicon, KnownLeaders leaders) {
        this.lx = lexicon;
        this.leaders = leaders;
    }

    /**
     * Whether the name is a known media outlet or wire service ("AFP", "Reuters", "France 24", "the Guardian"),
     * case-insensitive and accent-insensitive, a leading "the" ignored.
     */
    public boolean isMedia(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String trimmed = name.trim();
        if (lx.mediaAcronyms.contains(trimmed)) {
            return true;
        }
        List<String> w = Names.words(trimmed);
        if (w.isEmpty()) {
            return false;
        }
        if (lx.mediaFolded.contains(String.join(" ", w))) {
            return true;
        }
        return w.size() > 1 && "the".equals(w.get(0)) && lx.mediaFolded.contains(String.join(" ", w.subList(1, w.size())));
    }

    /**
     * The cross-article person key of a name: lower case, accents folded, punctuation and hyphens turned into
     * single spaces, leading honorifics, titles and title modifiers stripped ("President Ilham Alíyev" -> "ilham aliyev").
     */
    public String personKey(String name) {
        return leaders.personKey(name);
    }

    /**
     * The well-known office holder a person name refers to ({@code people/leaders.tsv}), or null. The people
     * tagger already applies it to every person the text gives no country; this is for callers that see a
     * person name the tagger did not output.
     */
    public Leaders.Leader leader(String name) {
        return leaders.leader(name);
    }

    public PeopleResult tag(AnalyzedText text, GeoResult geo, TextMask mask) {
        return new Run(lx, text, geo == null ? new GeoResult(List.of(), List.of(), List.of()) : geo,
                mask == null ? TextMask.none() : mask, this).execute();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** All the state of one call. */
    private static final class Run {
        private static final String BLOCK = "\u0000";
        private static final Set<String> DETERMINERS = WordList.load("/people/determiners.txt");
        private static final Set<String> CONNECTORS = WordList.load("/people/connectors.txt");
        private static final Set<String> CALENDAR = WordList.load("/people/calendar.txt");
        private static final Set<String> STREET = WordList.load("/people/street_suffixes.txt");
        private static final Set<String> PORTFOLIO_TITLES = WordList.load("/people/portfolio_titles.txt");
        private static final Set<String> ACTOR_GEO_KINDS = Set.of("NAME", "DEMONYM", "CAPITAL", "INSTITUTION");

        private final Lexicon lx;
        private final AnalyzedText text;
        private final PeopleTagger tagger;
        private final List<Token> toks;
        private final int n;
        private final String[] low;
        private final boolean[] masked;
        private final Owner[] owner;
        private final GeoMention[] geoAt;

        /** Word view: each token split into folded words; punctuation tokens become a BLOCK word, hyphens vanish. */
        private final List<String> words = new ArrayList<>();
        private final List<Integer> wordTok = new ArrayList<>();
        private final int[] firstWordOf;

        private final List<OrgMention> orgs = new ArrayList<>();
        private final OrgMention[] orgAt;
        private final List<TitleMatch> titles = new ArrayList<>();
        private final TitleMatch[] titleEndingAt;
        private final TitleMatch[] titleStartingAt;
        private final boolean[] honorificAt;

        Run(Lexicon lx, AnalyzedText text, GeoResult geo, TextMask mask, PeopleTagger tagger) {
            this.lx = lx;
            this.text = text;
            this.tagger = tagger;
            this.toks = text.tokens();
            this.n = toks.size();
            low = new String[n];
            masked = new boolean[n];
            owner = new Owner[n];
            Arrays.fill(owner, Owner.FREE);
            geoAt = new GeoMention[n];
            firstWordOf = new int[n];
            orgAt = new OrgMention[n];
            titleEndingAt = new TitleMatch[n];
            titleStartingAt = new TitleMatch[n];
            honorificAt = new boolean[n];
            for (GeoMention g : geo.mentions()) {
                for (int i = Math.max(0, g.firstToken()); i <= g.lastToken() && i < n; i++) {
                    if (geoAt[i] == null) {
                        geoAt[i] = g;
                    }
                }
            }
            int prevSentence = -1;
            for (int i = 0; i < n; i++) {
                Token t = toks.get(i);
                low[i] = Names.norm(t.text());
                masked[i] = mask.covers(t.begin(), t.end());
                if (t.sentence() != prevSentence) {
                    words.add(BLOCK);
                    wordTok.add(i);
                    prevSentence = t.sentence();
                }
                firstWordOf[i] = words.size();
                if (masked[i]) {
                    words.add(BLOCK);
                    wordTok.add(i);
                    continue;
                }
                if (isHyphen(t.text())) {
                    continue;
                }
                List<String> w = Names.words(t.text());
                if (w.isEmpty() || "POS".equals(t.pos())) {
                    words.add(BLOCK);
                    wordTok.add(i);
                } else {
                    for (String s : w) {
                        words.add(s);
                        wordTok.add(i);
                    }
                }
                honorificAt[i] = lx.honorifics.contains(low[i]) && t.isCapitalised();
            }
            words.add(BLOCK);
            wordTok.add(n);
        }

        PeopleResult execute() {
            findMedia();
            findKnownOrgs();
            findPatternOrgs();
            findTitles();
            findCoreNlpOrgs();
            List<PersonCandidate> candidates = findPersonCandidates();
            List<ActorMention> actors = new ArrayList<>();
            List<PersonTag> people = resolvePeople(candidates, actors);
            findUnnamed(actors);
            List<OrganizationTag> organizations = resolveOrgs(actors);
            actors.sort(Comparator.comparingInt(ActorMention::firstToken).thenComparingInt(ActorMention::lastToken));
            return new PeopleResult(people, organizations, actors);
        }

        // ---------------------------------------------------------------------------------------------- helpers

        private static boolean isHyphen(String s) {
            return s.equals("-") || s.equals("\u2013") || s.equals("--");
        }

        private Token tok(int i) {
            return toks.get(i);
        }

        private boolean sameSentence(int a, int b) {
            return a >= 0 && b >= 0 && a < n && b < n && toks.get(a).sentence() == toks.get(b).sentence();
        }

        private boolean free(int i) {
            return i >= 0 && i < n && !masked[i] && owner[i] == Owner.FREE;
        }

        private boolean isCapContent(int i) {
            Token t = tok(i);
            return (t.isCapitalised() || Character.isDigit(t.text().charAt(0))) && !masked[i];
        }

        private String span(int first, int last) {
            return text.body().substring(tok(first).begin(), tok(last).end());
        }

        private boolean isQuote(int i) {
            String t = tok(i).text();
            return t.equals("\"") || t.equals("\u201c") || t.equals("\u201d") || t.equals("``") || t.equals("''");
        }

        private boolean placeNotTown(int i) {
            return geoAt[i] != null && !"CITY".equals(geoAt[i].kind());
        }

        private GeoMention actorGeo(int i) {
            if (i < 0 || i >= n) {
                return null;
            }
            GeoMention g = geoAt[i];
            return g != null && ACTOR_GEO_KINDS.contains(g.kind()) ? g : null;
        }

        /** Longest phrase of the table starting at word index w; returns [endWordExclusive] or -1. */
        private <T> Lexicon.Phrases.Entry<T> matchAt(Lexicon.Phrases<T> table, int w, boolean lemmaLast) {
            String first = words.get(w);
            if (BLOCK.equals(first)) {
                return null;
            }
            for (Lexicon.Phrases.Entry<T> e : table.startingWith(first)) {
                if (matches(e.words(), w, false)) {
                    return e;
                }
            }
            if (lemmaLast) {
                // plural of a one-word or multi-word phrase: compare the last word through the token lemma
                for (Lexicon.Phrases.Entry<T> e : table.startingWith(first)) {
                    if (matches(e.words(), w, true)) {
                        return e;
                    }
                }
                String lemmaFirst = lemmaWord(w);
                if (lemmaFirst != null && !lemmaFirst.equals(first)) {
                    for (Lexicon.Phrases.Entry<T> e : table.startingWith(lemmaFirst)) {
                        if (e.words().size() == 1) {
                            return e;
                        }
                    }
                }
            }
            return null;
        }

        private boolean matches(List<String> phrase, int w, boolean lemmaLast) {
            if (w + phrase.size() > words.size()) {
                return false;
            }
            for (int k = 0; k < phrase.size(); k++) {
                String word = words.get(w + k);
                boolean last = k == phrase.size() - 1;
                if (!phrase.get(k).equals(word)) {
                    if (!(last && lemmaLast && phrase.get(k).equals(lemmaWord(w + k)))) {
                        return false;
                    }
                }
            }
            // the match must end at a token boundary
            int endWord = w + phrase.size();
            int lastTok = wordTok.get(endWord - 1);
            return endWord >= words.size() || wordTok.get(endWord) != lastTok;
        }

        private String lemmaWord(int w) {
            int ti = wordTok.get(w);
            if (ti >= n) {
                return null;
            }
            String lemma = tok(ti).lemma();
            return lemma == null ? null : Names.fold(lemma);
        }

        private int lastTokOf(int w, int size) {
            return wordTok.get(w + size - 1);
        }

        private boolean allTokensFree(int first, int last) {
            for (int i = first; i <= last; i++) {
                if (!free(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean capitalisedPhrase(int first, int last) {
            for (int i = first; i <= last; i++) {
                String t = tok(i).text();
                if (isHyphen(t) || CONNECTORS.contains(low[i])) {
                    continue;
                }
                if (!(Character.isUpperCase(t.charAt(0)) || Character.isDigit(t.charAt(0)))) {
                    return false;
                }
            }
            return true;
        }

        // ----------------------------------------------------------------------------------------------- media

        private void findMedia() {
            for (int w = 0; w < words.size(); w++) {
                int ti = wordTok.get(w);
                if (ti >= n || !free(ti) || firstWordOf[ti] != w) {
                    continue;
                }
                if (lx.mediaAcronyms.contains(tok(ti).text())) {
                    owner[ti] = Owner.MEDIA;
                    continue;
                }
                Lexicon.Phrases.Entry<String> e = matchAt(lx.media, w, false);
                if (e != null) {
                    int last = lastTokOf(w, e.words().size());
                    if (capitalisedPhrase(ti, last) && allTokensFree(ti, last)) {
                        for (int i = ti; i <= last; i++) {
                            owner[i] = Owner.MEDIA;
                        }
                    }
                }
            }
        }

        // ------------------------------------------------------------------------------------------ organizations

        /** One organization mention. */
        private static final class OrgMention {
            int first;
            int last;
            String text;
            String type;
            String sector;
            String country;
            Lexicon.KnownOrg known;
            String acronym;
            boolean acronymOnly;
            String clusterKey;
        }

        private void addOrg(OrgMention m) {
            for (int i = m.first; i <= m.last; i++) {
                owner[i] = Owner.ORG;
                orgAt[i] = m;
            }
            orgs.add(m);
        }

        private void findKnownOrgs() {
            for (int w = 0; w < words.size(); w++) {
                int ti = wordTok.get(w);
                if (ti >= n || !free(ti) || firstWordOf[ti] != w) {
                    continue;
                }
                Lexicon.KnownOrg byAcronym = lx.orgAcronyms.get(tok(ti).text());
                if (byAcronym != null) {
                    OrgMention m = known(byAcronym, ti, ti);
                    m.acronym = tok(ti).text();
                    m.acronymOnly = true;
                    addOrg(m);
                    continue;
                }
                Lexicon.Phrases.Entry<Lexicon.KnownOrg> e = matchAt(lx.orgNames, w, false);
                if (e != null) {
                    int last = lastTokOf(w, e.words().size());
                    if (capitalisedPhrase(ti, last) && allTokensFree(ti, last)) {
                        addOrg(known(e.value(), ti, last));
                        w = firstWordOf[last];
                    }
                }
            }
        }

        private OrgMention known(Lexicon.KnownOrg k, int first, int last) {
            OrgMention m = new OrgMention();
            m.first = first;
            m.last = last;
            m.text = span(first, last);
            m.known = k;
            m.type = k.type();
            m.sector = k.sector();
            m.country = k.country();
            // "US Congress"-style names carry their country in the lexicon; a national prefix may refine others
            if (m.country == null && !"IGO".equals(k.type()) && !"ARMED_GROUP".equals(k.type())) {
                m.country = countryBefore(first);
            }
            return m;
        }

        /** A country stated right before a phrase: "Armenian", "Russia's". */
        private String countryBefore(int first) {
            int k = first - 1;
            if (k >= 0 && "POS".equals(tok(k).pos())) {
                k--;
            }
            GeoMention g = actorGeo(k);
            return g != null && sameSentence(k, first) ? g.country() : null;
        }

        /** Capitalised phrases around an organization head noun: "Armenian Defense Ministry", "Ministry of Defense". */
        private void findPatternOrgs() {
            for (int w = 0; w < words.size(); w++) {
                int ti = wordTok.get(w);
                if (ti >= n || !free(ti) || firstWordOf[ti] != w || !tok(ti).isCapitalised()) {
                    continue;
                }
                Lexicon.Phrases.Entry<Lexicon.Head> e = matchAt(lx.heads, w, false);
                if (e == null) {
                    continue;
                }
                int headFirst = ti;
                int headLast = lastTokOf(w, e.words().size());
                if (!capitalisedPhrase(headFirst, headLast) || !allTokensFree(headFirst, headLast)) {
                    continue;
                }
                GeoMention headGeo = geoAt[headFirst];
                if (headGeo != null && !"INSTITUTION".equals(headGeo.kind())) {
                    continue; // "Soviet Union" is a place
                }
                int first = headFirst;
                int modifiers = 0;
                String country = null;
                // left: capitalised modifiers and country words
                for (int k = headFirst - 1; k >= 0 && sameSentence(k, headFirst) && free(k); k--) {
                    Token t = tok(k);
                    GeoMention g = actorGeo(k);
                    boolean sentenceStart = k == 0 || !sameSentence(k - 1, k);
                    if (g != null) {
                        country = country == null ? g.country() : country;
                        first = Math.min(first, Math.max(g.firstToken(), 0));
                        k = first;
                        modifiers++;
                        continue;
                    }
                    if (!t.isCapitalised() || "PERSON".equals(t.ner()) || CALENDAR.contains(low[k])
                            || DETERMINERS.contains(low[k]) || honorificAt[k] || !(t.pos().startsWith("NN") || t.pos().startsWith("JJ"))) {
                        break;
                    }
                    if (sentenceStart && !t.isProperNoun()) {
                        break;
                    }
                    first = k;
                    modifiers++;
                }
                int last = headLast;
                // right: "of [the] Defense", "of Foreign Affairs and Trade", "of Armenia"
                int k = headLast + 1;
                while (k < n && sameSentence(k, headFirst) && free(k) && Set.of("of", "for", "on").contains(low[k])) {
                    int j = k + 1;
                    if (j < n && free(j) && "the".equals(low[j])) {
                        j++;
                    }
                    int end = -1;
                    while (j < n && sameSentence(j, headFirst) && free(j)
                            && (isCapContent(j) || ("and".equals(low[j]) && j + 1 < n && isCapContent(j + 1)))
                            && !"PERSON".equals(tok(j).ner())) {
                        GeoMention g = actorGeo(j);
                        if (g != null && country == null) {
                            country = g.country();
                        }
                        end = j;
                        j++;
                    }
                    if (end < 0) {
                        break;
                    }
                    last = end;
                    modifiers++;
                    k = end + 1;
                }
                if (modifiers == 0) {
                    continue;
                }
                if (country == null) {
                    country = countryBefore(first);
                }
                if (country == null) {
                    for (int i = first; i <= last; i++) {
                        if (geoAt[i] != null && ACTOR_GEO_KINDS.contains(geoAt[i].kind())) {
                            country = geoAt[i].country();
                            break;
                        }
                    }
                }
                OrgMention m = new OrgMention();
                m.first = first;
                m.last = last;
                m.text = span(first, last);
                m.type = e.value().type();
                m.sector = e.value().sector();
                for (int i = first; i <= last; i++) {
                    Lexicon.Head d = lx.domains.get(low[i]);
                    if (d != null) {
                        if (d.type() != null && !"PARTY".equals(m.type)) {
                            m.type = d.type();
                        }
                        if (d.sector() != null && !"PTY".equals(m.sector)) {
                            m.sector = d.sector();
                        }
                    }
                }
                m.country = country;
                addOrg(m);
                w = firstWordOf[last];
            }
        }

        /** The last token of the run of free tokens of one NER class that goes on from {@code j}, within i's sentence. */
        private int runEnd(int i, int j, String ner) {
            while (j + 1 < n && ner.equals(tok(j + 1).ner()) && free(j + 1) && sameSentence(i, j + 1)) {
                j++;
            }
            return j;
        }

        /** CoreNLP ORGANIZATION runs that no lexicon or pattern claimed. */
        private void findCoreNlpOrgs() {
            int i = 0;
            while (i < n) {
                if (!"ORGANIZATION".equals(tok(i).ner()) || !free(i)) {
                    i++;
                    continue;
                }
                int j = runEnd(i, i, "ORGANIZATION");
                int first = i;
                int last = j;
                i = j + 1;
                while (first <= last && (DETERMINERS.contains(low[first]) || isHyphen(tok(first).text()))) {
                    first++;
                }
                while (last >= first && ("POS".equals(tok(last).pos()) || !Character.isLetterOrDigit(tok(last).text().charAt(0)))) {
                    last--;
                }
                if (first > last || !capitalisedPhrase(first, last)) {
                    continue;
                }
                boolean allGeo = true;
                for (int k = first; k <= last; k++) {
                    allGeo &= geoAt[k] != null && !"INSTITUTION".equals(geoAt[k].kind());
                }
                if (allGeo) {
                    continue;
                }
                String t = span(first, last);
                if (tagger.isMedia(t)) {
                    continue;
                }
                OrgMention m = new OrgMention();
                m.first = first;
                m.last = last;
                m.text = t;
                Lexicon.Phrases.Entry<Lexicon.Head> head = null;
                for (int w = firstWordOf[first]; w < words.size() && wordTok.get(w) <= last; w++) {
                    Lexicon.Phrases.Entry<Lexicon.Head> h = matchAt(lx.heads, w, false);
                    if (h != null && lastTokOf(w, h.words().size()) == last) {
                        head = h;
                    }
                }
                if (head != null) {
                    m.type = head.value().type();
                    m.sector = head.value().sector();
                }
                m.country = countryBefore(first);
                if (m.country == null) {
                    for (int k = first; k <= last; k++) {
                        GeoMention g = actorGeo(k);
                        if (g != null) {
                            m.country = g.country();
                            break;
                        }
                    }
                }
                if (Lexicon.isAcronym(t)) {
                    m.acronym = t;
                    m.acronymOnly = true;
                }
                addOrg(m);
            }
        }

        // ------------------------------------------------------------------------------------------------ titles

        /** A title or role word with what the text says around it. */
        private static final class TitleMatch {
            int first;
            int last;
            /** including "of Azerbaijan" after the title */
            int extLast;
            /** first token of the context before it (modifiers, country words, organization) */
            int ctxFirst;
            Lexicon.Title title;
            boolean plural;
            String modifier;
            boolean acts = true;
            final List<String> countries = new ArrayList<>();
            OrgMention org;
            boolean usedByPerson;

            String portfolio;

            String display() {
                String d = portfolio == null ? title.display() : title.display() + " of " + portfolio;
                return modifier == null ? d : modifier + " " + d;
            }

            String sector() {
                if (!acts) {
                    return null;
                }
                if (title.sector() != null) {
                    return title.sector();
                }
                if (org != null) {
                    return org.sector;
                }
                return title.governmentWhenNational() && !countries.isEmpty() ? "GOV" : null;
            }

            String country() {
                if (countries.size() == 1) {
                    return countries.get(0);
                }
                return org != null && org.country != null ? org.country : null;
            }
        }

        private void findTitles() {
            for (int w = 0; w < words.size(); w++) {
                int ti = wordTok.get(w);
                if (ti >= n || !free(ti) || firstWordOf[ti] != w) {
                    continue;
                }
                Lexicon.Phrases.Entry<Lexicon.Title> e = matchAt(lx.titles, w, true);
                if (e == null) {
                    continue;
                }
                int last = lastTokOf(w, e.words().size());
                if (!allTokensFree(ti, last) || !tok(last).pos().startsWith("NN")) {
                    continue;
                }
                // a title word inside a person's name ("Martin Luther King") is part of the name
                if ("PERSON".equals(tok(ti).ner()) && ti > 0 && "PERSON".equals(tok(ti - 1).ner()) && sameSentence(ti - 1, ti)) {
                    continue;
                }
                TitleMatch m = new TitleMatch();
                m.first = ti;
                // a portfolio: "Secretary of Energy", "Minister of Agriculture and Food"
                String portfolio = null;
                if (PORTFOLIO_TITLES.contains(low[last]) && last + 2 < n && "of".equals(low[last + 1]) && sameSentence(last, last + 2)) {
                    int j = last + 2;
                    int end = -1;
                    while (j < n && sameSentence(j, last) && free(j) && j - last < 6
                            && ((tok(j).isProperNoun() && tok(j).isCapitalised() && geoAt[j] == null && !"PERSON".equals(tok(j).ner()))
                                || ("and".equals(low[j]) && end > 0))) {
                        if (!"and".equals(low[j])) {
                            end = j;
                        }
                        j++;
                    }
                    if (end > 0) {
                        portfolio = span(last + 2, end);
                        last = end;
                    }
                }
                m.portfolio = portfolio;
                m.last = last;
                m.extLast = last;
                m.title = e.value();
                String lastWord = Names.norm(tok(last).text());
                m.plural = tok(last).pos().endsWith("S") && !lastWord.equals(e.words().get(e.words().size() - 1));
                context(m);
                for (int i = ti; i <= last; i++) {
                    owner[i] = Owner.TITLE;
                }
                titles.add(m);
                titleEndingAt[m.extLast] = m;
                titleStartingAt[m.first] = m;
                w = firstWordOf[last];
            }
        }

        /** Fills a title's country, organization and modifier from the tokens around it. */
        private void context(TitleMatch m) {
            // right: "President of Azerbaijan"
            int r = m.last + 1;
            if (r + 1 < n && "of".equals(low[r]) && sameSentence(r, m.last)) {
                int j = r + 1;
                if ("the".equals(low[j]) && j + 1 < n) {
                    j++;
                }
                GeoMention g = actorGeo(j);
                if (g != null && sameSentence(j, m.last) && g.firstToken() == j) {
                    m.countries.add(g.country());
                    m.extLast = g.lastToken();
                }
            }
            // left: modifiers, country words (coordinated too), possessives, organizations
            int k = m.first - 1;
            int steps = 0;
            while (k >= 0 && sameSentence(k, m.first) && !masked[k] && steps++ < 8) {
                Lexicon.Modifier mod = lx.modifiers.get(low[k]);
                if (mod != null && m.modifier == null) {
                    m.modifier = mod.display();
                    m.acts = mod.acts();
                    k--;
                    continue;
                }
                int kk = k;
                if ("POS".equals(tok(kk).pos()) && kk > 0) {
                    kk--;
                }
                GeoMention g = actorGeo(kk);
                if (g != null && sameSentence(kk, m.first) && (owner[kk] == Owner.FREE || owner[kk] == Owner.ORG && orgAt[kk] != null
                        && orgAt[kk].country != null && orgAt[kk].last != kk)) {
                    if (!m.countries.contains(g.country())) {
                        m.countries.add(0, g.country());
                    }
                    k = Math.max(g.firstToken(), 0) - 1;
                    // coordination: "the Armenian and Azerbaijani foreign ministers"
                    if (k > 0 && (low[k].equals("and") || low[k].equals(",")) && actorGeo(k - 1) != null && sameSentence(k - 1, m.first)) {
                        k--;
                    }
                    continue;
                }
                if (owner[kk] == Owner.ORG && orgAt[kk] != null && m.org == null && m.countries.isEmpty()) {
                    m.org = orgAt[kk];
                    k = orgAt[kk].first - 1;
                    continue;
                }
                break;
            }
            m.ctxFirst = k + 1;
        }

        // ------------------------------------------------------------------------------------------------ people

        private static final class PersonCandidate {
            int first;
            int last;
            String text;
            List<String> words;
            final List<TitleMatch> titles = new ArrayList<>();
            /** first token of the actor span (a prefixed title and its context) */
            int actorFirst;
            Entity entity;
        }

        private static final class Entity {
            final List<PersonCandidate> mentions = new ArrayList<>();
            List<String> words;
            String name;
            String country;
            String sector;
        }

        private List<PersonCandidate> findPersonCandidates() {
            List<PersonCandidate> out = new ArrayList<>();
            boolean[] used = new boolean[n];
            // 1. CoreNLP PERSON runs
            int i = 0;
            while (i < n) {
                if (!"PERSON".equals(tok(i).ner()) || !free(i)) {
                    i++;
                    continue;
                }
                int j = i;
                while (true) {
                    j = runEnd(i, j, "PERSON");
                    // a quoted nickname inside a name: Katherine "Kay" Parsons
                    int q = j + 1;
                    if (q + 3 < n && sameSentence(i, q + 3) && isQuote(q) && "PERSON".equals(tok(q + 1).ner()) && isQuote(q + 2)
                            && "PERSON".equals(tok(q + 3).ner()) && free(q + 1) && free(q + 3)) {
                        j = q + 3;
                        continue;
                    }
                    break;
                }
                int next = j + 1;
                // a run that touches a media/organization token is an organization CoreNLP misread
                boolean touchesOrg = (i > 0 && sameSentence(i - 1, i) && "PERSON".equals(tok(i - 1).ner()) && (owner[i - 1] == Owner.MEDIA || owner[i - 1] == Owner.ORG))
                        || (next < n && sameSentence(j, next) && "PERSON".equals(tok(next).ner()) && (owner[next] == Owner.MEDIA || owner[next] == Owner.ORG));
                PersonCandidate c = touchesOrg ? null : candidate(i, j);
                if (c != null) {
                    out.add(c);
                    for (int k = c.first; k <= c.last; k++) {
                        used[k] = true;
                    }
                }
                i = next;
            }
            // 2. Proper-noun runs right after a title or an honorific: "President Aliyev", "Mr. Aliyev"
            for (int k = 0; k < n; k++) {
                boolean anchor = honorificAt[k] || (titleEndingAt[k] != null && !titleEndingAt[k].plural && titleEndingAt[k].extLast == titleEndingAt[k].last);
                if (!anchor || k + 1 >= n || !sameSentence(k, k + 1)) {
                    continue;
                }
                int s = k + 1;
                int e = s - 1;
                while (e + 1 < n && sameSentence(s, e + 1) && free(e + 1) && !used[e + 1] && e + 1 - s < 4
                        && tok(e + 1).isProperNoun() && tok(e + 1).isCapitalised() && !CALENDAR.contains(low[e + 1])
                        && !placeNotTown(e + 1) && !lx.titleWords.contains(low[e + 1])) {
                    e++;
                }
                if (e >= s) {
                    PersonCandidate c = candidate(s, e);
                    if (c != null) {
                        out.add(c);
                        for (int q = c.first; q <= c.last; q++) {
                            used[q] = true;
                        }
                    }
                }
            }
            out.sort(Comparator.comparingInt(c -> c.first));
            for (PersonCandidate c : out) {
                for (int k = c.first; k <= c.last; k++) {
                    owner[k] = Owner.PERSON;
                }
                attachTitles(c);
            }
            return out;
        }

        private PersonCandidate candidate(int first, int last) {
            while (first <= last && (honorificAt[first] || DETERMINERS.contains(low[first]) || !Character.isLetter(tok(first).text().charAt(0)))) {
                first++;
            }
            while (last >= first && ("POS".equals(tok(last).pos()) || !Character.isLetterOrDigit(tok(last).text().charAt(0)))) {
                last--;
            }
            if (first > last) {
                return null;
            }
            boolean allGeo = true;
            boolean anyCap = false;
            for (int k = first; k <= last; k++) {
                // a town that shares a person's name ("Obama", "Bush") does not outweigh CoreNLP's PERSON
                allGeo &= placeNotTown(k);
                anyCap |= tok(k).isCapitalised();
            }
            if (allGeo || !anyCap) {
                return null;
            }
            String t = span(first, last);
            if (tagger.isMedia(t) || lx.orgByFoldedName.containsKey(String.join(" ", Names.words(t)))) {
                return null;
            }
            if (STREET.contains(low[last]) && first < last) {
                return null; // an address: "N. Poplar St."
            }
            PersonCandidate c = new PersonCandidate();
            c.first = first;
            c.last = last;
            c.text = t;
            c.words = Names.words(t);
            c.actorFirst = first;
            if (c.words.isEmpty() || c.words.stream().allMatch(lx.titleWords::contains)) {
                return null;
            }
            return c;
        }

        private void attachTitles(PersonCandidate c) {
            // before: "Armenian Prime Minister Nikol Pashinian", "the American secretary of State, Antony Blinken"
            int k = c.first - 1;
            if (k >= 0 && honorificAt[k]) {
                c.actorFirst = k;
                k--;
            }
            TitleMatch before = k >= 0 ? titleEndingAt[k] : null;
            boolean comma = false;
            if (before == null && k > 0 && ",".equals(low[k])) {
                before = titleEndingAt[k - 1];
                comma = true;
                if (before != null) {
                    int d = before.ctxFirst - 1;
                    boolean introduced = d < 0 || !sameSentence(d, before.first) || DETERMINERS.contains(low[d]) || ",".equals(low[d]);
                    if (!introduced || before.plural) {
                        before = null;
                    }
                }
            }
            if (before != null && !before.plural && sameSentence(before.first, c.first) && !before.usedByPerson) {
                c.titles.add(before);
                before.usedByPerson = true;
                if (!comma) {
                    c.actorFirst = before.ctxFirst;
                }
            }
            // after: "Antony Blinken, the US secretary of state"
            int a = c.last + 1;
            if (a + 1 < n && ",".equals(low[a]) && sameSentence(a, c.last)) {
                int s = a + 1;
                if (DETERMINERS.contains(low[s]) && s + 1 < n) {
                    s++;
                }
                for (int q = s; q < Math.min(n, s + 6) && sameSentence(q, c.last); q++) {
                    TitleMatch t = titleStartingAt[q];
                    if (t != null) {
                        boolean adjacent = t.ctxFirst <= s;
                        // "a Spanish diplomat", "the top US diplomat": at most two adjectives before the title's context
                        for (int j = s; !adjacent && j < t.ctxFirst && j < s + 2; j++) {
                            Token between = tok(j);
                            if (!(between.pos().startsWith("JJ") || between.isProperNoun())) {
                                break;
                            }
                            adjacent = j + 1 == t.ctxFirst;
                        }
                        if (adjacent && !t.plural && !t.usedByPerson) {
                            c.titles.add(t);
                            t.usedByPerson = true;
                        }
                        break;
                    }
                }
            }
        }

        private List<PersonTag> resolvePeople(List<PersonCandidate> candidates, List<ActorMention> actors) {
            List<Entity> entities = new ArrayList<>();
            // pass 1: names of two words or more
            for (PersonCandidate c : candidates) {
                if (c.words.size() < 2) {
                    continue;
                }
                Entity match = null;
                for (Entity e : entities) {
                    if (e.words.size() >= 2 && compatible(e.words, c.words)) {
                        match = e;
                        break;
                    }
                }
                if (match == null) {
                    match = new Entity();
                    match.words = c.words;
                    entities.add(match);
                }
                match.mentions.add(c);
                c.entity = match;
                if (c.words.size() > match.words.size()) {
                    match.words = c.words;
                }
            }
            // pass 2: single words join the person whose surname (or, failing that, first name) they are
            for (PersonCandidate c : candidates) {
                if (c.words.size() != 1) {
                    continue;
                }
                String w = c.words.get(0);
                List<Entity> bySurname = new ArrayList<>();
                List<Entity> byOther = new ArrayList<>();
                for (Entity e : entities) {
                    if (e.words.get(e.words.size() - 1).equals(w)) {
                        bySurname.add(e);
                    } else if (e.words.size() >= 2 && e.words.contains(w)) {
                        byOther.add(e);
                    }
                }
                List<Entity> pool = bySurname.isEmpty() ? byOther : bySurname;
                Entity match = pool.size() == 1 ? pool.get(0) : mostRecent(pool, c.first);
                if (match == null) {
                    match = new Entity();
                    match.words = c.words;
                    entities.add(match);
                }
                match.mentions.add(c);
                c.entity = match;
            }
            List<PersonTag> people = new ArrayList<>();
            entities.sort(Comparator.comparingInt(e -> e.mentions.stream().mapToInt(m -> m.first).min().orElse(0)));
            for (Entity e : entities) {
                e.mentions.sort(Comparator.comparingInt(m -> m.first));
                PersonCandidate fullest = e.mentions.get(0);
                for (PersonCandidate m : e.mentions) {
                    if (m.words.size() > fullest.words.size()
                            || (m.words.size() == fullest.words.size() && m.text.length() > fullest.text.length())) {
                        fullest = m;
                    }
                }
                e.name = fullest.text;
                Set<String> titlesSeen = new LinkedHashSet<>();
                List<Mention> evidence = new ArrayList<>();
                for (PersonCandidate m : e.mentions) {
                    evidence.add(new Mention(tok(m.first).begin(), tok(m.last).end(), m.text, "NAME"));
                    for (TitleMatch t : m.titles) {
                        titlesSeen.add(t.display());
                        evidence.add(new Mention(tok(t.first).begin(), tok(t.last).end(), span(t.first, t.last), "TITLE"));
                        if (e.country == null && t.country() != null) {
                            e.country = t.country();
                        }
                        if (e.sector == null && t.sector() != null) {
                            e.sector = t.sector();
                        }
                    }
                }
                if (e.country == null) {
                    // world knowledge, only when the text states no country: "President Obama" -> US
                    Leaders.Leader known = tagger.leader(e.name);
                    if (known != null) {
                        e.country = known.country();
                        if (e.sector == null && titlesSeen.isEmpty()) {
                            e.sector = known.sector(); // a titled person keeps the title's sector ("former President")
                        }
                    }
                }
                evidence.sort(Comparator.comparingInt(Mention::begin));
                people.add(new PersonTag(e.name, tagger.personKey(e.name), e.mentions.size(), List.copyOf(titlesSeen), e.country, evidence));
                for (PersonCandidate m : e.mentions) {
                    actors.add(new ActorMention(m.actorFirst, m.last, tok(m.actorFirst).begin(), tok(m.last).end(),
                            "PERSON", e.name, e.country, e.sector));
                }
            }
            return people;
        }

        /** Two full names are one person when their surnames agree and their first names do not differ. */
        private static boolean compatible(List<String> a, List<String> b) {
            if (!a.get(a.size() - 1).equals(b.get(b.size() - 1))) {
                return false;
            }
            String fa = a.get(0);
            String fb = b.get(0);
            if (fa.equals(fb)) {
                return true;
            }
            // an initial: "A. Blinken" / "Antony Blinken"
            return (fa.length() == 1 && fb.startsWith(fa)) || (fb.length() == 1 && fa.startsWith(fb));
        }

        private static Entity mostRecent(List<Entity> pool, int before) {
            Entity best = null;
            int bestPos = -1;
            for (Entity e : pool) {
                for (PersonCandidate m : e.mentions) {
                    if (m.first < before && m.first > bestPos) {
                        bestPos = m.first;
                        best = e;
                    }
                }
            }
            return best != null ? best : pool.isEmpty() ? null : pool.get(0);
        }

        // ------------------------------------------------------------------------------------------ unnamed actors

        private void findUnnamed(List<ActorMention> actors) {
            // bare titles: "the foreign ministers of these two rival countries", "the Armenian and Azerbaijani foreign ministers"
            for (TitleMatch t : titles) {
                if (t.usedByPerson || !t.title.alone()) {
                    continue;
                }
                int next = t.extLast + 1;
                if (next < n && sameSentence(next, t.last) && (tok(next).pos().startsWith("NN") || tok(next).isProperNoun())) {
                    continue; // a modifier of another noun ("minister level") or a name we did not accept
                }
                int before = t.ctxFirst - 1;
                boolean introduced = t.plural || !t.countries.isEmpty() || t.org != null
                        || (before >= 0 && sameSentence(before, t.first) && (DETERMINERS.contains(low[before]) || "POS".equals(tok(before).pos())));
                if (!introduced) {
                    continue;
                }
                emitUnnamed(actors, t.ctxFirst, t.extLast, t.countries.isEmpty() && t.country() != null ? List.of(t.country()) : t.countries, t.sector());
            }
            // group nouns: "Azerbaijani armed forces", "units of the Azerbaijani armed forces", "the government"
            for (int w = 0; w < words.size(); w++) {
                int ti = wordTok.get(w);
                if (ti >= n || !free(ti) || firstWordOf[ti] != w) {
                    continue;
                }
                Lexicon.Phrases.Entry<String> e = matchAt(lx.roles, w, true);
                if (e == null) {
                    continue;
                }
                int last = lastTokOf(w, e.words().size());
                if (!allTokensFree(ti, last) || !tok(last).pos().startsWith("NN")) {
                    continue;
                }
                int next = last + 1;
                if (next < n && sameSentence(next, last) && free(next) && tok(next).pos().startsWith("NN")) {
                    continue; // "police station", "government forces" (the next noun is the head)
                }
                for (int k = ti; k <= last; k++) {
                    owner[k] = Owner.ROLE;
                }
                String sector = e.value();
                List<String> countries = new ArrayList<>();
                int first = ti;
                int end = last;
                // left: country words, one adjective between ("Armenian regular forces"), coordination
                int k = ti - 1;
                if (k >= 0 && sameSentence(k, ti) && actorGeo(k) == null && tok(k).pos().startsWith("JJ") && !tok(k).isCapitalised()
                        && actorGeo(k - 1) != null) {
                    k--;
                }
                while (k >= 0 && sameSentence(k, ti) && !masked[k]) {
                    int kk = "POS".equals(tok(k).pos()) && k > 0 ? k - 1 : k;
                    GeoMention g = actorGeo(kk);
                    if (g == null || (kk + 1 < n && isHyphen(tok(kk + 1).text()))) {
                        break;
                    }
                    if (!countries.contains(g.country())) {
                        countries.add(0, g.country());
                    }
                    first = Math.max(g.firstToken(), 0);
                    k = first - 1;
                    if (k > 0 && ("and".equals(low[k]) || ",".equals(low[k])) && actorGeo(k - 1) != null) {
                        k--;
                    }
                }
                // right: "of Azerbaijan", or "of the Azerbaijani armed forces" (the inner group decides)
                int r = last + 1;
                if (r + 1 < n && "of".equals(low[r]) && sameSentence(r, last)) {
                    int j = r + 1;
                    if (DETERMINERS.contains(low[j]) && j + 1 < n) {
                        j++;
                    }
                    GeoMention g = actorGeo(j);
                    if (g != null && countries.isEmpty() && sameSentence(j, last)) {
                        int ge = g.lastToken();
                        int wj = firstWordOf[Math.min(ge + 1, n - 1)];
                        Lexicon.Phrases.Entry<String> inner = ge + 1 < n ? matchAt(lx.roles, wj, true) : null;
                        if (inner != null && sameSentence(ge + 1, last)) {
                            int innerLast = lastTokOf(wj, inner.words().size());
                            sector = inner.value();
                            end = innerLast;
                            for (int q = ge + 1; q <= innerLast; q++) {
                                owner[q] = Owner.ROLE;
                            }
                        } else {
                            end = ge;
                        }
                        countries.add(g.country());
                    }
                }
                emitUnnamed(actors, first, end, countries, sector);
                w = firstWordOf[end];
            }
        }

        private void emitUnnamed(List<ActorMention> actors, int first, int last, List<String> countries, String sector) {
            while (first < last && DETERMINERS.contains(low[first])) {
                first++;
            }
            String role = span(first, last);
            if (countries.isEmpty()) {
                actors.add(new ActorMention(first, last, tok(first).begin(), tok(last).end(), "UNNAMED", role, null, sector));
            } else {
                for (String c : countries) {
                    actors.add(new ActorMention(first, last, tok(first).begin(), tok(last).end(), "UNNAMED", role, c, sector));
                }
            }
        }

        // ------------------------------------------------------------------------------------ organization tags

        private List<OrganizationTag> resolveOrgs(List<ActorMention> actors) {
            // acronyms introduced in parentheses: "Collective Security Treaty Organization (CSTO)"
            for (OrgMention m : orgs) {
                int p = m.last + 1;
                if (p + 2 < n && "(".equals(tok(p).text()) || p + 2 < n && "-LRB-".equals(tok(p).text())) {
                    String a = tok(p + 1).text();
                    if (Lexicon.isAcronym(a) && (")".equals(tok(p + 2).text()) || "-RRB-".equals(tok(p + 2).text())) && m.acronym == null) {
                        m.acronym = a;
                    }
                }
            }
            Map<String, List<OrgMention>> clusters = new LinkedHashMap<>();
            Map<String, String> acronymToKey = new LinkedHashMap<>();
            for (OrgMention m : orgs) {
                if (m.known != null) {
                    m.clusterKey = "known:" + m.known.name();
                } else if (!m.acronymOnly) {
                    m.clusterKey = contentKey(m);
                }
                if (m.clusterKey != null && m.acronym != null && !m.acronymOnly) {
                    acronymToKey.put(m.acronym, m.clusterKey);
                }
            }
            for (OrgMention m : orgs) {
                if (m.clusterKey == null && m.acronymOnly) {
                    String k = acronymToKey.get(m.acronym);
                    if (k == null) {
                        // initials of a full name used in the article: "National Liberation Front" / "NLF"
                        for (OrgMention o : orgs) {
                            if (o.clusterKey != null && !o.acronymOnly && m.acronym.replace(".", "").equals(initials(o.text))) {
                                k = o.clusterKey;
                                break;
                            }
                        }
                    }
                    m.clusterKey = k != null ? k : "acronym:" + m.acronym;
                }
            }
            // a mention without country ("the Defense Ministry") joins the one national body with the same words
            for (OrgMention m : orgs) {
                if (m.known == null && m.country == null && m.clusterKey.startsWith("-|")) {
                    String suffix = m.clusterKey.substring(1);
                    String only = null;
                    int count = 0;
                    for (OrgMention o : orgs) {
                        if (o.country != null && o.clusterKey.endsWith(suffix) && !o.clusterKey.equals(only)) {
                            only = o.clusterKey;
                            count++;
                        }
                    }
                    if (count == 1) {
                        m.clusterKey = only;
                    }
                }
            }
            for (OrgMention m : orgs) {
                clusters.computeIfAbsent(m.clusterKey, k -> new ArrayList<>()).add(m);
            }
            List<OrganizationTag> out = new ArrayList<>();
            for (List<OrgMention> ms : clusters.values()) {
                OrgMention best = ms.get(0);
                String acronym = null;
                String country = null;
                String type = null;
                String sector = null;
                for (OrgMention m : ms) {
                    if (!m.acronymOnly && (best.acronymOnly || m.text.length() > best.text.length())) {
                        best = m;
                    }
                    acronym = acronym == null ? m.acronym : acronym;
                    country = country == null ? m.country : country;
                    type = type == null ? m.type : type;
                    sector = sector == null ? m.sector : sector;
                }
                String name = best.known != null ? best.known.name() : best.text;
                if (acronym == null && best.known != null && !best.known.acronyms().isEmpty()) {
                    acronym = ms.stream().anyMatch(m -> m.acronymOnly) ? ms.stream().filter(m -> m.acronymOnly).findFirst().get().acronym : null;
                }
                if ("IGO".equals(type)) {
                    country = null;
                }
                List<Mention> evidence = new ArrayList<>();
                for (OrgMention m : ms) {
                    evidence.add(new Mention(tok(m.first).begin(), tok(m.last).end(), m.text, m.acronymOnly ? "ACRONYM" : "NAME"));
                    actors.add(new ActorMention(m.first, m.last, tok(m.first).begin(), tok(m.last).end(), "ORGANIZATION", name,
                            country, sector != null ? sector : type));
                }
                out.add(new OrganizationTag(name, acronym, type, country, ms.size(), evidence));
            }
            return out;
        }

        private String contentKey(OrgMention m) {
            List<String> content = new ArrayList<>();
            for (int i = m.first; i <= m.last; i++) {
                if (geoAt[i] != null && !"INSTITUTION".equals(geoAt[i].kind())) {
                    continue;
                }
                if (geoAt[i] != null && geoAt[i].firstToken() == i && "INSTITUTION".equals(geoAt[i].kind()) && tok(i).pos().startsWith("JJ")) {
                    continue;
                }
                for (String w : Names.words(tok(i).text())) {
                    if (!CONNECTORS.contains(w)) {
                        content.add("defence".equals(w) ? "defense" : w);
                    }
                }
            }
            content.sort(null);
            return (m.country == null ? "-" : m.country) + "|" + String.join(" ", content);
        }

        private static String initials(String name) {
            StringBuilder sb = new StringBuilder();
            for (String w : name.split("[\\s\\-]+")) {
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                    sb.append(w.charAt(0));
                }
            }
            return sb.toString();
        }
    }
}
