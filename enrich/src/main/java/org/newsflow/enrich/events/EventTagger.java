package org.newsflow.enrich.events;

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
import org.newsflow.contract.Statement;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.ActorMention;
import org.newsflow.enrich.people.PeopleResult;

/**
 * Codes the events an article reports: PLOVER type, CAMEO root and QuadClass, source and target actors,
 * trigger and sentence spans, date, location, casualties, negated and hypothetical flags.
 *
 * <p>How: the trigger lexicon ({@code /events/triggers.tsv}) is matched over lemmas of every sentence; only
 * sentences holding a trigger are dependency parsed ({@link SentenceParser}); the roles of the trigger's
 * dependents (subject, object, prepositions named in the lexicon, "by" agents of passives, possessives and
 * demonyms of nominal triggers, the subject of a light verb such as "launched an air strike") give source and
 * target, resolved to actors through the people tagger's actor mentions and the country tagger's mentions.
 * Thread-safe: no mutable state is shared between calls.
 */
public final class EventTagger {

    private final EventLexicon lex;
    private final Function<List<Token>, DepGraph> parser;
    private final KnownLeaders leaders;
    private final TriggerMatcher triggers;
    private final ActorResolver actors;
    private final LocationFiller locations;
    private final DateFiller dates;
    private final CasualtyFiller casualties;
    private final EventEmitter emitter;
    private final ClauseRules rules;
    private final RoleFiller roles;
    private final Modality modality;
    /** The CAMEO verb dictionary, for verbs no hand-written trigger covers; null when switched off. */
    private final VerbPatternMatcher verbPatterns;
    /** CAMEO 01x statements from the same dictionary, kept apart from the events; null when it is switched off. */
    private final StatementCoder statements;

    /**
     * @param parser the dependency parser of a sentence's tokens (the factory's {@link SentenceParser})
     * @param leaders well-known office holders, for a PERSON the people tagger did not output
     * @param cameo the CAMEO verb dictionary, or null to code with the hand-written triggers only
     * @param ownCodes which dictionary verbs count on their own code ({@link CameoTuning#ownCodes()})
     */
    public EventTagger(EventLexicon lexicon, Function<List<Token>, DepGraph> parser, KnownLeaders leaders,
                       CameoDictionary cameo, String ownCodes) {
        this.lex = Objects.requireNonNull(lexicon);
        this.parser = Objects.requireNonNull(parser);
        this.leaders = Objects.requireNonNull(leaders);
        this.triggers = new TriggerMatcher(lexicon);
        this.actors = new ActorResolver(lexicon, leaders);
        this.locations = new LocationFiller(lexicon);
        this.dates = new DateFiller(lexicon);
        this.casualties = new CasualtyFiller(lexicon);
        this.emitter = new EventEmitter(lexicon);
        this.rules = new ClauseRules(lexicon, actors);
        this.roles = new RoleFiller(lexicon, actors, locations);
        this.modality = new Modality(lexicon);
        this.verbPatterns = cameo == null ? null : new VerbPatternMatcher(cameo, lexicon, ownCodes);
        this.statements = cameo == null ? null : new StatementCoder(cameo, lexicon, roles, modality, dates);
    }

    public EventLexicon lexicon() {
        return lex;
    }

    /**
     * Event types of the factual events (not negated, not hypothetical) and their counts, for dashboards.
     * Statements (CAMEO 01x) have no PLOVER type and are not counted.
     */
    public static Map<String, Integer> countByType(List<EventTag> events) {
        Map<String, Integer> counts = new TreeMap<>();
        for (EventTag e : events) {
            if (e.type() != null && !e.negated() && !e.hypothetical()) {
                counts.merge(e.type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------------------------------------------

    /** An article's events and its statements (CAMEO 01x, which are not events: see {@link StatementCoder}). */
    public record Coded(List<EventTag> events, List<Statement> statements) {}

    public List<EventTag> tag(AnalyzedText text, GeoResult geo, PeopleResult people, TextMask mask, LocalDate publishedOn) {
        return code(text, geo, people, mask, publishedOn).events();
    }

    public Coded code(AnalyzedText text, GeoResult geo, PeopleResult people, TextMask mask, LocalDate publishedOn) {
        EventDoc doc = new EventDoc(text, geo, people, mask, publishedOn);
        List<EventTag> out = new ArrayList<>();
        List<Statement> said = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<TriggerMatch> matches = triggers.findTriggers(s, doc);
            List<Integer> verbs = dictionaryVerbs(doc, s, matches);
            List<Integer> saying = statements == null ? List.of() : statements.candidates(doc, s, matches);
            if ((!matches.isEmpty() || !verbs.isEmpty() || !saying.isEmpty()) && mayHaveActorOrToll(doc, s)) {
                DepGraph g = parser.apply(s.tokens());
                if (!verbs.isEmpty()) {
                    matches = new ArrayList<>(matches);
                    matches.addAll(dictionaryMatches(g, s.tokens(), verbs, matches));
                    matches.sort((a, b) -> a.head() - b.head());
                }
                if (!matches.isEmpty()) {
                    out.addAll(codeSentence(doc, s, g, matches));
                }
                if (!saying.isEmpty()) {
                    said.addAll(statements.code(doc, s, g, saying, matches));
                }
            }
            actors.rememberPair(doc, s);
        }
        return new Coded(out, StatementCoder.onePerActorsAndDay(said));
    }

    /**
     * Cheap pre-check before parsing: an event is published only with an actor or a stated toll, so a sentence
     * is parsed only when some token can be resolved to an actor ({@code resolveOne}: a country or people
     * mention, a PERSON or ORGANIZATION entity, an {@code actors.tsv} word, or {@code two}/{@code both} for the
     * last pair of countries) or when {@link CasualtyFinder} finds a toll in it. Pronouns, relative pronouns and
     * possessors only lead to another phrase of the same sentence, so they need one of these too; proper nouns
     * and numbers that are none of these cannot become an actor.
     */
    private boolean mayHaveActorOrToll(EventDoc doc, Sentence s) {
        List<Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            int gi = s.firstToken() + i;
            String ner = t.ner();
            String w = t.text().toLowerCase(Locale.ROOT);
            if ("PERSON".equals(ner) || "ORGANIZATION".equals(ner) || lex.sectorWord(DepPaths.lemma(t)) || lex.sectorWord(w)
                    || w.equals("two") || w.equals("both")
                    || doc.geo.mentionAt(gi).isPresent() || !doc.people.mentionsAt(gi).isEmpty()) {
                return true;
            }
        }
        return !CasualtyFinder.find(toks).isEmpty();
    }

    // ---- triggers -----------------------------------------------------------------------------------------

    /**
     * The dictionary's matches on the parsed sentence, less those whose object or prepositional object is a
     * hand-written nominal trigger of the same PLOVER type ("staged a protest", "launched an air strike",
     * "engaged X in a firefight") or subject ("fighting ... left 45 dead"): the noun trigger already codes that
     * event, with its own roles and toll.
     */
    private List<TriggerMatch> dictionaryMatches(DepGraph g, List<Token> toks, List<Integer> verbs, List<TriggerMatch> hand) {
        List<TriggerMatch> out = new ArrayList<>();
        for (TriggerMatch m : verbPatterns.match(g, toks, verbs)) {
            String type = lex.ploverType(m.trigger().code());
            boolean restated = hand.stream().anyMatch(h -> g.head(h.head()) == m.head() && type.equals(lex.ploverType(h.trigger().code()))
                    && (g.is(h.head(), "obj") || g.is(h.head(), "obl") || g.is(h.head(), "nsubj")));
            if (!restated) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Verbs the CAMEO dictionary may code: not covered by a hand-written trigger (those measured better where both
     * exist), not in masked text, and with a code of their own or a pattern whose words are all in the sentence.
     */
    private List<Integer> dictionaryVerbs(EventDoc doc, Sentence s, List<TriggerMatch> matches) {
        if (verbPatterns == null) {
            return List.of();
        }
        Set<Integer> taken = new HashSet<>();
        for (TriggerMatch m : matches) {
            taken.addAll(m.covered());
        }
        List<Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            if (doc.mask.covers(toks.get(i).begin(), toks.get(i).end())) {
                taken.add(i);
            }
        }
        taken.addAll(tollWords(toks));
        return verbPatterns.candidates(toks, taken);
    }

    /**
     * The participles of a stated toll ("left 45 dead and 120 injured", "30 wounded"): they report the outcome of
     * an event coded elsewhere in the sentence, not an event of their own. A toll said with a finite clause
     * ("eight people were killed") is left alone: there the verb is the event.
     */
    private static Set<Integer> tollWords(List<Token> toks) {
        Set<Integer> out = new HashSet<>();
        for (CasualtyFinder.Count k : CasualtyFinder.find(toks)) {
            boolean numberFirst = !toks.get(k.first()).pos().startsWith("VB");
            String before = toks.get(k.last() - 1).lemma().toLowerCase(Locale.ROOT);
            if (numberFirst && k.last() > k.first() && !before.equals("be") && !before.equals("have")) {
                out.add(k.last());
            }
        }
        return out;
    }

    // ---- coding a sentence ----------------------------------------------------------------------------------

    private List<EventTag> codeSentence(EventDoc doc, Sentence s, DepGraph g, List<TriggerMatch> matches) {
        List<Token> toks = s.tokens();
        Map<Integer, EventCandidate> byHead = new LinkedHashMap<>();
        for (TriggerMatch m : matches) {
            EventCandidate c = new EventCandidate();
            c.match = m;
            c.head = m.head();
            c.code = m.trigger().code();
            c.mode = m.trigger().mode();
            byHead.put(c.head, c);
        }
        // structural filters: references ("end the fighting"), absorbed content ("pledged not to use force"),
        // nominal triggers that only restate a verbal trigger of the same type ("engaged ... in a firefight")
        for (EventCandidate c : byHead.values()) {
            int p = g.head(c.head);
            if (p >= 0 && lex.cue("REF", DepPaths.lemma(toks.get(p))) && (g.is(c.head, "obj")
                    || toks.get(p).pos().startsWith("NN") && (g.is(c.head, "nmod") || g.is(c.head, "obl")))) {
                c.dropped = true;
                continue;
            }
            EventCandidate absorber = rules.absorbingAncestor(g, toks, byHead, c.head);
            if (absorber != null) {
                c.dropped = true;
                continue;
            }
            if (toks.get(c.head).pos().startsWith("NN") && p >= 0 && byHead.containsKey(p) && !byHead.get(p).dropped
                    && (g.is(c.head, "obj") || g.is(c.head, "obl"))) {
                EventCandidate parent = byHead.get(p);
                String pt = lex.ploverType(parent.code);
                if (pt != null && pt.equals(lex.ploverType(c.code))) {
                    if (DepPaths.specificity(c.code) > DepPaths.specificity(parent.code)) {
                        parent.code = c.code;
                    }
                    if (parent.mode == null) {
                        parent.mode = c.mode;
                    }
                    c.dropped = true;
                    c.mergedInto = parent;
                }
            }
            // a verbal trigger that restates or continues its verbal governor of the same type:
            // "met ... to discuss", "bombarded the city, killing eight"
            if (!c.dropped && toks.get(c.head).pos().startsWith("VB") && p >= 0 && byHead.containsKey(p) && !byHead.get(p).dropped
                    && toks.get(p).pos().startsWith("VB") && (g.is(c.head, "xcomp") || g.is(c.head, "advcl"))) {
                EventCandidate parent = byHead.get(p);
                String pt = lex.ploverType(parent.code);
                if (pt != null && pt.equals(lex.ploverType(c.code))) {
                    c.dropped = true;
                    c.mergedInto = parent;
                }
            }
        }
        List<EventCandidate> live = new ArrayList<>();
        for (EventCandidate c : byHead.values()) {
            if (!c.dropped) {
                live.add(c);
            }
        }
        for (EventCandidate c : live) {
            roles.fillRoles(doc, s, g, c, byHead);
            modality.fillFlags(g, toks, c);
            modality.fillMode(g, toks, c);
            locations.fillLocation(doc, s, g, c);
        }
        // merged restatements lend their actors to the event they restate ("killed in Israeli shelling")
        for (EventCandidate c : byHead.values()) {
            if (c.mergedInto != null && !c.mergedInto.dropped) {
                roles.fillRoles(doc, s, g, c, byHead);
                EventCandidate parent = c.mergedInto;
                if (parent.sources.isEmpty() && !c.sources.isEmpty()) {
                    parent.sources.addAll(c.sources);
                    parent.recip |= c.recip;
                }
                if (parent.targets.isEmpty() && !c.targets.isEmpty()) {
                    parent.targets.addAll(c.targets);
                }
            }
        }
        rules.restructure(doc, s, g, byHead, live);
        live.forEach(roles::sourceFromPlace);
        dates.fillDates(doc, s, g, live);
        for (EventCandidate c : live) {
            if (c.claimOf != null && c.date == null) {
                c.date = c.claimOf.date; // the accusation is dated by what it reports
            }
        }
        casualties.fillCasualties(toks, live);

        List<EventTag> out = new ArrayList<>();
        Mention sentence = new Mention(s.begin(), s.end(), s.text(doc.text.body()));
        for (EventCandidate c : live) {
            emitter.emit(doc, toks, c, sentence, out);
        }
        return out;
    }

    // ---- roles ------------------------------------------------------------------------------------------------

    // ---- actor resolution -------------------------------------------------------------------------------------

    // ---- flags, mode, location -----------------------------------------------------------------------------

    // ---- dates and casualties ---------------------------------------------------------------------------------

    // ---- output ----------------------------------------------------------------------------------------------

}
