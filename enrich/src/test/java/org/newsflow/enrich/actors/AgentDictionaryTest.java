package org.newsflow.enrich.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentDictionaryTest {
    private static final AgentDictionary AGENTS = AgentDictionary.load();

    private static List<AgentDictionary.Match> find(AgentDictionary d, String lemmas, String text) {
        return d.find(Arrays.asList(lemmas.split(" ")), Arrays.asList(text.toLowerCase().split(" ")));
    }

    @Test
    void roleNounsGiveTheirSector() {
        assertThat(AGENTS.sectorOfWord("police")).isEqualTo(Sector.COP);
        assertThat(AGENTS.sectorOfWord("settler")).isEqualTo(Sector.CVL);
        assertThat(AGENTS.sectorOfWord("rebel")).isEqualTo(Sector.REB);
        assertThat(AGENTS.sectorOfWord("journalist")).isEqualTo(Sector.MED);
        assertThat(AGENTS.sectorOfWord("refugee")).isEqualTo(Sector.REF);
        assertThat(AGENTS.sectorOfWord("hacker")).isNull();
        assertThat(AGENTS.sectorOfWord("table")).isNull();
    }

    @Test
    void pluralsMatchThroughTheLemmaAndTheLongestPhraseWins() {
        assertThat(find(AGENTS, "jewish settler", "Jewish settlers")).extracting(AgentDictionary.Match::sector).contains(Sector.CVL);
        List<AgentDictionary.Match> riot = find(AGENTS, "the riot police", "the riot police");
        assertThat(riot).first().extracting(AgentDictionary.Match::start, AgentDictionary.Match::length, AgentDictionary.Match::sector)
                .containsExactly(1, 2, Sector.COP);
        assertThat(find(AGENTS, "hacker", "hackers")).isEmpty();
    }

    @Test
    void readsTheGeneratedFormat() throws IOException {
        AgentDictionary d = AgentDictionary.read(new BufferedReader(new StringReader(
                "# header\nopposition leader\tOPP\nleader\tGOV\nmonk\tBUD\nradical\tRAD\n")));
        assertThat(find(d, "the opposition leader", "the opposition leader")).singleElement()
                .extracting(AgentDictionary.Match::sector).isEqualTo(Sector.OPP);
        assertThat(d.sectorOfWord("monk")).isEqualTo(Sector.REL); // a religion folds into REL
        assertThat(d.sectorOfWord("radical")).isNull(); // a modifier code gives no sector
    }

    @Test
    void sectorCodes() {
        assertThat(Sector.ofAgents("GOVMED")).isEqualTo(Sector.GOV);
        assertThat(Sector.ofAgents("MUSRAD")).isEqualTo(Sector.REL);
        assertThat(Sector.ofAgents("RADREB")).isEqualTo(Sector.REB);
        assertThat(Role.ofCode("IGOUNO")).isEqualTo(new Role(null, Sector.IGO, "IGOUNO"));
        assertThat(Role.ofCode("PSEREBHMS")).isEqualTo(new Role("PS", Sector.REB, "PSEREBHMS"));
        assertThat(Role.ofCode("IMGMUSALQ").sector()).isEqualTo(Sector.REB);
    }
}
