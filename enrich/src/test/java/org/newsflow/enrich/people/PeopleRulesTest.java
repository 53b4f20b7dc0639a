package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;

/**
 * The finders and resolvers of the people tagger on hand-built tokens ("word/POS/lemma[/NER]"), with the real
 * lexicons and a stub country tagger: each rule without CoreNLP, so a model change cannot move these tests.
 */
class PeopleRulesTest {
    private static final PeopleTagger TAGGER = EnrichFactory.process().peopleTagger();

    private static PeopleResult tag(String... specs) {
        AnalyzedText text = HandBuiltText.of(specs);
        return TAGGER.tag(text, StubGeo.tag(text), TextMask.none());
    }

    @Test
    void titleBeforeANameGivesItsCountryAndSector() {
        PeopleResult r = tag("Armenian/JJ/armenian/MISC", "Prime/NNP/prime", "Minister/NNP/minister", "Nikol/NNP/nikol/PERSON",
                "Pashinian/NNP/pashinian/PERSON", "spoke/VBD/speak", "./././");
        PersonTag p = PeopleTesting.person(r, "Nikol Pashinian");
        assertThat(p.titles()).containsExactly("Prime Minister");
        assertThat(p.country()).isEqualTo("AM");
        ActorMention m = r.mentions().stream().filter(a -> a.is(ActorKind.PERSON)).findFirst().orElseThrow();
        assertThat(m.sector()).isEqualTo("GOV");
        assertThat(m.firstToken()).as("the actor span takes in the title and its country word").isZero();
    }

    @Test
    void honorificMakesAPersonOfAProperNounTheNerMissed() {
        PeopleResult r = tag("Mr./NNP/mr.", "Smallwood/NNP/smallwood", "declined/VBD/decline", "./././");
        assertThat(r.people()).extracting(PersonTag::name).containsExactly("Smallwood");
    }

    @Test
    void surnameLaterInTheTextIsTheSamePerson() {
        PeopleResult r = tag("Nikol/NNP/nikol/PERSON", "Pashinian/NNP/pashinian/PERSON", "arrived/VBD/arrive", "and/CC/and",
                "Pashinian/NNP/pashinian/PERSON", "spoke/VBD/speak", "./././");
        assertThat(r.people()).extracting(PersonTag::name).containsExactly("Nikol Pashinian");
        assertThat(r.people().get(0).mentions()).isEqualTo(2);
        assertThat(r.people().get(0).evidence()).extracting(m -> m.kind()).containsExactly("NAME", "NAME");
    }

    @Test
    void nationalMinistryIsAnOrganizationOfItsCountry() {
        PeopleResult r = tag("The/DT/the", "Armenian/JJ/armenian", "Defense/NNP/defense", "Ministry/NNP/ministry", "said/VBD/say", "./././");
        OrganizationTag o = PeopleTesting.org(r, "Armenian Defense Ministry");
        assertThat(o.country()).isEqualTo("AM");
        assertThat(r.mentions()).filteredOn(a -> a.is(ActorKind.ORGANIZATION)).extracting(ActorMention::sector).containsOnly("MIL");
    }

    @Test
    void groupNounWithACountryWordIsAnUnnamedActor() {
        PeopleResult r = tag("Azerbaijani/JJ/azerbaijani", "armed/JJ/armed", "forces/NNS/force", "shelled/VBD/shell", "the/DT/the",
                "village/NN/village", "./././");
        ActorMention m = r.mentions().stream().filter(a -> a.is(ActorKind.UNNAMED)).findFirst().orElseThrow();
        assertThat(m.country()).isEqualTo("AZ");
        assertThat(m.name()).isEqualTo("Azerbaijani armed forces");
        assertThat(m.actorKind()).isEqualTo(ActorKind.UNNAMED);
    }

    @Test
    void wireServiceIsNeverAPerson() {
        PeopleResult r = tag("Reuters/NNP/reuters/PERSON", "reported/VBD/report", "the/DT/the", "talks/NNS/talk", "./././");
        assertThat(r.people()).isEmpty();
    }
}
