package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Statement;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.people.PeopleResult;

/** CAMEO 01x statements on sentences the team wrote: which are statements, which are attributions. */
class StatementCoderTest {
    private static NlpPipeline nlp;
    private static EventTagger tagger;
    private static final LocalDate MONDAY = LocalDate.of(2023, 3, 6);

    @BeforeAll
    static void load() {
        nlp = NlpPipeline.shared();
        tagger = org.newsflow.enrich.EnrichFactory.process().eventTagger();
    }


    private static EventTagger.Coded code(String body, String... geo) {
        AnalyzedText t = nlp.analyze(body);
        return tagger.code(t, HandGeo.of(t, geo), new PeopleResult(List.of(), List.of(), List.of()), TextMask.none(), MONDAY);
    }

    private static List<String> types(EventTagger.Coded c) {
        return c.events().stream().map(e -> e.type()).toList();
    }

    @Test
    void aPublicStatementOfAnActorIsCodedWithItsDate() {
        EventTagger.Coded c = code("Spain's foreign minister said on Tuesday that relations with Morocco were stronger than ever.",
                "Spain=ES:NAME", "Morocco=MA:NAME");
        assertThat(c.events()).isEmpty();
        assertThat(c.statements()).hasSize(1);
        Statement st = c.statements().get(0);
        assertThat(st.cameoCode()).isEqualTo("010");
        assertThat(st.quadClass()).isZero();
        assertThat(st.source().country()).isEqualTo("ES");
        assertThat(st.source().sector()).isEqualTo("GOV");
        assertThat(st.trigger().text()).isEqualTo("said");
        assertThat(st.sentence().begin()).isZero();
        assertThat(st.date()).isEqualTo("2023-02-28"); // "on Tuesday" before Monday 2023-03-06: the report's date is the statement's
        assertThat(st.negated()).isFalse();
    }

    @Test
    void specificCodesComeFromTheDictionaryAndKeepTheirFlags() {
        Statement concern = code("Japan expressed concern about the tension in the region.", "Japan=JP:NAME").statements().get(0);
        assertThat(concern.cameoCode()).isEqualTo("012");
        assertThat(concern.source().country()).isEqualTo("JP");
        assertThat(concern.negated()).isFalse();
        List<Statement> not = code("Japan did not express concern about the tension in the region.", "Japan=JP:NAME").statements();
        assertThat(not).singleElement().satisfies(st -> assertThat(st.negated()).isTrue());
    }

    @Test
    void aSayingThatReportsAnEventIsOnlyItsAttribution() {
        EventTagger.Coded after = code("Colombian troops attacked a rebel camp near the border, the Colombian army said.", "Colombian=CO:DEMONYM");
        assertThat(after.statements()).isEmpty();
        assertThat(types(after)).containsExactly("ASSAULT");
        EventTagger.Coded before = code("Chile's president said his government would send aid to Peru.", "Chile=CL:NAME", "Peru=PE:NAME");
        assertThat(before.statements()).isEmpty();
        assertThat(types(before)).isNotEmpty();
        // a reporting clause the parser hangs on a word of the event's clause
        EventTagger.Coded inside = code("Norwegian coast guard ships fired water cannon at Russian trawlers near the island on Sunday, "
                + "damaging one boat, the Russian government said, in the latest of a series of incidents.",
                "Norwegian=NO:DEMONYM", "Russian=RU:DEMONYM");
        assertThat(inside.statements()).isEmpty();
        assertThat(types(inside)).contains("ASSAULT");
    }

    @Test
    void theArticlesSourcesMakeNoStatements() {
        assertThat(code("Witnesses said the streets of the Chilean capital were quiet.", "Chilean=CL:DEMONYM").statements()).isEmpty();
        assertThat(code("Officials said the streets of the capital were quiet.").statements()).isEmpty();
        assertThat(code("\"The streets are quiet now,\" said Ana Ruiz, a Chilean shopkeeper.", "Chilean=CL:DEMONYM").statements()).isEmpty();
    }

    @Test
    void anInterviewQuotedOverSeveralSentencesIsOneStatement() {
        EventTagger.Coded c = code("Chile's foreign minister said the border was calm. \"We expect a quiet week,\" Chile's foreign minister said. "
                + "Japan expressed concern about the region.", "Chile=CL:NAME", "Japan=JP:NAME");
        assertThat(c.statements()).extracting(Statement::cameoCode).containsExactly("010", "012");
        assertThat(c.statements().get(0).trigger().begin()).isLessThan(40); // the first one in the text stays
    }

    @Test
    void aDictionary010VerbThatSaysNothingIsNoStatement() {
        // ESTIMATE verbs carry CAMEO 010 in the dictionary, but an estimate of damage is not a public statement
        assertThat(code("Chilean officials estimated the damage at 40 million dollars.", "Chilean=CL:DEMONYM").statements()).isEmpty();
    }
}
