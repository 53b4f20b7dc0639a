package org.newsflow.enrich.events;

import org.newsflow.enrich.people.ActorKind;
import org.newsflow.enrich.geo.GeoKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Casualties;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.actors.PhraseSectors;
import org.newsflow.enrich.actors.Role;
import org.newsflow.enrich.actors.Sector;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.Names;
import org.newsflow.enrich.people.ActorMention;
import org.newsflow.enrich.people.PeopleResult;

/**
 * Actor resolution: the phrase a role points at becomes actors, through the people tagger's actor mentions, the
 * country mentions, possessors ("its troops"), pronouns to a governing subject, the last pair of countries named
 * ("both sides"), known people and named groups as of the publication date (Phoenix dated actors, then
 * {@code people/leaders.tsv}) and the sector words of {@code /events/actors.tsv} and the Phoenix agent nouns.
 */
final class ActorResolver {
    private final EventLexicon lex;
    private final KnownLeaders leaders;
    /** actors.tsv words, then Phoenix agent nouns */
    private final PhraseSectors sectors;

    ActorResolver(EventLexicon lex, KnownLeaders leaders) {
        this.lex = lex;
        this.leaders = leaders;
        List<PhraseSectors.Row> own = new ArrayList<>();
        for (EventLexicon.Phrase p : lex.sectors()) {
            Sector sec = Sector.parse(p.value());
            if (sec != null) {
                own.add(new PhraseSectors.Row(p.lemmas(), sec));
            }
        }
        this.sectors = new PhraseSectors(own, leaders.agents());
    }
    private static final Set<String> PRONOUNS = WordList.load("/events/pronouns.txt");

    boolean isActorToken(EventDoc doc, Sentence s, int local) {
        int gi = s.firstToken() + local;
        return DepPaths.geoAt(doc, s, local).isPresent() || doc.people.mentionAt(gi).isPresent();
    }

    boolean isRecip(DepGraph g, List<Token> toks, List<Integer> xs) {
        for (int x : xs) {
            if (DepPaths.isRecipToken(toks, x)) {
                return true;
            }
        }
        return false;
    }

    boolean hasRecipAdverb(DepGraph g, List<Token> toks, int h) {
        for (int c : g.children(h)) {
            if (g.is(c, "advmod") && lex.cue("RECIP", DepPaths.lemma(toks.get(c)))) {
                return true;
            }
        }
        return false;
    }

    /** Subject of a verb that has none of its own: control, relative clauses, gerunds, coordination. */
    List<Integer> inheritedSubject(DepGraph g, List<Token> toks, int v) {
        int x = v;
        for (int steps = 0; steps < 3; steps++) {
            int p = g.head(x);
            if (p < 0) {
                return List.of();
            }
            String r = g.rel(x);
            if (r.startsWith("xcomp")) {
                List<Integer> obj = g.children(p, "obj");
                if (!obj.isEmpty()) {
                    return obj;
                }
                List<Integer> subj = DepPaths.subjectsOf(g, p);
                if (!subj.isEmpty()) {
                    return subj;
                }
                List<Integer> pass = g.children(p, "nsubj:pass"); // "is scheduled to attend", "is expected to meet"
                if (!pass.isEmpty()) {
                    return pass;
                }
            } else if ((r.startsWith("advcl") || r.startsWith("acl")) && (DepPaths.hasCase(g, toks, x, "of") || DepPaths.hasCase(g, toks, x, "for"))
                    && !g.children(p, "obj").isEmpty()) {
                return g.children(p, "obj");
            } else if (r.equals("acl") && DepPaths.hasCase(g, toks, x, "of") && toks.get(p).pos().startsWith("NN")) {
                return List.of(p); // "accused the forces of having fired"
            } else if (r.startsWith("acl:relcl")) {
                return List.of(p);
            } else if (r.startsWith("advcl") || r.equals("conj")) {
                List<Integer> subj = DepPaths.subjectsOf(g, p);
                if (!subj.isEmpty()) {
                    return subj;
                }
            } else {
                return List.of();
            }
            x = p;
        }
        return List.of();
    }

    /** Prepositions whose object is what a non-actor noun is about or aimed at: "evidence against X", "aid to X". */
    private static final Set<String> CONTENT_PREPS = Set.of("against", "on", "to", "with", "for", "toward", "towards");

    /**
     * A target phrase: its actors, or, when it is the object (or passive subject) and its head is no actor at all,
     * the actor its content names ("evidence against Russia was presented": Russia; "gave permission to X"; "offered
     * support for X"). One level only, and never from a prepositional slot ("bans on travel to X": X is no target).
     */
    List<Actor> resolveTarget(EventDoc doc, Sentence s, DepGraph g, int x) {
        List<Actor> out = resolveConj(doc, s, g, x);
        boolean core = g.is(x, "obj") || g.is(x, "nsubj:pass") || g.is(x, "iobj");
        if (!out.isEmpty() || !core || !s.tokens().get(x).pos().startsWith("NN")) {
            return out;
        }
        for (int c : g.children(x)) {
            if (g.is(c, "nmod")) {
                for (String p : CONTENT_PREPS) {
                    if (DepPaths.hasCase(g, s.tokens(), c, p)) {
                        out.addAll(resolveConj(doc, s, g, c));
                        break;
                    }
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    List<Actor> resolveConj(EventDoc doc, Sentence s, DepGraph g, int x) {
        List<Actor> out = new ArrayList<>();
        List<Integer> heads = new ArrayList<>();
        heads.add(x);
        for (int i = 0; i < heads.size() && i < 8; i++) {
            for (int c : g.children(heads.get(i), "conj")) {
                if (!heads.contains(c)) {
                    heads.add(c);
                }
            }
        }
        for (int h : heads) {
            out.addAll(resolveOne(doc, s, g, h));
        }
        return out;
    }

    /** Sectors of the state and its opponents: their unnamed members act for the one country a sentence names. */
    private static final Set<String> NATIONAL_SECTORS = Set.of("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "SPY");

    /**
     * The actors of a source phrase of a conflict event ({@code RoleFiller} asks only for those). An unnamed source
     * of a national sector whose phrase states no country ("officials", "police", "troops") acts for the country of
     * the sentence when the sentence's places name exactly one and none of its people or organizations is of another
     * ("Police fired tear gas at protesters in Lima": PE). Not for named people (a named foreigner in "Russian drones hit
     * X's house" is not Russian), rebels, civilians or unsectored actors, not for a possessed phrase ("its
     * peacekeepers") nor for one with a capitalized modifier that names no country ("West African leaders"), and
     * not for targets (a victim's country is not where the attack happened).
     */
    List<Actor> resolveSource(EventDoc doc, Sentence s, DepGraph g, int x) {
        return resolveSource(doc, s, g, x, false);
    }

    /**
     * As {@link #resolveSource(EventDoc, Sentence, DepGraph, int)}; for a protest ({@code protest}) unnamed civilians
     * too act for the sentence's only country: people protest where they live ("Thousands of people marched in
     * Lima" -> PE), and a protest at a foreign embassy names that other country as well, so the rule stays silent.
     */
    List<Actor> resolveSource(EventDoc doc, Sentence s, DepGraph g, int x, boolean protest) {
        List<Actor> found = resolveConj(doc, s, g, x);
        if (found.stream().noneMatch(a -> placeable(a, protest)) || !g.children(x, "nmod:poss").isEmpty()
                || unplacedProperModifier(doc, s, g, x)) {
            return found;
        }
        String only = onlyCountryOf(doc, s);
        if (only == null) {
            return found;
        }
        List<Actor> out = new ArrayList<>(found.size());
        for (Actor a : found) {
            out.add(placeable(a, protest) ? new Actor(only, a.name(), a.kind(), a.sector()) : a);
        }
        return out;
    }

    private static boolean placeable(Actor a, boolean protest) {
        return a.country() == null && "UNNAMED".equals(a.kind()) && a.sector() != null
                && (NATIONAL_SECTORS.contains(a.sector()) || protest && "CVL".equals(a.sector()));
    }

    /** "West African leaders", "Arab ministers": a capitalized modifier of the head that is no country mention. */
    private boolean unplacedProperModifier(EventDoc doc, Sentence s, DepGraph g, int h) {
        for (int c : g.children(h)) {
            Token t = s.tokens().get(c);
            if ((g.is(c, "amod") || g.is(c, "compound")) && c < h && Character.isUpperCase(t.text().charAt(0))
                    && actorGeo(doc, s, c).isEmpty() && doc.people.mentionsAt(s.firstToken() + c).stream().allMatch(m -> m.country() == null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one country the sentence's place, country and demonym mentions name, when none of its people and
     * organizations is of another country ("Obama ... Iran"), or null.
     */
    String onlyCountryOf(EventDoc doc, Sentence s) {
        Set<String> places = new HashSet<>();
        Set<String> actors = new HashSet<>();
        for (int i = 0; i < s.tokens().size(); i++) {
            actorGeo(doc, s, i).map(GeoMention::country).ifPresent(places::add);
            for (ActorMention m : doc.people.mentionsAt(s.firstToken() + i)) {
                if (m.country() != null) {
                    actors.add(m.country());
                }
            }
        }
        return places.size() == 1 && places.containsAll(actors) ? places.iterator().next() : null;
    }

    /**
     * {@link #onlyCountryOf} when a place (not only a demonym) names it: "... was foiled in Omsk" gives RU, "two
     * Chilean soldiers were killed" gives nothing. Null otherwise.
     */
    String onlyPlaceCountryOf(EventDoc doc, Sentence s) {
        String only = onlyCountryOf(doc, s);
        if (only == null) {
            return null;
        }
        for (int i = 0; i < s.tokens().size(); i++) {
            Optional<GeoMention> m = actorGeo(doc, s, i);
            if (m.isPresent() && !m.get().is(GeoKind.DEMONYM) && only.equals(m.get().country())) {
                return only;
            }
        }
        return null;
    }

    /** The actors a phrase headed by token {@code h} stands for: a mention, named countries, or world knowledge. */
    List<Actor> resolveOne(EventDoc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        Token ht = toks.get(h);
        String pos = ht.pos();
        if (pos.equals("WDT") || pos.equals("WP")) {
            int noun = g.head(h) >= 0 ? g.head(g.head(h)) : -1; // that <- verb <- noun
            return noun >= 0 && noun != h ? resolveOne(doc, s, g, noun) : List.of();
        }
        if (pos.equals("PRP") || pos.equals("PRP$")) {
            return pronoun(doc, s, g, h);
        }
        if (pos.equals("EX")) {
            return List.of();
        }
        List<Integer> span = DepPaths.phrase(g, toks, h);
        String phraseText = spanText(doc, s, span);
        String sector = sectorOf(toks, span, h);
        Optional<ActorMention> am = mentionInPhrase(doc, s, g, h, span);
        List<String> countries = countriesInPhrase(doc, s, g, span);
        GeoMention headGeo = actorGeo(doc, s, h).orElse(null);
        if (am.isPresent()) {
            return fromMention(doc, s, g, h, span, am.get(), countries, phraseText, sector);
        }
        if (headGeo != null && span.size() <= 3 && !headGeo.is(GeoKind.DEMONYM)) {
            return List.of(new Actor(headGeo.country(), headGeo.text(), "COUNTRY", sector));
        }
        if (!countries.isEmpty()) {
            return fromCountries(doc, s, g, h, span, countries, headGeo, phraseText, sector);
        }
        return fromContext(doc, s, g, h, span, phraseText, sector);
    }

    /** The actor mention at the head, else the one in the phrase that the head governs or the first one in it. */
    private static Optional<ActorMention> mentionInPhrase(EventDoc doc, Sentence s, DepGraph g, int h, List<Integer> span) {
        int base = s.firstToken();
        Optional<ActorMention> am = doc.people.mentionAt(base + h);
        for (ActorMention m : doc.people.mentionsAt(base + h)) {
            if (m.is(ActorKind.PERSON) && (am.isEmpty() || am.get().country() == null)) {
                am = Optional.of(m);
            }
        }
        if (am.isEmpty()) {
            for (int i : span) {
                Optional<ActorMention> m = doc.people.mentionAt(base + i);
                if (m.isPresent() && g.head(i) == h || m.isPresent() && am.isEmpty()) {
                    am = m;
                }
            }
        }
        return am;
    }

    /** Countries named in the phrase, in order, including a "-led" leader's and those joined by "and" to a modifier. */
    private List<String> countriesInPhrase(EventDoc doc, Sentence s, DepGraph g, List<Integer> span) {
        List<String> countries = new ArrayList<>();
        for (int i : span) {
            actorGeo(doc, s, i).ifPresent(m -> addOnce(countries, m.country()));
        }
        ledBy(doc, s, g, span).ifPresent(cc -> addOnce(countries, cc));
        for (int i : span) {
            for (int c : g.children(i, "conj")) {
                if (g.is(i, "amod") || g.is(i, "compound") || g.is(i, "nmod")) {
                    actorGeo(doc, s, c).ifPresent(m -> addOnce(countries, m.country()));
                }
            }
        }
        return countries;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /**
     * A phrase naming countries: one actor per country joined by "and" ("US and British activists"), else the
     * country of a modifier of the head ("Armenian positions", "positions of Baku") or the first one named.
     */
    private List<Actor> fromCountries(EventDoc doc, Sentence s, DepGraph g, int h, List<Integer> span, List<String> countries,
            GeoMention headGeo, String phraseText, String sector) {
        Token ht = s.tokens().get(h);
        String kind = ht.ner().equals("ORGANIZATION") ? "ORGANIZATION" : ht.ner().equals("PERSON") ? "PERSON" : "UNNAMED";
        if (countries.size() > 1 && DepPaths.hasConjModifier(g, span)) {
            List<Actor> out = new ArrayList<>();
            for (String cc : countries) {
                out.add(new Actor(cc, phraseText, kind, sector));
            }
            return out;
        }
        String resident = residenceCountry(doc, s, g, h);
        return List.of(new Actor(resident != null ? resident : countries.get(0), phraseText, headGeo != null ? "COUNTRY" : kind, sector));
    }

    /**
     * A phrase naming no country: the pair named before ("the two countries"), a possessor's country, a known leader
     * or organization, an intergovernmental body, else the bare name or sector with no country.
     */
    private List<Actor> fromContext(EventDoc doc, Sentence s, DepGraph g, int h, List<Integer> span, String phraseText, String sector) {
        List<Token> toks = s.tokens();
        Token ht = toks.get(h);
        // "the two countries", "both sides": the last pair of countries named together
        if (doc.lastPair.size() == 2 && mentionsPair(toks, span)) {
            return doc.lastPair;
        }
        String owner = possessorCountry(doc, s, g, span, h);
        if (owner != null) {
            return List.of(new Actor(owner, phraseText, ht.ner().equals("ORGANIZATION") ? "ORGANIZATION" : "UNNAMED", sector));
        }
        if (ht.ner().equals("PERSON")) {
            // a PERSON the people tagger did not output: the same leaders list the people tagger reads
            Leaders.Leader known = leaders.leader(DepPaths.personName(toks, h), doc.pub);
            if (known != null) {
                return List.of(new Actor(known.country(), phraseText, "PERSON", sector != null ? sector : known.sector()));
            }
        }
        if (igoSector(toks, span, h) != null) {
            sector = "IGO"; // "UN troops", "United Nations inspectors": an intergovernmental actor
        }
        if (ht.ner().equals("ORGANIZATION")) {
            Role known = namedRole(doc, toks, span);
            if (known != null) {
                return List.of(new Actor(known.country(), phraseText, "ORGANIZATION", sectorName(known.sector(), sector)));
            }
        }
        if (ht.ner().equals("PERSON") || ht.ner().equals("ORGANIZATION")) {
            return List.of(new Actor(null, phraseText, ht.ner(), sector));
        }
        if (sector != null) {
            return List.of(new Actor(null, phraseText, "UNNAMED", sector));
        }
        return List.of();
    }

    /**
     * The actors of a phrase the people tagger has a mention for: the mention's country, else what the text states
     * around it (the pair named before, a stated country, residence, possessor, an organization inside, an IGO), else
     * the dated actors for an organization's name.
     */
    private List<Actor> fromMention(EventDoc doc, Sentence s, DepGraph g, int h, List<Integer> span, ActorMention m, List<String> countries,
                                    String phraseText, String sector) {
        List<Token> toks = s.tokens();
        List<Actor> same = new ArrayList<>();
        for (ActorMention o : doc.people.mentions()) {
            if (o != m && o.firstToken() == m.firstToken() && o.lastToken() == m.lastToken() && o.country() != null
                    && !o.country().equals(m.country())) {
                same.add(new Actor(o.country(), o.is(ActorKind.UNNAMED) ? phraseText : o.name(), o.actorKind().name(),
                        o.sector() != null ? o.sector() : sector));
            }
        }
        if (!same.isEmpty() && m.country() != null) {
            same.add(0, new Actor(m.country(), m.is(ActorKind.UNNAMED) ? phraseText : m.name(), m.actorKind().name(),
                    m.sector() != null ? m.sector() : sector));
            return same;
        }
        if (m.country() == null && countries.isEmpty() && doc.lastPair.size() == 2 && mentionsPair(toks, span)) {
            List<Actor> out = new ArrayList<>();
            for (Actor a : doc.lastPair) {
                out.add(new Actor(a.country(), m.is(ActorKind.UNNAMED) ? phraseText : m.name(), m.actorKind().name(),
                        m.sector() != null ? m.sector() : sector));
            }
            return out;
        }
        String country = m.country() != null ? m.country() : (countries.isEmpty() ? null : countries.get(0));
        String sec = m.sector() != null ? m.sector() : sector;
        String stated = m.is(ActorKind.PERSON) ? statedCountry(doc, s, g, h) : null;
        if (stated != null) {
            country = stated; // "King Hassan of Morocco": the text beats a dictionary lookup on the bare name
        }
        String resident = residenceCountry(doc, s, g, h);
        if (resident != null) {
            country = resident;
        }
        if (country == null && !m.is(ActorKind.PERSON)) {
            country = possessorCountry(doc, s, g, span, h);
        }
        if (country == null && !m.is(ActorKind.PERSON)) {
            Role org = organizationIn(doc, s, span, h);
            if (org != null) {
                country = org.country();
                sec = sec != null ? sec : sectorName(org.sector(), null);
            }
        }
        if (country == null && m.is(ActorKind.UNNAMED) && sec != null && NATIONAL_SECTORS.contains(sec)) {
            country = leaderCountry(doc, s, g, h);
        }
        if (country == null && "IGO".equals(igoSector(toks, span, h))) {
            sec = "IGO";
        }
        if (country == null && m.is(ActorKind.ORGANIZATION)) {
            Role known = leaders.role(Names.words(m.name()), doc.pub);
            if (known != null) {
                country = known.country();
                sec = sectorName(known.sector(), sec);
            }
        }
        String name = m.is(ActorKind.UNNAMED) ? phraseText : m.name();
        return List.of(new Actor(country, name, m.actorKind().name(), sec));
    }

    /**
     * A personal pronoun ("it", "they", "its") stands for the subject of a governing clause ("Russia said it would
     * ..."), else for the subject of the sentence's root before it; other pronouns resolve to nobody. The subject must
     * agree with the pronoun: "he"/"she" stand for a person, never a country or an organization ("a British minister
     * said Libya must ... as he embarked": he is the minister), "it" never for a person.
     */
    private List<Actor> pronoun(EventDoc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        String w = toks.get(h).text().toLowerCase(Locale.ROOT);
        if (!PRONOUNS.contains(w)) {
            return List.of();
        }
        Agreement agr = Agreement.of(w);
        int x = g.head(h);
        for (int steps = 0; x >= 0 && steps < 4; steps++) {
            int p = g.head(x);
            if (p < 0 || !(g.rel(x).startsWith("ccomp") || g.rel(x).startsWith("xcomp") || g.rel(x).startsWith("advcl")
                    || g.rel(x).startsWith("acl") || g.rel(x).equals("conj"))) {
                break;
            }
            for (int sj : g.children(p)) {
                if ((g.is(sj, "nsubj") || g.is(sj, "nsubj:pass")) && sj != h && sj < h && !toks.get(sj).pos().startsWith("PRP")) {
                    // "Obama and Putin said they will ...": a plural pronoun stands for the whole coordination
                    List<Actor> found = agr == Agreement.ANY ? resolveConj(doc, s, g, sj) : resolveOne(doc, s, g, sj);
                    if (agr.accepts(found)) {
                        return found;
                    }
                }
            }
            x = p;
        }
        List<Actor> clause = subjectOfClauseBefore(doc, s, g, h, agr);
        if (!clause.isEmpty()) {
            return clause;
        }
        for (int r = 0; r < toks.size(); r++) {
            if (g.head(r) == -1) {
                for (int sj : g.children(r, "nsubj")) {
                    if (sj < h && !toks.get(sj).pos().startsWith("PRP")) {
                        List<Actor> found = resolveOne(doc, s, g, sj);
                        if (agr.accepts(found)) {
                            return found;
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /**
     * "as Israel announced it would free ...", parsed with "announced" under "free": the subject of a clause that
     * hangs under the pronoun's own verb and comes before the pronoun. Empty when there is none that agrees.
     */
    private List<Actor> subjectOfClauseBefore(EventDoc doc, Sentence s, DepGraph g, int h, Agreement agr) {
        int v = g.head(h);
        if (v < 0 || !g.is(h, "nsubj")) {
            return List.of();
        }
        for (int c : g.children(v)) {
            if (c < h && (g.is(c, "advcl") || g.is(c, "ccomp") || g.is(c, "parataxis") || g.is(c, "dep"))) {
                for (int sj : DepPaths.subjectsOf(g, c)) {
                    if (sj < h && !s.tokens().get(sj).pos().startsWith("PRP")) {
                        List<Actor> found = resolveOne(doc, s, g, sj);
                        if (!found.isEmpty() && agr.accepts(found)) {
                            return found;
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /** What a personal pronoun can stand for: a person ("he"), not a person ("it"), or anyone ("they"). */
    enum Agreement {
        PERSON, NOT_PERSON, ANY;

        static Agreement of(String pronoun) {
            return switch (pronoun) {
                case "he", "she", "him", "his", "her", "himself", "herself" -> PERSON;
                case "it", "its", "itself" -> NOT_PERSON;
                default -> ANY;
            };
        }

        /**
         * Whether the resolved actors agree: countries and organizations are not "he", a named person is not "it". A
         * subject that resolves to nobody still ends the search (the pronoun is that unknown subject).
         */
        boolean accepts(List<Actor> actors) {
            for (Actor a : actors) {
                boolean person = "PERSON".equals(a.kind());
                boolean body = "COUNTRY".equals(a.kind()) || "ORGANIZATION".equals(a.kind());
                if (this == PERSON && body || this == NOT_PERSON && person) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A country mention that can say whose an actor is: not one inside "pro-Iranian" or "anti-Syria" (the
     * group supports or opposes that country; "the pro-Iranian Hizbollah" is Lebanese).
     */
    Optional<GeoMention> actorGeo(EventDoc doc, Sentence s, int local) {
        String w = s.tokens().get(local).text().toLowerCase(Locale.ROOT);
        if (w.startsWith("pro-") || w.startsWith("anti-") || w.equals("pro") || w.equals("anti")) {
            return Optional.empty();
        }
        if (local >= 2 && s.tokens().get(local - 1).text().equals("-")) {
            String before = s.tokens().get(local - 2).text().toLowerCase(Locale.ROOT);
            if (before.equals("pro") || before.equals("anti")) {
                return Optional.empty();
            }
        }
        return DepPaths.geoAt(doc, s, local);
    }

    /**
     * "Vietnamese-led forces", "a US-led coalition": the country before "-led" leads the actor (CoreNLP splits the
     * hyphen and hangs the country under "led"). "Syrian-backed" is not the actor's country and is not taken.
     */
    Optional<String> ledBy(EventDoc doc, Sentence s, DepGraph g, List<Integer> span) {
        List<Token> toks = s.tokens();
        for (int i : span) {
            if (!DepPaths.lemma(toks.get(i)).equals("lead") || !toks.get(i).pos().equals("VBN") || i == 0) {
                continue;
            }
            int j = toks.get(i - 1).text().equals("-") && i >= 2 ? i - 2 : i - 1;
            if (g.head(j) == i || toks.get(j).end() == toks.get(i).begin() || toks.get(j + 1).text().equals("-")) {
                Optional<GeoMention> m = actorGeo(doc, s, j);
                if (m.isPresent() && (m.get().is(GeoKind.NAME) || m.get().is(GeoKind.DEMONYM))) {
                    return Optional.of(m.get().country());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The country the text states for a person by a modifier of the name or its title: "King Hassan of Morocco",
     * "Morocco's King Hassan", "the Moroccan king, Hassan". Null when the text states none. The people tagger may
     * have given the bare name another country from the dated actors or the leaders list; the text wins.
     */
    String statedCountry(EventDoc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        List<Integer> heads = new ArrayList<>(List.of(h));
        for (int c : g.children(h)) {
            if (g.is(c, "compound") || g.is(c, "appos") || g.is(c, "flat")) {
                heads.add(c); // the title: "King" in "King Hassan", "the king" in "Hassan, the king of ..."
            }
        }
        if (g.head(h) >= 0 && (g.is(h, "appos") || g.is(h, "flat") || g.is(h, "compound"))) {
            heads.add(g.head(h)); // "the Moroccan king, Hassan" / "King Hassan" parsed with the title as head
        }
        for (int x : heads) {
            for (int c : g.children(x)) {
                boolean of = g.is(c, "nmod") && DepPaths.hasCase(g, toks, c, "of");
                if (of || g.is(c, "nmod:poss") || g.is(c, "amod") || g.is(c, "compound") && c != h) {
                    Optional<GeoMention> m = actorGeo(doc, s, c);
                    if (m.isPresent() && (m.get().is(GeoKind.NAME) || m.get().is(GeoKind.DEMONYM))) {
                        return m.get().country();
                    }
                }
            }
        }
        return null;
    }

    /**
     * Where an ethnic or national group lives, when the text says so: "Albanians in southern Serbia", "the Croats of
     * Bosnia", "ethnic Albanian guerrillas operating in Macedonia" act for the country they are in (CAMEO codes
     * residents by their country; the demonym only names the group). Only for a demonym head or an "ethnic ..."
     * phrase; null otherwise or when no country place is stated.
     */
    String residenceCountry(EventDoc doc, Sentence s, DepGraph g, int h) {
        List<Token> toks = s.tokens();
        Optional<GeoMention> headGeo = DepPaths.geoAt(doc, s, h);
        boolean group = headGeo.isPresent() && headGeo.get().is(GeoKind.DEMONYM) && toks.get(h).pos().startsWith("NN");
        for (int c : g.children(h, "amod")) {
            group |= toks.get(c).text().equalsIgnoreCase("ethnic");
        }
        if (!group) {
            return null;
        }
        List<Integer> places = new ArrayList<>();
        for (int c : g.children(h)) {
            if (g.is(c, "nmod") && (DepPaths.hasCase(g, toks, c, "in") || DepPaths.hasCase(g, toks, c, "of"))) {
                places.add(c);
            } else if (g.is(c, "acl")) {
                for (int o : g.children(c, "obl")) {
                    if (DepPaths.hasCase(g, toks, o, "in")) {
                        places.add(o); // "guerrillas operating in Macedonia"
                    }
                }
            }
        }
        for (int p : places) {
            Optional<GeoMention> m = DepPaths.geoAt(doc, s, p);
            if (m.isPresent() && !m.get().is(GeoKind.DEMONYM)) {
                return m.get().country();
            }
        }
        return null;
    }

    /**
     * The country of a named organization inside the phrase of an unnamed actor: "activists from the Fatah party",
     * "members of Hamas" act for the organization's country (people tagger's, else the dated actors as of the
     * publication date). Null when the phrase holds no organization with a country.
     */
    Role organizationIn(EventDoc doc, Sentence s, List<Integer> span, int h) {
        int base = s.firstToken();
        for (int i : span) {
            if (i == h) {
                continue;
            }
            for (ActorMention o : doc.people.mentionsAt(base + i)) {
                if (!o.is(ActorKind.ORGANIZATION)) {
                    continue;
                }
                if (o.country() != null) {
                    return new Role(o.country(), null, null);
                }
                Role known = leaders.role(Names.words(o.name()), doc.pub);
                if (known != null && known.country() != null) {
                    return known;
                }
            }
        }
        return null;
    }

    /**
     * The country of a person who names a state body: "the Bush administration", "Assad's forces", "the Merkel
     * government" act for the country the people tagger gave the person (a leader's country as of the publication
     * date, or what the text states). Only a person that modifies the head itself (compound or possessor); null
     * otherwise.
     */
    String leaderCountry(EventDoc doc, Sentence s, DepGraph g, int h) {
        int base = s.firstToken();
        for (int c : g.children(h)) {
            if (!(g.is(c, "compound") || g.is(c, "nmod:poss")) || c > h) {
                continue;
            }
            for (ActorMention p : doc.people.mentionsAt(base + c)) {
                if (p.is(ActorKind.PERSON) && p.country() != null && p.lastToken() < base + h) {
                    return p.country();
                }
            }
        }
        return null;
    }

    /** "its troops", "their forces": the country of the pronoun possessor of the head, or null. */
    String possessorCountry(EventDoc doc, Sentence s, DepGraph g, List<Integer> span, int h) {
        for (int i : span) {
            if (i != h && s.tokens().get(i).pos().equals("PRP$") && g.head(i) == h) {
                for (Actor owner : resolveOne(doc, s, g, i)) {
                    if (owner.country() != null) {
                        return owner.country();
                    }
                }
            }
        }
        return null;
    }

    /** "IGO" when the phrase names an intergovernmental organisation (actors.tsv rows with sector IGO). */
    String igoSector(List<Token> toks, List<Integer> span, int h) {
        for (EventLexicon.Phrase p : lex.sectors()) {
            if (!p.value().equals("IGO")) {
                continue;
            }
            int n = p.lemmas().size();
            for (int k = 0; k + n <= span.size(); k++) {
                boolean ok = true;
                for (int j = 0; j < n && ok; j++) {
                    Token t = toks.get(span.get(k + j));
                    ok = p.lemmas().get(j).equals(DepPaths.lemma(t)) || p.lemmas().get(j).equals(t.text().toLowerCase(Locale.ROOT));
                }
                if (ok) {
                    return "IGO";
                }
            }
        }
        return null;
    }

    boolean mentionsPair(List<Token> toks, List<Integer> span) {
        for (int k = 0; k + 1 < span.size(); k++) {
            String w = toks.get(span.get(k)).text().toLowerCase(Locale.ROOT);
            if (w.equals("two") || w.equals("both")) {
                for (int j = k + 1; j < Math.min(span.size(), k + 3); j++) {
                    if (lex.cue("PAIR", DepPaths.lemma(toks.get(span.get(j))))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    String spanText(EventDoc doc, Sentence s, List<Integer> span) {
        List<Token> toks = s.tokens();
        int first = span.get(0);
        while (first < span.get(span.size() - 1) && (toks.get(first).pos().equals("DT") || toks.get(first).pos().equals("IN"))) {
            first++;
        }
        int last = span.get(span.size() - 1);
        return doc.text.text(toks.get(first).begin(), toks.get(last).end());
    }

    /**
     * The sector of a phrase: the hand-written {@code events/actors.tsv} words first, then the Phoenix agent nouns
     * ({@code actors/agents.tsv}); see {@link PhraseSectors}. Null when neither knows a word of the phrase ("hackers").
     */
    String sectorOf(List<Token> toks, List<Integer> span, int h) {
        List<String> lemmas = new ArrayList<>(span.size());
        List<String> lower = new ArrayList<>(span.size());
        for (int i : span) {
            lemmas.add(DepPaths.lemma(toks.get(i)));
            lower.add(toks.get(i).text().toLowerCase(Locale.ROOT));
        }
        Sector s = sectors.sectorOf(lemmas, lower, span, h);
        return s == null ? null : s.name();
    }

    /** A named organization or armed group of the dated dictionary ("Taliban" -> AF REB), by the phrase's words. */
    private Role namedRole(EventDoc doc, List<Token> toks, List<Integer> span) {
        List<String> words = new ArrayList<>();
        for (int i : span) {
            if (!toks.get(i).pos().equals("DT")) {
                words.addAll(Names.words(toks.get(i).text()));
            }
        }
        Role r = words.isEmpty() ? null : leaders.role(words, doc.pub);
        return r != null && (r.country() != null || r.sector() != null) ? r : null;
    }

    private static String sectorName(Sector known, String fallback) {
        return known != null ? known.name() : fallback;
    }

    /** Remembers two countries named together ("Armenia and Azerbaijan") for later "the two countries". */
    void rememberPair(EventDoc doc, Sentence s) {
        List<Token> toks = s.tokens();
        int base = s.firstToken();
        for (int i = 1; i + 1 < toks.size(); i++) {
            if (!toks.get(i).text().equalsIgnoreCase("and")) {
                continue;
            }
            Optional<GeoMention> a = DepPaths.geoAt(doc, s, i - 1);
            Optional<GeoMention> b = DepPaths.geoAt(doc, s, i + 1);
            if (a.isPresent() && b.isPresent() && !a.get().country().equals(b.get().country())) {
                doc.lastPair = List.of(new Actor(a.get().country(), a.get().text(), "COUNTRY", null),
                        new Actor(b.get().country(), b.get().text(), "COUNTRY", null));
            }
        }
    }

    boolean protester(String name) {
        if (name == null) {
            return false;
        }
        for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (lex.cue("PROTESTER", w) || w.endsWith("s") && lex.cue("PROTESTER", w.substring(0, w.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    List<Integer> agentsOf(DepGraph g, List<Token> toks, int v) {
        List<Integer> out = new ArrayList<>();
        for (int c : g.children(v)) {
            if ((g.is(c, "obl") || g.is(c, "nmod")) && (g.rel(c).equals("obl:agent") || DepPaths.hasCase(g, toks, c, "by"))) {
                out.add(c);
            }
        }
        return out;
    }

    List<Integer> slotDependents(DepGraph g, List<Token> toks, int h, Set<String> slots) {
        List<Integer> out = new ArrayList<>();
        for (int c : g.children(h)) {
            if (slots.contains("obj") && g.is(c, "obj") || slots.contains("iobj") && g.is(c, "iobj")) {
                out.add(c);
                continue;
            }
            if (g.is(c, "obl") || g.is(c, "nmod") || g.is(c, "advcl")) {
                for (String p : slots) {
                    if (!p.equals("obj") && !p.equals("iobj") && !p.equals("place") && DepPaths.hasCase(g, toks, c, p)) {
                        out.add(c);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
