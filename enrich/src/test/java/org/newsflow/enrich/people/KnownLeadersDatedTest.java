package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Who a person name refers to as of a date: the dated Phoenix actors first, the office holders list after. No CoreNLP. */
class KnownLeadersDatedTest {
    private static final KnownLeaders KNOWN = new KnownLeaders(Leaders.load(), Lexicon.load());

    @Test
    void roleAsOfThePublicationDate() {
        assertThat(KNOWN.leader("Vladimir Putin", LocalDate.of(2012, 3, 1)))
                .extracting(Leaders.Leader::country, Leaders.Leader::sector).containsExactly("RU", "GOV");
        assertThat(KNOWN.leader("President Putin", LocalDate.of(2012, 3, 1)).country()).isEqualTo("RU");
        // before his term Obama is a US person without a government role
        assertThat(KNOWN.leader("Barack Obama", LocalDate.of(2005, 1, 1)))
                .extracting(Leaders.Leader::country, Leaders.Leader::sector).containsExactly("US", null);
        assertThat(KNOWN.leader("Barack Obama", LocalDate.of(2010, 1, 1)).sector()).isEqualTo("GOV");
        assertThat(KNOWN.leader("Ilham Aliyev", LocalDate.of(2001, 1, 1)).sector()).isEqualTo("ELI");
    }

    @Test
    void officeHoldersTheDictionaryDoesNotCoverComeFromTheList() {
        assertThat(KNOWN.leader("Antony Blinken", LocalDate.of(2023, 1, 1)))
                .extracting(Leaders.Leader::country, Leaders.Leader::sector).containsExactly("US", "GOV");
        assertThat(KNOWN.leader("Nikol Pashinian", null).country()).isEqualTo("AM");
        assertThat(KNOWN.leader("Reggie Bush", LocalDate.of(2010, 1, 1))).isNull();
    }

    @Test
    void undatedMeansToday() {
        assertThat(KNOWN.leader("Ilham Aliyev", null)).extracting(Leaders.Leader::country, Leaders.Leader::sector)
                .containsExactly("AZ", "GOV");
    }
}
