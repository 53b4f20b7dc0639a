package org.newsflow.enrich.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseSectorsTest {
    private static final PhraseSectors SECTORS = new PhraseSectors(
            List.of(new PhraseSectors.Row(List.of("official"), Sector.GOV), new PhraseSectors.Row(List.of("police"), Sector.COP)),
            AgentDictionary.load());

    /** Sector of a phrase whose tokens sit at positions 0..n-1, the head at {@code head}. */
    private static Sector of(String lemmas, String text, int head) {
        List<String> l = Arrays.asList(lemmas.split(" "));
        List<Integer> pos = new java.util.ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            pos.add(i);
        }
        return SECTORS.sectorOf(l, Arrays.asList(text.toLowerCase().split(" ")), pos, head);
    }

    @Test
    void handWrittenWordsFirstThenPhoenixAgentsOnTheHead() {
        assertThat(of("senior hungarian official", "Senior Hungarian officials", 2)).isEqualTo(Sector.GOV);
        assertThat(of("police", "police", 0)).isEqualTo(Sector.COP);
        assertThat(of("jewish settler", "Jewish settlers", 1)).isEqualTo(Sector.CVL);
        assertThat(of("the opposition leader", "the opposition leader", 2)).isEqualTo(Sector.OPP);
        assertThat(of("hacker", "hackers", 0)).isNull();
    }

    @Test
    void anAgentNounThatIsNotTheHeadGivesNothing() {
        assertThat(of("television time", "television time", 1)).isNull();
        assertThat(of("artillery duel", "artillery duels", 1)).isNull();
        assertThat(of("artillery", "artillery", 0)).isEqualTo(Sector.MIL);
    }
}
