package org.newsflow.enrich.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatedActorsTest {

    private static DatedActors of(String... lines) throws IOException {
        return DatedActors.read(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void presidentBetweenTwoDatesIsGovernmentOnlyThen() throws IOException {
        DatedActors d = of("# comment", "jane doe|doe\tFRAELI@19800101-19950516 FRAGOV@19950517-20070516 FRAELI");
        assertThat(d.roleOf("jane doe", LocalDate.of(2000, 1, 1))).isEqualTo(new Role("FR", Sector.GOV, "FRAGOV"));
        assertThat(d.roleOf("doe", LocalDate.of(1995, 5, 17)).sector()).isEqualTo(Sector.GOV); // range ends inclusive
        assertThat(d.roleOf("jane doe", LocalDate.of(1990, 6, 1)).sector()).isEqualTo(Sector.ELI);
        // after the term: no range covers the date, the undated code answers
        assertThat(d.roleOf("jane doe", LocalDate.of(2010, 1, 1))).isEqualTo(new Role("FR", Sector.ELI, "FRAELI"));
        assertThat(d.roleOf("john doe", LocalDate.of(2000, 1, 1))).isNull();
    }

    @Test
    void openRangesAndCountryOnlyFallback() throws IOException {
        DatedActors d = of("a b\tRUSGOV@20080508-", "c d\tAUTGOVMIL@20030101-20051231", "e f\tUSAGOV@-19990101");
        assertThat(d.roleOf("a b", LocalDate.of(2026, 11, 29)).sector()).isEqualTo(Sector.GOV);
        assertThat(d.roleOf("a b", LocalDate.of(2000, 1, 1))).isEqualTo(new Role("RU", null, "RUS"));
        assertThat(d.roleOf("c d", LocalDate.of(2004, 3, 3))).isEqualTo(new Role("AT", Sector.GOV, "AUTGOVMIL"));
        assertThat(d.roleOf("c d", LocalDate.of(2010, 3, 3))).isEqualTo(new Role("AT", null, "AUT"));
        assertThat(d.roleOf("e f", LocalDate.of(1990, 1, 1)).sector()).isEqualTo(Sector.GOV);
    }

    @Test
    void sharedNameAnswersOnlyWhenTheEntriesAgree() throws IOException {
        DatedActors d = of("ban|x ban\tIGOUNO@20070101-", "ban|y ban\tKORGOVBUS@20041001-20061130", "lee\tKORGOV", "lee\tCHNGOV");
        // 2005: only the Korean entry has a covering range, it outranks the other's nothing
        assertThat(d.roleOf("ban", LocalDate.of(2005, 1, 1))).isEqualTo(new Role("KR", Sector.GOV, "KORGOVBUS"));
        assertThat(d.roleOf("ban", LocalDate.of(2010, 1, 1))).isEqualTo(new Role(null, Sector.IGO, "IGOUNO"));
        assertThat(d.roleOf("lee", LocalDate.of(2010, 1, 1))).isNull(); // two countries: ambiguous
        DatedActors front = of("moro front\tPHLREB", "moro front\tIMGSEAMUSASF");
        assertThat(front.roleOf("moro front", LocalDate.of(2010, 1, 1))).isEqualTo(new Role("PH", Sector.REB, "PHLREB"));
    }

    @Test
    void generatedResourceLoadsFastAndKnowsWellKnownActors() {
        long t0 = System.nanoTime();
        DatedActors d = DatedActors.load();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(d.size()).isGreaterThan(20_000);
        assertThat(ms).as("load time ms").isLessThan(3_000);
        assertThat(d.roleOf("vladimir putin", LocalDate.of(2010, 6, 1))).extracting(Role::country, Role::sector)
                .containsExactly("RU", Sector.GOV);
        assertThat(d.roleOf("ilham aliyev", LocalDate.of(2000, 6, 1))).extracting(Role::country, Role::sector)
                .containsExactly("AZ", Sector.ELI);
        assertThat(d.roleOf("ilham aliyev", LocalDate.of(2020, 6, 1)).sector()).isEqualTo(Sector.GOV);
        assertThat(d.roleOf("ban ki moon", LocalDate.of(2005, 6, 1)).country()).isEqualTo("KR");
        assertThat(d.roleOf("ban ki moon", LocalDate.of(2012, 6, 1)).sector()).isEqualTo(Sector.IGO);
        assertThat(d.roleOf("taliban", LocalDate.of(2012, 6, 1))).extracting(Role::country, Role::sector)
                .containsExactly("AF", Sector.REB);
    }
}
