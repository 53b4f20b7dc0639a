package org.newsflow.enrich.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Mention;
import org.newsflow.contract.Statement;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;

/**
 * Codes CAMEO 01x public statements ("Turkey denied responsibility", "the EU expressed its condolences",
 * "Putin said on Monday that relations were good") from the CAMEO verb dictionary, with actors, flags and date
 * found by the same classes as events', but kept apart from them: statements have no PLOVER type, are not events
 * and never change what the event rules see (a statement verb never enters their candidates).
 *
 * <p>A verb may give a statement when the dictionary's root-01 patterns or its own 01x code match it
 * ({@link VerbPatternMatcher} restricted to those codes) and no event trigger (hand-written or dictionary) covers
 * it; {@link StatementRules} decides which of those are statements and which are the article's attributions.
 */
final class StatementCoder {
    private final EventLexicon lex;
    private final VerbPatternMatcher verbs;
    private final RoleFiller roles;
    private final Modality modality;
    private final DateFiller dates;

    StatementCoder(CameoDictionary cameo, EventLexicon lex, RoleFiller roles, Modality modality, DateFiller dates) {
        this.lex = lex;
        // every 01x verb counts on its own code: the rules below decide, on the parse, which say something
        this.verbs = new VerbPatternMatcher(cameo, lex, "all", StatementRules::isStatementCode);
        this.roles = roles;
        this.modality = modality;
        this.dates = dates;
    }

    /** Verbs of the sentence that may give a statement: not covered by a hand-written trigger, not in masked text. */
    List<Integer> candidates(EventDoc doc, Sentence s, List<TriggerMatch> hand) {
        Set<Integer> taken = new HashSet<>();
        for (TriggerMatch m : hand) {
            taken.addAll(m.covered());
        }
        List<Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            if (doc.mask.covers(toks.get(i).begin(), toks.get(i).end())) {
                taken.add(i);
            }
        }
        return verbs.candidates(toks, taken);
    }

    /**
     * The statements of a parsed sentence.
     *
     * @param candidates from {@link #candidates}
     * @param events the sentence's event triggers (hand-written and dictionary): a verb they cover is no statement,
     *     and a plain 010 whose content holds one only reports that event
     */
    List<Statement> code(EventDoc doc, Sentence s, DepGraph g, List<Integer> candidates, List<TriggerMatch> events) {
        List<Token> toks = s.tokens();
        Set<Integer> eventTokens = new HashSet<>();
        for (TriggerMatch m : events) {
            eventTokens.addAll(m.covered());
        }
        List<EventCandidate> live = new ArrayList<>();
        for (TriggerMatch m : verbs.match(g, toks, candidates)) {
            if (eventTokens.contains(m.head()) || !keep(g, toks, m, eventTokens)) {
                continue;
            }
            EventCandidate c = new EventCandidate();
            c.match = m;
            c.head = m.head();
            c.code = m.trigger().code();
            roles.fillRoles(doc, s, g, c, Map.of(c.head, c));
            c.sources.removeIf(a -> !StatementRules.canSpeak(a));
            c.targets.removeIf(a -> !StatementRules.canSpeak(a));
            if (!c.sources.isEmpty()) {
                modality.fillFlags(g, toks, c);
                live.add(c);
            }
        }
        if (live.isEmpty()) {
            return List.of();
        }
        dates.fillDates(doc, s, g, live);
        for (EventCandidate c : live) {
            if (c.date == null) {
                c.date = reportDate(doc, toks, c);
            }
        }
        return emit(doc, s, toks, live);
    }

    private boolean keep(DepGraph g, List<Token> toks, TriggerMatch m, Set<Integer> eventTokens) {
        if (!m.trigger().code().equals(StatementRules.PLAIN)) {
            return true;
        }
        boolean reporting = lex.cue("REPORT", DepPaths.lemma(toks.get(m.head())));
        return StatementRules.saysSomething(g, m.head(), reporting) && !StatementRules.reportsEvent(g, m.head(), eventTokens);
    }

    /**
     * "said on Monday", "Monday's statement": a date next to the verb of saying dates the statement (for events
     * the date rules skip it as the date of the report).
     */
    private String reportDate(EventDoc doc, List<Token> toks, EventCandidate c) {
        for (DateNormalizer.Expr e : DateNormalizer.find(toks)) {
            boolean after = e.first() > c.match.last() && e.first() - c.match.last() <= 3;
            boolean before = e.last() + 1 == c.match.first();
            if ((after || before) && dates.isReportDate(toks, e)) {
                return e.resolve(doc.pub, c.future);
            }
        }
        return null;
    }

    /**
     * One statement per code, source, target, date and flags in an article, the first in the text: an interview
     * quoted over ten sentences ("..., the minister said." each time) is one statement by the minister, as
     * event data sets count one event per actors, code and day (Phoenix's one-a-day filter).
     */
    static List<Statement> onePerActorsAndDay(List<Statement> statements) {
        Map<List<Object>, Statement> first = new java.util.LinkedHashMap<>();
        for (Statement st : statements) {
            first.putIfAbsent(java.util.Arrays.asList(st.cameoCode(), st.source(), st.target(), st.date(), st.negated(), st.hypothetical()), st);
        }
        return List.copyOf(first.values());
    }

    /** One statement per code, source and target of a verb. */
    private List<Statement> emit(EventDoc doc, Sentence s, List<Token> toks, List<EventCandidate> live) {
        Mention sentence = new Mention(s.begin(), s.end(), s.text(doc.text.body()));
        List<Statement> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EventCandidate c : live) {
            Token first = toks.get(c.match.first());
            Token last = toks.get(c.match.last());
            Mention trigger = new Mention(first.begin(), last.end(), doc.text.text(first.begin(), last.end()));
            List<Actor> targets = c.targets.isEmpty() ? java.util.Collections.singletonList(null) : c.targets;
            for (Actor src : c.sources) {
                for (Actor tgt : targets) {
                    if (src.equals(tgt) || !seen.add(c.head + "|" + src + "|" + tgt)) {
                        continue;
                    }
                    out.add(new Statement(c.code, Statement.QUAD_CLASS, src, tgt, trigger, sentence, c.date, c.negated, c.hypothetical));
                }
            }
        }
        return out;
    }
}
