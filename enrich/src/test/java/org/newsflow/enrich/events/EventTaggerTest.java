package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.EventTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.people.PeopleResult;

/** Each rule of the event tagger on sentences the team wrote, positive and negative. Geo mentions are built by hand. */
class EventTaggerTest {
    private static NlpPipeline nlp;
    private static EventTagger tagger;
    private static final LocalDate MONDAY = LocalDate.of(2023, 3, 6);

    @BeforeAll
    static void load() {
        nlp = NlpPipeline.shared();
        tagger = EventTagger.loadDefault();
    }

    /** Geo mentions for single tokens: "Peruvian=PE:DEMONYM". */
    private static GeoResult geo(AnalyzedText t, String... specs) {
        List<GeoMention> out = new ArrayList<>();
        for (String spec : specs) {
            String word = spec.substring(0, spec.indexOf('='));
            String[] v = spec.substring(spec.indexOf('=') + 1).split(":");
            for (Token k : t.tokens()) {
                if (k.text().equals(word)) {
                    out.add(new GeoMention(k.index(), k.index(), k.begin(), k.end(), k.text(), v[0], v[1], v[1].equals("CITY") ? k.text() : null));
                }
            }
        }
        return new GeoResult(List.of(), List.of(), out);
    }

    private static List<EventTag> tag(String body, TextMask mask, String... geo) {
        AnalyzedText t = nlp.analyze(body);
        return tagger.tag(t, geo(t, geo), new PeopleResult(List.of(), List.of(), List.of()), mask, MONDAY);
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
}
