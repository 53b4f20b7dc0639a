package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.EventTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.people.PeopleResult;

/** Each rule of the event tagger on sentences the team wrote, positive and negative. Geo mentions are built by hand. */
class EventTaggerTest {
    private static NlpPipeline nlp;
    private static EventTagger tagger;
    private static final LocalDate MONDAY = LocalDate.of(2023, 3, 6);

    @BeforeAll
    static void load() {
        nlp = NlpPipeline.shared();
        tagger = org.newsflow.enrich.EnrichFactory.process().eventTagger();
    }


    private static List<EventTag> tag(String body, TextMask mask, String... geo) {
        AnalyzedText t = nlp.analyze(body);
        return tagger.tag(t, HandGeo.of(t, geo), new PeopleResult(List.of(), List.of(), List.of()), mask, MONDAY);
    }

    private static List<EventTag> ofType(List<EventTag> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    private static String dir(EventTag e) {
        return (e.source() == null ? "-" : e.source().country()) + ">" + (e.target() == null ? "-" : e.target().country());
    }

    @Test
    void openFireGivesAssaultWithDirectionModeAndOvernightDate() {
        List<EventTag> ev = tag("Overnight from Saturday to Sunday, Peruvian troops opened fire on Ecuadorian positions near the river, the ministry said.",
                TextMask.none(), "Peruvian=PE:DEMONYM", "Ecuadorian=EC:DEMONYM");
        List<EventTag> a = ofType(ev, "ASSAULT");
        assertThat(a).hasSize(1);
        assertThat(dir(a.get(0))).isEqualTo("PE>EC");
        assertThat(a.get(0).mode()).isEqualTo("firearms");
        assertThat(a.get(0).cameoRoot()).isEqualTo("19");
        assertThat(a.get(0).quadClass()).isEqualTo(4);
        assertThat(a.get(0).date()).isEqualTo("2023-03-05");
        assertThat(a.get(0).trigger().text()).isEqualTo("opened fire");
    }

    @Test
    void mutualAccusationGivesOneEventPerDirection() {
        List<EventTag> ev = tag("India and Pakistan on Monday mutually accused each other of violating the truce.", TextMask.none(),
                "India=IN:NAME", "Pakistan=PK:NAME");
        List<EventTag> acc = ofType(ev, "ACCUSE");
        assertThat(acc).extracting(EventTaggerTest::dir).containsExactlyInAnyOrder("IN>PK", "PK>IN");
        assertThat(acc).allMatch(e -> "2023-03-06".equals(e.date()));
    }

    @Test
    void pledgeNotToUseForceIsAnAgreementNotAnAssault() {
        List<EventTag> ev = tag("Last month the presidents of Peru and Chile pledged not to use force against each other.", TextMask.none(),
                "Peru=PE:NAME", "Chile=CL:NAME");
        assertThat(ofType(ev, "AGREE")).isNotEmpty();
        assertThat(ofType(ev, "ASSAULT")).isEmpty();
    }

    @Test
    void fearedWarIsHypotheticalAndNotCounted() {
        List<EventTag> ev = tag("The incident revived fears of a war in the region.", TextMask.none());
        assertThat(ev).allMatch(EventTag::hypothetical);
        assertThat(EventTagger.countByType(ev)).doesNotContainKey("ASSAULT");
    }

    @Test
    void casualtiesAndMonthDates() {
        List<EventTag> ev = tag("In January, fighting between Sudan and Chad left 45 dead and 120 injured.", TextMask.none(),
                "Sudan=SD:NAME", "Chad=TD:NAME");
        List<EventTag> a = ofType(ev, "ASSAULT");
        assertThat(a).isNotEmpty();
        assertThat(a.get(0).casualties().dead()).isEqualTo(45);
        assertThat(a.get(0).casualties().injured()).isEqualTo(120);
        assertThat(a.get(0).date()).isEqualTo("2023-01");
        assertThat(a).extracting(EventTaggerTest::dir).contains("SD>TD", "TD>SD");
    }

    @Test
    void atLeastCountsAndYears() {
        List<EventTag> ev = tag("The rebels attacked the town in 2019 and killed more than 1,200 people.", TextMask.none());
        EventTag kill = ev.stream().filter(e -> e.trigger().text().equals("killed")).findFirst().orElseThrow();
        assertThat(kill.casualties().dead()).isEqualTo(1200);
        assertThat(kill.casualties().atLeast()).isTrue();
        EventTag attack = ev.stream().filter(e -> e.trigger().text().equals("attacked")).findFirst().orElseThrow();
        assertThat(attack.date()).isEqualTo("2019");
        assertThat(attack.source().sector()).isEqualTo("REB");
    }

    @Test
    void passiveAgentIsTheSource() {
        List<EventTag> ev = tag("Three villages were shelled by Ethiopian artillery on Friday.", TextMask.none(), "Ethiopian=ET:DEMONYM");
        List<EventTag> a = ofType(ev, "ASSAULT");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).source().country()).isEqualTo("ET");
        assertThat(a.get(0).mode()).isEqualTo("artillery");
        assertThat(a.get(0).date()).isEqualTo("2023-03-03");
    }

    @Test
    void talksInACityAreConsultWithTheHost() {
        List<EventTag> ev = tag("The foreign ministers of Kenya and Somalia held talks in Kampala on Tuesday.", TextMask.none(),
                "Kenya=KE:NAME", "Somalia=SO:NAME", "Kampala=UG:CITY");
        List<EventTag> c = ofType(ev, "CONSULT");
        assertThat(c).extracting(EventTaggerTest::dir).contains("KE>SO", "SO>KE", "KE>UG", "SO>UG");
        assertThat(c).allMatch(e -> "UG".equals(e.locationCountry()) && "Kampala".equals(e.place()));
        assertThat(c.get(0).date()).isEqualTo("2023-02-28");
    }

    @Test
    void negatedEventIsFlagged() {
        List<EventTag> ev = tag("Police did not arrest the protesters.", TextMask.none());
        List<EventTag> c = ofType(ev, "COERCE");
        assertThat(c).hasSize(1);
        assertThat(c.get(0).negated()).isTrue();
        assertThat(EventTagger.countByType(ev)).isEmpty();
    }

    @Test
    void maskedTrailerGivesNoEvent() {
        String body = "Troops attacked the border post on Monday.\n\nWatch our report: rebels attack the capital";
        int trailer = body.indexOf("Watch");
        List<EventTag> ev = tag(body, new TextMask(List.of(new TextMask.Range(trailer, body.length(), "trailer"))));
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).trigger().begin()).isLessThan(trailer);
    }

    @Test
    void referencedFightingIsNotAnEvent() {
        List<EventTag> ev = tag("Mediators proposed a plan to end the fighting.", TextMask.none());
        assertThat(ofType(ev, "ASSAULT")).isEmpty();
    }

    @Test
    void reportDateDoesNotDateTheReportedEvent() {
        List<EventTag> ev = tag("Officials said on Friday that soldiers had attacked the village.", TextMask.none());
        List<EventTag> a = ofType(ev, "ASSAULT");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).date()).isNull();
    }

    @Test
    void countByTypeCountsFactualEvents() {
        List<EventTag> ev = tag("Peruvian troops attacked Ecuadorian positions on Monday.", TextMask.none(),
                "Peruvian=PE:DEMONYM", "Ecuadorian=EC:DEMONYM");
        Map<String, Integer> counts = EventTagger.countByType(ev);
        assertThat(counts).containsEntry("ASSAULT", 1);
    }

    // ---- actor attachment, structure and output policy (sentences written for these tests) ----------------

    @Test
    void knownLeaderGivesTheCountryAndAPlaceInsideAPersonNameDoesNot() {
        // a gazetteer hit on the surname (here a fake CITY) must not make the person an actor of that country
        List<EventTag> ev = tag("Angela Merkel criticised Italy on Monday.", TextMask.none(), "Merkel=JP:CITY", "Italy=IT:NAME");
        List<EventTag> acc = ofType(ev, "ACCUSE");
        assertThat(acc).extracting(EventTaggerTest::dir).containsExactly("DE>IT");
        assertThat(acc.get(0).source().sector()).isEqualTo("GOV");
    }

    @Test
    void sameCountryOnBothSidesFromAPlaceIsNotCoded() {
        List<EventTag> ev = tag("Belgian officials held talks in Brussels on Monday.", TextMask.none(), "Belgian=BE:DEMONYM",
                "Brussels=BE:CITY");
        assertThat(ev).noneMatch(e -> dir(e).equals("BE>BE"));
    }

    @Test
    void eventsWithoutAnyActorAreNotPublishedUnlessATollIsStated() {
        assertThat(tag("Talks in Vienna on Monday were difficult.", TextMask.none(), "Vienna=AT:CITY")).isEmpty();
        List<EventTag> war = tag("A long war had caused more than 4,000 deaths.", TextMask.none());
        assertThat(war).hasSize(1);
        assertThat(war.get(0).casualties().dead()).isEqualTo(4000);
    }

    @Test
    void aMassacreOnlyMentionedInPassingIsNotAnEvent() {
        List<EventTag> ev = tag("The minister spoke at length about her country's role in the genocide.", TextMask.none());
        assertThat(ofType(ev, "ASSAULT")).isEmpty();
        assertThat(tag("The mayor expressed grief for the shootings in Ohio.", TextMask.none(), "Ohio=US:REGION")).isEmpty();
    }

    @Test
    void claimThatOthersAttackedIsAlsoAnAccusation() {
        List<EventTag> ev = tag("Chile said Bolivian troops attacked a border post on Sunday.", TextMask.none(), "Chile=CL:NAME",
                "Bolivian=BO:DEMONYM");
        assertThat(ofType(ev, "ASSAULT")).extracting(e -> e.source().country()).containsExactly("BO");
        List<EventTag> acc = ofType(ev, "ACCUSE");
        assertThat(acc).extracting(EventTaggerTest::dir).containsExactly("CL>BO");
        assertThat(acc.get(0).trigger().text()).isEqualTo("said");
        // a claim about oneself accuses nobody
        assertThat(ofType(tag("Chile said its troops attacked a border post.", TextMask.none(), "Chile=CL:NAME"), "ACCUSE")).isEmpty();
        // an announced action is no claim that something happened: nobody is accused
        List<EventTag> announced = tag("Chile said Bolivian troops would attack a border post.", TextMask.none(), "Chile=CL:NAME",
                "Bolivian=BO:DEMONYM");
        assertThat(ofType(announced, "ASSAULT")).allMatch(EventTag::hypothetical);
        assertThat(ofType(announced, "ACCUSE")).isEmpty();
    }

    @Test
    void intentToCooperateThreatAndAppeal() {
        List<EventTag> help = tag("Norway wants to help Kenya.", TextMask.none(), "Norway=NO:NAME", "Kenya=KE:NAME");
        assertThat(help).extracting(e -> e.cameoRoot() + " " + dir(e)).containsExactly("03 NO>KE");
        assertThat(help.get(0).hypothetical()).isFalse();
        List<EventTag> threat = tag("Denmark plans to attack Sweden.", TextMask.none(), "Denmark=DK:NAME", "Sweden=SE:NAME");
        assertThat(threat).extracting(e -> e.type() + " " + dir(e)).containsExactly("THREATEN DK>SE");
        List<EventTag> appeal = tag("Finland wants Estonia to help Latvia.", TextMask.none(), "Finland=FI:NAME", "Estonia=EE:NAME",
                "Latvia=LV:NAME");
        assertThat(appeal).extracting(e -> e.cameoRoot() + " " + dir(e)).containsExactly("02 FI>EE");
    }

    @Test
    void pronounSubjectOfAReportedClauseIsTheReporter() {
        List<EventTag> ev = tag("Japan announced on Monday that it would free ten Korean fishermen.", TextMask.none(), "Japan=JP:NAME",
                "Korean=KR:DEMONYM");
        assertThat(ev).extracting(e -> e.type() + " " + dir(e)).containsExactly("AGREE JP>KR");
    }

    @Test
    void aPurposeClauseOfTheSameTypeIsOneEvent() {
        List<EventTag> ev = tag("The Portuguese minister met his Spanish counterpart on Monday to discuss fishing quotas.", TextMask.none(),
                "Portuguese=PT:DEMONYM", "Spanish=ES:DEMONYM");
        assertThat(ofType(ev, "CONSULT")).extracting(EventTaggerTest::dir).containsExactlyInAnyOrder("PT>ES", "ES>PT");
        assertThat(ofType(ev, "CONSULT")).allMatch(e -> e.trigger().text().equals("met"));
    }

    @Test
    void aTriggerNounObjectIsTheContentOfItsVerb() {
        List<EventTag> ev = tag("Ukraine endorsed an agreement with Moldova.", TextMask.none(), "Ukraine=UA:NAME", "Moldova=MD:NAME");
        assertThat(ev).extracting(e -> e.type() + " " + dir(e)).containsExactly("SUPPORT UA>MD");
    }

    @Test
    void protestTargetsTheCountryWhereItTakesPlace() {
        List<EventTag> ev = tag("Greek students staged a protest in Ankara on Monday.", TextMask.none(), "Greek=GR:DEMONYM",
                "Ankara=TR:CITY");
        assertThat(ofType(ev, "PROTEST")).extracting(EventTaggerTest::dir).containsExactly("GR>TR");
    }

    @Test
    void victimsWithoutACountryBelongToThePlaceAndTheShellingSaysWho() {
        List<EventTag> ev = tag("Two farmers were killed in a Serbian air strike in Kosovo on Friday.", TextMask.none(),
                "Serbian=RS:DEMONYM", "Kosovo=XK:NAME");
        List<EventTag> a = ofType(ev, "ASSAULT");
        assertThat(a).extracting(EventTaggerTest::dir).containsExactly("RS>XK");
        assertThat(a.get(0).casualties().dead()).isEqualTo(2);
    }

    @Test
    void destructionByProtestersIsAViolentProtest() {
        List<EventTag> ev = tag("Angry Chilean protesters destroyed a Peruvian bank.", TextMask.none(), "Chilean=CL:DEMONYM",
                "Peruvian=PE:DEMONYM");
        assertThat(ev).extracting(e -> e.cameoRoot() + " " + e.type() + " " + dir(e)).containsExactly("14 PROTEST CL>PE");
    }

    @Test
    void receivingFromSomeoneReversesTheDirection() {
        List<EventTag> ev = tag("Moldovan soldiers received weapons from Romania last week.", TextMask.none(), "Moldovan=MD:DEMONYM",
                "Romania=RO:NAME");
        assertThat(ev).extracting(e -> e.type() + " " + dir(e)).containsExactly("AID RO>MD");
    }

    @Test
    void wellKnownOfficeHolderActsForTheirCountry() {
        // through the people tagger's result: the person's country comes from people/leaders.tsv
        AnalyzedText t = nlp.analyze("President Obama accused Iran of violating the agreement.");
        GeoResult g = HandGeo.of(t, "Iran=IR:NAME");
        PeopleResult people = org.newsflow.enrich.EnrichFactory.process().peopleTagger().tag(t, g, TextMask.none());
        List<EventTag> ev = ofType(tagger.tag(t, g, people, TextMask.none(), MONDAY), "ACCUSE");
        assertThat(ev).extracting(EventTaggerTest::dir).containsExactly("US>IR");
        assertThat(ev.get(0).source().sector()).isEqualTo("GOV");
        // without a people result, the same list through the people tagger's look-up
        assertThat(ofType(tag("President Obama accused Iran of violating the agreement.", TextMask.none(), "Iran=IR:NAME"), "ACCUSE"))
                .extracting(EventTaggerTest::dir).containsExactly("US>IR");
        // text wins: a country the sentence states is kept
        AnalyzedText t2 = nlp.analyze("Peruvian Foreign Minister John Kerry accused Iran of violating the agreement.");
        GeoResult g2 = HandGeo.of(t2, "Iran=IR:NAME", "Peruvian=PE:DEMONYM");
        PeopleResult p2 = org.newsflow.enrich.EnrichFactory.process().peopleTagger().tag(t2, g2, TextMask.none());
        assertThat(ofType(tagger.tag(t2, g2, p2, TextMask.none(), MONDAY), "ACCUSE")).extracting(EventTaggerTest::dir)
                .containsExactly("PE>IR");
    }

    // ---- parse pre-check: sentences that cannot give an actor or a toll are not parsed ----------------------

    private static int parsedSentences(String body, String... geo) {
        int[] calls = {0};
        org.newsflow.enrich.EnrichFactory factory = org.newsflow.enrich.EnrichFactory.process();
        EventTagger counting = new EventTagger(factory.eventLexicon(), toks -> {
            calls[0]++;
            return factory.sentenceParser().parse(toks);
        }, factory.knownLeaders(), factory.cameoDictionary(), CameoTuning.defaults().ownCodes());
        AnalyzedText t = nlp.analyze(body);
        counting.tag(t, HandGeo.of(t, geo), new PeopleResult(List.of(), List.of(), List.of()), TextMask.none(), MONDAY);
        return calls[0];
    }

    @Test
    void sentenceWithTriggerButNoPossibleActorIsNotParsed() {
        // a trigger and a pronoun, but nothing the pronoun or anything else could resolve to
        assertThat(parsedSentences("It said the storm destroyed the old pier on Monday.")).isZero();
    }

    @Test
    void sentenceWithCountryActorWordOrTollIsParsed() {
        assertThat(parsedSentences("Ruritanian troops shelled the valley.", "Ruritanian=RU:DEMONYM")).isEqualTo(1);
        assertThat(parsedSentences("The soldiers shelled the valley.")).isEqualTo(1); // actors.tsv word
        assertThat(parsedSentences("The shelling killed 14 people in the valley.")).isEqualTo(1); // a toll
        assertThat(parsedSentences("Both sides shelled the valley.")).isEqualTo(1); // the last pair of countries
    }

    // ---- CAMEO verb dictionary (sentences written for the test; full events pipeline: countries, people, events) --

    private static List<EventTag> coded(String body) {
        org.newsflow.enrich.pipeline.ArticleDoc doc = org.newsflow.enrich.pipeline.ArticleDoc.ofText(nlp.analyze(body), MONDAY);
        org.newsflow.enrich.EnrichFactory.process().eventsPipeline().annotate(doc);
        return doc.events();
    }

    @Test
    void liftingACurfewIsCodedAsEndingTheMeasureNotAsTheMeasure() {
        List<EventTag> ev = coded("Kenya lifted the night curfew on Sunday after a week of calm.");
        assertThat(ev).extracting(EventTag::type).containsExactly("RETREAT");
        assertThat(ev.get(0).source().country()).isEqualTo("KE");
        assertThat(ev.get(0).trigger().text()).isEqualTo("lifted");
    }

    @Test
    void callingOffAStrikeEndsTheMeasureAndIsNoProtest() {
        // the dictionary's own pattern for "call off" + strike is 087 (RETREAT); "halt" + strike would be 082 (CONCEDE)
        List<EventTag> ev = coded("Chilean dockworkers called off their strike on Friday.");
        assertThat(ev).extracting(EventTag::type).containsExactly("RETREAT");
        assertThat(ev.get(0).trigger().text()).isEqualTo("called off");
    }

    @Test
    void announcedFutureSupportIsAPromiseAndAStatedOneIsNot() {
        List<EventTag> promised = coded("The minister said Norway will support Ukraine.");
        assertThat(ofType(promised, "AGREE")).extracting(EventTaggerTest::dir).contains("NO>UA");
        assertThat(ofType(promised, "SUPPORT")).isEmpty();
        List<EventTag> stated = coded("Norway supported Ukraine.");
        assertThat(ofType(stated, "SUPPORT")).extracting(EventTaggerTest::dir).containsExactly("NO>UA");
    }

    @Test
    void aReportedDeathIsNoAttackByTheDeadNorAnAccusation() {
        List<EventTag> ev = coded("The Chilean Red Cross said that nine people had died in the southern region.");
        assertThat(ofType(ev, "ASSAULT")).isEmpty();
        assertThat(ofType(ev, "ACCUSE")).isEmpty();
        // a pattern of the dictionary still codes a death in fighting, with the dead as the target
        List<EventTag> clash = coded("Six Peruvian soldiers died in clashes with Ecuadorian troops.");
        assertThat(ofType(clash, "ASSAULT")).isNotEmpty();
        assertThat(ofType(clash, "ASSAULT")).noneMatch(e -> e.trigger().text().equals("died")
                && e.source() != null && "soldiers".equals(e.source().name()));
    }

    @Test
    void victimsOfANaturalHazardAreNoTargetsOfAnAttack() {
        List<EventTag> ev = coded("Officials in Malawi said fourteen villagers were struck by lightning or drowned in floods.");
        assertThat(ofType(ev, "ASSAULT")).isEmpty();
        assertThat(ofType(coded("Ten Peruvian villagers were killed by rebels on Monday."), "ASSAULT")).isNotEmpty();
    }

    @Test
    void aQuantifiedAwayObjectNegatesTheAct() {
        List<EventTag> ev = coded("Norway sent little or no aid to Sweden.");
        assertThat(ofType(ev, "AID")).isNotEmpty().allMatch(EventTag::negated);
        assertThat(ofType(coded("Norway sent aid to Sweden."), "AID")).isNotEmpty().noneMatch(EventTag::negated);
    }

    @Test
    void aPromisedVerbWithABlockCodeNeedsARecipient() {
        List<EventTag> ev = coded("\"The judges were appointed under the law of Peru, and they will serve,\" the Peruvian minister said.");
        assertThat(ofType(ev, "AGREE")).isEmpty();
    }
}
