package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EventLexiconTest {
    private static final Set<String> PLOVER = Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
            "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT");

    @Test
    void everyTriggerHasAPloverTypeAndQuadClass() {
        EventLexicon lex = EventLexicon.loadDefault();
        assertThat(lex.triggers()).hasSizeGreaterThan(150);
        for (EventLexicon.Trigger t : lex.triggers()) {
            assertThat(PLOVER).as(t.pattern()).contains(lex.ploverType(t.code()));
            assertThat(lex.codeInfo(t.code()).quadClass()).isBetween(1, 4);
        }
    }

    @Test
    void exceptionsOfTheCameoToPloverTable() {
        EventLexicon lex = EventLexicon.loadDefault();
        assertThat(lex.ploverType("163")).isEqualTo("COERCE");
        assertThat(lex.ploverType("0841")).isEqualTo("RETREAT");
        assertThat(lex.ploverType("081")).isEqualTo("CONCEDE");
        assertThat(lex.ploverType("192")).isEqualTo("COERCE");
        assertThat(lex.ploverType("193")).isEqualTo("ASSAULT");
        assertThat(lex.ploverType("015")).isNull();
    }

    @Test
    void countryCodes() {
        assertThat(CountryCodes.alpha3("AM")).isEqualTo("ARM");
        assertThat(CountryCodes.alpha2("AZE")).isEqualTo("AZ");
        assertThat(CountryCodes.alpha3("PS")).isEqualTo("PSE");
    }
}
