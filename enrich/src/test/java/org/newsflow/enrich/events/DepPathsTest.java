package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;

/** Dependency-graph queries on a hand-built parse of "forces opened fire on Armenian positions". No CoreNLP. */
class DepPathsTest {
    // 0 forces  1 opened  2 fire  3 on  4 Armenian  5 positions
    private static final AnalyzedText TEXT = HandBuiltText.of("forces/NNS/force", "opened/VBD/open", "fire/NN/fire", "on/IN/on",
            "Armenian/JJ/armenian/MISC", "positions/NNS/position");
    private static final DepGraph GRAPH = new DepGraph(new int[] {1, -1, 1, 5, 5, 1},
            new String[] {"nsubj", "root", "obj", "case", "amod", "obl"});

    @Test
    void caseOfAnOblIsItsPreposition() {
        assertThat(DepPaths.caseOf(GRAPH, TEXT.tokens(), 5)).isEqualTo("on");
        assertThat(DepPaths.hasCase(GRAPH, TEXT.tokens(), 5, "on")).isTrue();
    }

    @Test
    void phraseOfANounTakesItsModifiersInTextOrder() {
        assertThat(DepPaths.phrase(GRAPH, TEXT.tokens(), 5)).containsExactly(3, 4, 5);
    }

    @Test
    void subjectsOfTheVerb() {
        assertThat(DepPaths.subjectsOf(GRAPH, 1)).containsExactly(0);
        assertThat(DepPaths.isPassive(GRAPH, 1)).isFalse();
    }

    @Test
    void lemmaFallsBackToTheLowerCaseWord() {
        assertThat(DepPaths.lemma(TEXT.tokens().get(1))).isEqualTo("open");
    }
}
