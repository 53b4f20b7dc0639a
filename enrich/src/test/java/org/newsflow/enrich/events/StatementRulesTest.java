package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Actor;

/** The statement rules on hand-built dependency graphs (sentences written for the test). */
class StatementRulesTest {

    // "Chile said Peru attacked the post ." : said(1) root; Chile(0) nsubj; attacked(3) ccomp; Peru(2) nsubj of attacked
    private static final DepGraph SAID_THAT = new DepGraph(
            new int[] {1, -1, 3, 1, 5, 3, 1},
            new String[] {"nsubj", "root", "nsubj", "ccomp", "det", "obj", "punct"});

    // "Peru attacked the post , Chile said ." : attacked(1) root; said(6) parataxis of attacked
    private static final DepGraph SAID_AFTER = new DepGraph(
            new int[] {1, -1, 3, 1, 6, 6, 1, 1},
            new String[] {"nsubj", "root", "det", "obj", "punct", "nsubj", "parataxis", "punct"});

    // "Peru will free them as Chile announced ." : the parser made announced(6) an advcl of free(2)
    private static final DepGraph ANNOUNCED_UNDER = new DepGraph(
            new int[] {2, 2, -1, 2, 6, 6, 2, 2},
            new String[] {"nsubj", "aux", "root", "obj", "mark", "nsubj", "advcl", "punct"});

    @Test
    void aSayingWhoseContentHoldsAnEventOnlyReportsIt() {
        assertThat(StatementRules.reportsEvent(SAID_THAT, 1, Set.of(3))).isTrue();
        assertThat(StatementRules.reportsEvent(SAID_THAT, 1, Set.of())).isFalse();
        // the speaker is not the content: an event word in the subject does not make the saying a report
        assertThat(StatementRules.reportsEvent(SAID_THAT, 1, Set.of(0))).isFalse();
    }

    @Test
    void aReportingClauseHangingOnTheEventReportsIt() {
        assertThat(StatementRules.reportsEvent(SAID_AFTER, 6, Set.of(1))).isTrue();
        assertThat(StatementRules.reportsEvent(SAID_AFTER, 6, Set.of())).isFalse();
        assertThat(StatementRules.reportsEvent(ANNOUNCED_UNDER, 6, Set.of(2))).isTrue();
        assertThat(StatementRules.reportsEvent(ANNOUNCED_UNDER, 6, Set.of())).isFalse();
    }

    // "Peru fired at boats , hitting one , Chile said and Peru denied ." : the parser hung said(8) on one(6) (dep);
    // denied(11) is a conj of said
    private static final DepGraph SAID_AS_DEP = new DepGraph(
            new int[] {1, -1, 3, 1, 1, 1, 5, 8, 6, 11, 11, 8, 1},
            new String[] {"nsubj", "root", "case", "obl", "punct", "advcl", "obj", "nsubj", "dep", "cc", "nsubj", "conj", "punct"});

    @Test
    void aSayingHangingBelowAnEventReportsItButACoordinatedOneDoesNot() {
        assertThat(StatementRules.reportsEvent(SAID_AS_DEP, 8, Set.of(1))).isTrue();
        assertThat(StatementRules.reportsEvent(SAID_AS_DEP, 8, Set.of(5))).isTrue();
        // "... and Peru denied": coordinated with the saying, not below the firing through it
        assertThat(StatementRules.reportsEvent(SAID_AS_DEP, 11, Set.of(5))).isFalse();
    }

    @Test
    void aPlainStatementNeedsAVerbOfSaying() {
        assertThat(StatementRules.saysSomething(SAID_THAT, 1, false)).isTrue();   // takes a complement clause
        assertThat(StatementRules.saysSomething(SAID_AFTER, 6, false)).isTrue();  // hangs on what it reports
        assertThat(StatementRules.saysSomething(ANNOUNCED_UNDER, 2, false)).isFalse(); // "free them": no content
        assertThat(StatementRules.saysSomething(ANNOUNCED_UNDER, 2, true)).isTrue();   // a reporting verb
    }

    @Test
    void speakersAreActorsNotTheArticlesSources() {
        assertThat(StatementRules.canSpeak(new Actor("CL", "Chile", "COUNTRY", null))).isTrue();
        assertThat(StatementRules.canSpeak(new Actor(null, "Red Cross", "ORGANIZATION", "NGO"))).isTrue();
        assertThat(StatementRules.canSpeak(new Actor(null, "Ana Ruiz", "PERSON", "GOV"))).isTrue();
        assertThat(StatementRules.canSpeak(new Actor("CL", "Chilean officials", "UNNAMED", "GOV"))).isTrue();
        assertThat(StatementRules.canSpeak(new Actor(null, "officials", "UNNAMED", "GOV"))).isFalse();
        assertThat(StatementRules.canSpeak(new Actor("CL", "Ana Ruiz", "PERSON", null))).isFalse();
        assertThat(StatementRules.canSpeak(new Actor("CL", "residents", "UNNAMED", "CVL"))).isFalse();
        assertThat(StatementRules.canSpeak(null)).isFalse();
        assertThat(StatementRules.canSpeak(new Actor(null, "Example Wire", "ORGANIZATION", "MED"))).isFalse();
        assertThat(StatementRules.canSpeak(new Actor("CL", "Chilean state television", "UNNAMED", "MED"))).isFalse();
    }

    @Test
    void statementCodesAreRoot01() {
        assertThat(StatementRules.isStatementCode("010")).isTrue();
        assertThat(StatementRules.isStatementCode("0141")).isTrue();
        assertThat(StatementRules.isStatementCode("01")).isFalse();
        assertThat(StatementRules.isStatementCode("112")).isFalse();
        assertThat(StatementRules.isStatementCode(null)).isFalse();
    }
}
