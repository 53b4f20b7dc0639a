package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsflow.enrich.people.PeopleTesting.org;
import static org.newsflow.enrich.people.PeopleTesting.person;
import static org.newsflow.enrich.people.PeopleTesting.tag;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;

/**
 * The people tagger on CoreNLP's real tokens and NER (loaded once) and a stub country tagger: the golden level, one
 * behaviour per test. The rules alone are tested on hand-built tokens in {@link PeopleRulesTest} and
 * {@link PersonResolverTest} (a bare surname joining the full name, namesakes by first name, live there only).
 */
class PeopleTaggerTest {
    private static final NlpPipeline nlp = NlpPipeline.shared();
    private static final PeopleTagger tagger = PeopleTesting.TAGGER;

    private static List<String> names(PeopleResult r) {
        return r.people().stream().map(PersonTag::name).toList();
    }

    // ------------------------------------------------------------------------------------------- titles, countries

    @Test
    void prefixedTitleGivesRoleCountryAndSector() {
        PeopleResult r = tag("Armenian Prime Minister Nikol Pashinian met Russian President Vladimir Putin.");
        PersonTag p = person(r, "Nikol Pashinian");
        assertThat(p.titles()).containsExactly("Prime Minister");
        assertThat(p.country()).isEqualTo("AM");
        assertThat(person(r, "Vladimir Putin").country()).isEqualTo("RU");
        ActorMention m = r.mentions().stream().filter(a -> a.name().equals("Nikol Pashinian")).findFirst().orElseThrow();
        assertThat(m.actorKind()).isEqualTo(ActorKind.PERSON);
        assertThat(m.sector()).isEqualTo("GOV");
        // the actor span covers the title and its country word
        assertThat(m.begin()).isZero();
    }

    @Test
    void lowerCaseTitleBeforeCommaAppositive() {
        PeopleResult r = tag("The talks were held under the aegis of the American secretary of State, Antony Blinken.");
        PersonTag p = person(r, "Antony Blinken");
        assertThat(p.titles()).containsExactly("Secretary of State");
        assertThat(p.country()).isEqualTo("US");
        assertThat(r.organizations()).as("'State' in the title is not an organization").isEmpty();
    }

    @Test
    void titleAfterTheNameInAppositive() {
        PeopleResult r = tag("Sergei Lavrov, the Russian foreign minister, said Moscow would respond.");
        PersonTag p = person(r, "Sergei Lavrov");
        assertThat(p.titles()).containsExactly("Foreign Minister");
        assertThat(p.country()).isEqualTo("RU");
    }

    @Test
    void militaryTitlesAndFormerOfficials() {
        PeopleResult r = tag("General Valery Gerasimov inspected the troops, while former President Dmitry Medvedev warned the West.");
        ActorMention general = r.mentions().stream().filter(a -> a.name().equals("Valery Gerasimov")).findFirst().orElseThrow();
        assertThat(general.sector()).isEqualTo("MIL");
        PersonTag former = person(r, "Dmitry Medvedev");
        assertThat(former.titles()).containsExactly("Former President");
        ActorMention fm = r.mentions().stream().filter(a -> a.name().equals("Dmitry Medvedev")).findFirst().orElseThrow();
        assertThat(fm.sector()).as("a former president does not act for the government").isNull();
    }

    @Test
    void spokesmanTakesCountryAndSectorFromTheOrganization() {
        PeopleResult r = tag("Kremlin spokesman Dmitry Peskov said the White House had not called.");
        PersonTag p = person(r, "Dmitry Peskov");
        assertThat(p.titles()).containsExactly("Spokesman");
        assertThat(p.country()).isEqualTo("RU");
        assertThat(org(r, "White House").country()).isEqualTo("US");
    }

    @Test
    void noCountryWhenTheTextDoesNotSayIt() {
        // not a listed office holder (people/leaders.tsv): the text does not say, so no country
        PeopleResult r = tag("Anna Karapetyan spoke on Monday.");
        assertThat(person(r, "Anna Karapetyan").country()).isNull();
        assertThat(person(r, "Anna Karapetyan").titles()).isEmpty();
        // a listed office holder gets the list's country (see LeadersTest)
        assertThat(person(tag("Nikol Pashinian spoke on Monday."), "Nikol Pashinian").country()).isEqualTo("AM");
    }

    // ----------------------------------------------------------------------------------------------- coreference

    @Test
    void honorificAndTitleMentionsMerge() {
        PeopleResult r = tag("Ilham Aliyev arrived in Moscow. Mr. Aliyev met reporters, and President Aliyev said he was hopeful.");
        assertThat(names(r)).containsExactly("Ilham Aliyev");
        PersonTag p = r.people().get(0);
        assertThat(p.mentions()).isEqualTo(3);
        assertThat(p.titles()).containsExactly("President");
        assertThat(p.key()).isEqualTo("ilham aliyev");
    }

    @Test
    void sameSurnameDifferentFirstNamesStaySeparate() {
        PeopleResult r = tag("North Korean leader Kim Jong Un met his sister Kim Yo Jong in Pyongyang.");
        assertThat(names(r)).containsExactly("Kim Jong Un", "Kim Yo Jong");
    }

    @Test
    void fullestFormIsCanonical() {
        PeopleResult r = tag("Erdogan arrived first. Turkish President Recep Tayyip Erdogan then called the press.");
        assertThat(names(r)).containsExactly("Recep Tayyip Erdogan");
        assertThat(r.people().get(0).mentions()).isEqualTo(2);
        assertThat(r.people().get(0).country()).isEqualTo("TR");
    }

    @Test
    void quotedNicknameStaysInsideOneNameAndAddressesAreNotPeople() {
        PeopleResult r = tag("Police charged him in the beating of Katherine \"Kay\" Parsons, who lived at 1199 N. Poplar St. in the city.");
        assertThat(r.people()).hasSize(1);
        assertThat(r.people().get(0).key()).isEqualTo("katherine kay parsons");
    }

    // ------------------------------------------------------------------------------------------- unnamed actors

    @Test
    void titlesWithoutNamesAreUnnamedActorsNotPeople() {
        PeopleResult r = tag("The foreign ministers of these two rival countries must go to the United States for talks.");
        assertThat(r.people()).isEmpty();
        ActorMention m = r.mentions().stream().filter(a -> a.is(ActorKind.UNNAMED)).findFirst().orElseThrow();
        assertThat(m.name()).isEqualTo("foreign ministers");
        assertThat(m.sector()).isEqualTo("GOV");
        assertThat(m.country()).isNull();
    }

    @Test
    void coordinatedCountriesGiveOneUnnamedActorEach() {
        PeopleResult r = tag("The United States invited the Armenian and Azerbaijani foreign ministers for discussions.");
        List<ActorMention> unnamed = r.mentions().stream().filter(a -> a.is(ActorKind.UNNAMED)).toList();
        assertThat(unnamed).extracting(ActorMention::country).containsExactly("AM", "AZ");
        assertThat(unnamed).extracting(ActorMention::sector).containsOnly("GOV");
        assertThat(r.mentionsAt(unnamed.get(0).lastToken())).hasSize(2);
    }

    @Test
    void forcesWithCountryAreUnnamedMilitaryActors() {
        PeopleResult r = tag("Units of the Azerbaijani armed forces opened fire, and Armenian troops responded.");
        List<ActorMention> unnamed = r.mentions().stream().filter(a -> a.is(ActorKind.UNNAMED)).toList();
        assertThat(unnamed).extracting(ActorMention::name).containsExactly("Units of the Azerbaijani armed forces", "Armenian troops");
        assertThat(unnamed).extracting(ActorMention::country).containsExactly("AZ", "AM");
        assertThat(unnamed).extracting(ActorMention::sector).containsOnly("MIL");
        assertThat(r.people()).isEmpty();
        assertThat(r.organizations()).isEmpty();
    }

    @Test
    void nounModifiersAreNotActors() {
        PeopleResult r = tag("They met near the police station and discussed minister salaries.");
        assertThat(r.mentions()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- organizations

    @Test
    void nationalMinistriesGetTheirCountry() {
        PeopleResult r = tag("The Armenian Defense Ministry said so. The Azerbaijani Ministry of Defense denied it.");
        OrganizationTag am = org(r, "Armenian Defense Ministry");
        assertThat(am.country()).isEqualTo("AM");
        assertThat(am.type()).isEqualTo("GOV");
        OrganizationTag az = org(r, "Azerbaijani Ministry of Defense");
        assertThat(az.country()).isEqualTo("AZ");
        assertThat(r.mentions()).filteredOn(a -> a.is(ActorKind.ORGANIZATION)).extracting(ActorMention::sector).containsOnly("MIL");
        assertThat(r.people()).isEmpty();
    }

    @Test
    void possessiveCountryAndShortRepeatMerge() {
        PeopleResult r = tag("Russia's Defense Ministry said Ukrainian troops had retreated. The Defense Ministry gave no figures.");
        assertThat(r.organizations()).hasSize(1);
        OrganizationTag o = r.organizations().get(0);
        assertThat(o.country()).isEqualTo("RU");
        assertThat(o.mentions()).isEqualTo(2);
    }

    @Test
    void knownAcronymsLinkToTheFullName() {
        PeopleResult r = tag("The European Union imposed sanctions. The EU said more would follow, and NATO agreed.");
        OrganizationTag eu = org(r, "European Union");
        assertThat(eu.acronym()).isEqualTo("EU");
        assertThat(eu.mentions()).isEqualTo(2);
        assertThat(eu.type()).isEqualTo("IGO");
        assertThat(eu.country()).isNull();
        assertThat(org(r, "North Atlantic Treaty Organization").acronym()).isEqualTo("NATO");
    }

    @Test
    void acronymsIntroducedInTheTextLinkToo() {
        PeopleResult r = tag("The National Liberation Front (NLF) rejected the plan. The NLF called for a strike.");
        assertThat(r.organizations()).hasSize(1);
        OrganizationTag o = r.organizations().get(0);
        assertThat(o.name()).isEqualTo("National Liberation Front");
        assertThat(o.acronym()).isEqualTo("NLF");
        assertThat(o.mentions()).isEqualTo(3);
    }

    @Test
    void mediaAreNeverOrganizationsOrPeople() {
        PeopleResult r = tag("Al Jazeera and AFP reported the attack, citing the Associated Press, Reuters and France 24.");
        assertThat(r.organizations()).isEmpty();
        assertThat(r.people()).isEmpty();
        assertThat(r.mentions()).isEmpty();
    }

    @Test
    void maskedTextYieldsNothing() {
        String body = "Nikol Pashinian spoke.\n\nWith AFP\n\nPresident Ilham Aliyev of the European Union";
        AnalyzedText text = nlp.analyze(body);
        int start = body.indexOf("With AFP");
        PeopleResult r = tagger.tag(text, StubGeo.tag(text), new TextMask(List.of(new TextMask.Range(start, body.length(), "trailer"))));
        assertThat(names(r)).containsExactly("Nikol Pashinian");
        assertThat(r.organizations()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- keys and media

    @Test
    void personKeyFoldsAccentsAndStripsTitles() {
        assertThat(tagger.personKey("President Ilham Alíyev")).isEqualTo("ilham aliyev");
        assertThat(tagger.personKey("Mr. Aliyev")).isEqualTo("aliyev");
        assertThat(tagger.personKey("José  Núñez")).isEqualTo("jose nunez");
        assertThat(tagger.personKey("Jean-Yves Le Drian")).isEqualTo("jean yves le drian");
        assertThat(tagger.personKey("former Prime Minister Boris Johnson")).isEqualTo("boris johnson");
    }

    @Test
    void isMediaKnowsWireServicesAndBroadcasters() {
        assertThat(tagger.isMedia("AFP")).isTrue();
        assertThat(tagger.isMedia("Reuters")).isTrue();
        assertThat(tagger.isMedia("the Associated Press")).isTrue();
        assertThat(tagger.isMedia("France 24")).isTrue();
        assertThat(tagger.isMedia("al jazeera")).isTrue();
        assertThat(tagger.isMedia("European Union")).isFalse();
        assertThat(tagger.isMedia("France")).isFalse();
        assertThat(tagger.isMedia("")).isFalse();
    }
}
