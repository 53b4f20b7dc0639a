package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsflow.enrich.people.PeopleTesting.org;
import static org.newsflow.enrich.people.PeopleTesting.person;
import static org.newsflow.enrich.people.PeopleTesting.tag;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.pipeline.ArticleDoc;

/**
 * Well-known office holders (people/leaders.tsv) give a person a country only when the text states none; the
 * text always wins. Sentences written for this test.
 */
class LeadersTest {
    private static final NlpPipeline nlp = NlpPipeline.shared();
    private static final PeopleTagger tagger = PeopleTesting.TAGGER;

    private static ActorMention actor(PeopleResult r, String name) {
        return r.mentions().stream().filter(m -> m.is(ActorKind.PERSON) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no actor " + name + " in " + r.mentions()));
    }

    @Test
    void titledSurnameGetsCountryFromTheList() {
        PeopleResult r = tag("President Obama said on Monday that the talks would continue.");
        assertThat(person(r, "Obama").country()).isEqualTo("US");
        assertThat(actor(r, "Obama").country()).isEqualTo("US");
        assertThat(actor(r, "Obama").sector()).isEqualTo("GOV");
    }

    @Test
    void fullNameWithoutTitleGetsCountryAndSector() {
        PeopleResult r = tag("Barack Obama visited the factory and spoke to workers.");
        assertThat(person(r, "Barack Obama").country()).isEqualTo("US");
        assertThat(actor(r, "Barack Obama").sector()).isEqualTo("GOV");
    }

    @Test
    void textEvidenceWins() {
        // a country stated by the text is kept even when the list says another one (sentence made up for the test)
        PeopleResult r = tag("Ukrainian Foreign Minister John Kerry arrived late for the dinner.");
        assertThat(person(r, "John Kerry").country()).isEqualTo("UA");
        assertThat(actor(r, "John Kerry").country()).isEqualTo("UA");
        // and the list agrees with the text here: still the text's
        assertThat(person(tag("Russian President Vladimir Putin spoke."), "Vladimir Putin").country()).isEqualTo("RU");
    }

    @Test
    void otherPeopleWithALeadersSurnameGetNothing() {
        PeopleResult r = tag("Reggie Bush scored twice on Sunday.");
        assertThat(person(r, "Reggie Bush").country()).isNull();
        assertThat(actor(r, "Reggie Bush").country()).isNull();
    }

    @Test
    void formerOfficeHolderGetsCountryButNoSector() {
        PeopleResult r = tag("Former President Bill Clinton spoke at the dinner.");
        assertThat(person(r, "Bill Clinton").country()).isEqualTo("US");
        assertThat(actor(r, "Bill Clinton").sector()).isNull();
    }

    @Test
    void lookUpRules() {
        assertThat(tagger.leader("Kim Jong Un").country()).isEqualTo("KP");
        assertThat(tagger.leader("Kim Jong-un").country()).isEqualTo("KP");
        assertThat(tagger.leader("George Bush").country()).isEqualTo("US");
        assertThat(tagger.leader("Mahmud Abbas").country()).isEqualTo("PS");
        assertThat(tagger.leader("President Bush").country()).isEqualTo("US");
        // surname shared by office holders of two countries, marked full-name-only
        assertThat(tagger.leader("Suleiman")).isNull();
        assertThat(tagger.leader("Jenna Bush")).isNull();
        assertThat(tagger.leader("")).isNull();
    }

    @Test
    void personNameIsNotATownWithTheRealCountryTagger() {
        AnalyzedText text = nlp.analyze("President Barack Obama met Japanese Prime Minister Shinzo Abe in Tokyo on Monday. "
                + "Obama praised the alliance, and Abe thanked him.");
        ArticleDoc r = ArticleDoc.ofText(text, null);
        org.newsflow.enrich.EnrichFactory.process().countriesAndPeoplePipeline().annotate(r);
        assertThat(r.geo().countries()).extracting(CountryTag::code).containsExactly("JP");
        assertThat(r.geo().mentions()).extracting(GeoMention::text).doesNotContain("Obama");
        assertThat(person(r.people(), "Barack Obama").country()).isEqualTo("US");
        assertThat(person(r.people(), "Shinzo Abe").country()).isEqualTo("JP");
    }

    @Test
    void oneLeadersFile() {
        assertThat(LeadersTest.class.getResource("/people/leaders.tsv")).isNotNull();
        assertThat(LeadersTest.class.getResource("/events/leaders.tsv")).isNull();
        assertThat(List.of(Leaders.load().size())).allMatch(n -> n > 150);
    }
}
