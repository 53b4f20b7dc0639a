package org.newsflow.enrich.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.newsflow.contract.Actor;

/**
 * Which CAMEO 01x dictionary matches are public statements worth publishing, and which are only the way the
 * article reports something. Pure functions of the dependency graph and the resolved actors.
 *
 * <ul>
 *   <li><b>A speaker the consumer can count</b> ({@link #canSpeak}): a country, an organization, or a person or
 *       group with a non-civilian sector. "Armenia's Foreign Ministry said", "Hamas said", "President X told
 *       reporters" are statements; "officials said", "witnesses said", "Maria Lopez, a trader, said" are the
 *       article's sources. The same holds for the target ("told reporters" has none).</li>
 *   <li><b>A plain "make statement" (010) is not a report of an event</b> ({@link #reportsEvent}): when the
 *       saying verb's content holds an event trigger ("Obama said the US would impose sanctions", "X said its
 *       troops had fired", "fighting resumed, the ministry said"), the event is the news and is coded as such (and
 *       an accusation by the claim rule); the verb only attributes it.</li>
 *   <li><b>A plain 010 needs a verb of saying</b> ({@link #saysSomething}): a reporting verb ("say", "announce",
 *       "state", "explain": the {@code REPORT} cues) or a verb that carries reported content (a complement clause
 *       or a quotation it hangs on). The dictionary also gives 010 to "total", "count", "see", "spread": "the toll
 *       totalled 40" is no statement.</li>
 *   <li>The specific codes (011 decline comment ... 019 express accord) come from the dictionary's patterns or
 *       verbs and are kept with an event in their content: "denied responsibility for the attack" is 016 whatever
 *       the attack is.</li>
 * </ul>
 */
final class StatementRules {
    /** CAMEO 010, "make statement, not specified below": the code of every bare verb of saying. */
    static final String PLAIN = "010";

    private StatementRules() {}

    /** The code is a statement's: root 01, three or four digits. */
    static boolean isStatementCode(String code) {
        return code != null && code.startsWith("01") && (code.length() == 3 || code.length() == 4);
    }

    /**
     * An actor in CAMEO's sense, whose statements a consumer counts: a country, an organization, a person with a
     * sector other than civilians (a title or an agent noun gave it one: GOV, MIL, OPP, IGO, REB...), or an unnamed
     * group with such a sector and a country ("Armenian officials", not "officials"). A
     * person or group the article only names or places ("Maria Lopez, a market trader", "residents", "a political
     * scientist in Lima", "witnesses") is a source the article quotes, not an actor making a public statement; so are
     * the news media (sector MED: "Reuters reported", "state television said").
     */
    static boolean canSpeak(Actor a) {
        if (a == null || "MED".equals(a.sector())) {
            return false; // "Reuters reported", "state television said": the news media are how the article knows
        }
        if ("COUNTRY".equals(a.kind()) || "ORGANIZATION".equals(a.kind())) {
            return true;
        }
        boolean actorSector = a.sector() != null && !a.sector().equals("CVL");
        // an unnamed group also needs its country: "officials said", "police said" are the article's sources
        return actorSector && (a.country() != null || "PERSON".equals(a.kind()));
    }

    /**
     * The verb says something: a reporting verb, or a verb with a complement clause ({@code ccomp}) or hanging on
     * the clause it reports ({@code parataxis}, the "..., X said" order).
     */
    static boolean saysSomething(DepGraph g, int v, boolean reportingVerb) {
        return reportingVerb || g.is(v, "parataxis") || !g.children(v, "ccomp").isEmpty() || !g.children(v, "parataxis").isEmpty();
    }

    /**
     * Whether the verb at {@code v} reports an event of the sentence (a trigger token in {@code eventTokens}): one
     * in its content (its dependents other than its subject: complement clauses, objects, obliques), or, for a
     * reporting clause that hangs on the reported one ("X attacked Y, officials said": {@code parataxis}; "X said
     * a shell was fired" parsed with the saying as {@code csubj}), in the clause it hangs on; and a saying that
     * hangs anywhere below an event ("... as X announced it would free ..." parsed with {@code announced} an
     * {@code advcl} of {@code free}; "fired at the boats, damaging one, the government said" with {@code said} a
     * {@code dep} of {@code one}): the parser puts a reporting clause wherever, but never makes it the reported
     * event's governor. A saying coordinated with an event is an act of its own ("rejected the result and said it
     * would appeal"): the walk up stops at a {@code conj}.
     */
    static boolean reportsEvent(DepGraph g, int v, Set<Integer> eventTokens) {
        if (contains(g, v, v, eventTokens)) {
            return true;
        }
        int p = g.head(v);
        if (p >= 0 && (g.is(v, "parataxis") || g.rel(v).startsWith("csubj")) && contains(g, p, v, eventTokens)) {
            return true;
        }
        for (int x = v, steps = 0; g.head(x) >= 0 && !g.is(x, "conj") && steps < g.size(); x = g.head(x), steps++) {
            if (eventTokens.contains(g.head(x))) {
                return true;
            }
        }
        return false;
    }

    /** An event token under {@code root} (itself included, except the verb), skipping subjects of the verb and the subtree of {@code skip}. */
    private static boolean contains(DepGraph g, int root, int skip, Set<Integer> eventTokens) {
        Deque<Integer> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            int x = todo.pop();
            if (x != skip && eventTokens.contains(x)) {
                return true;
            }
            for (int d : g.children(x)) {
                boolean subjectOfVerb = x == skip && (g.rel(d).startsWith("nsubj") || g.rel(d).startsWith("csubj"));
                if (d != skip && !subjectOfVerb) {
                    todo.push(d);
                }
            }
        }
        return false;
    }
}
