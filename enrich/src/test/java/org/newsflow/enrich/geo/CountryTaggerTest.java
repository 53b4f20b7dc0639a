package org.newsflow.enrich.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.LocationTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;

/** Each evidence kind and each must-not case, on sentences written for these tests. */
class CountryTaggerTest {
    private static final CountryTagger TAGGER = org.newsflow.enrich.EnrichFactory.process().countryTagger();

    private static GeoResult tag(String marked) {
        return TAGGER.tag(Marked.text(marked), TextMask.none());
    }

    private static List<String> codes(String marked) {
        return tag(marked).countries().stream().map(CountryTag::code).sorted().toList();
    }

    private static Map<String, String> kinds(String marked) {
        return tag(marked).mentions().stream().collect(Collectors.toMap(GeoMention::text, m -> m.geoKind().name(), (a, b) -> a));
    }

    @Test
    void countryNamesAndVariants() {
        assertThat(codes("Trade between the United States and Britain grew, the U.S. embassy said.")).containsExactly("GB", "US");
        assertThat(codes("Exports from America and the UK to Russia fell.")).containsExactly("GB", "RU", "US");
        assertThat(codes("Cocoa prices in Ivory Coast rose. Cote d'Ivoire is the top grower.")).containsExactly("CI");
        assertThat(codes("Farmers in Côte d’Ivoire harvested early.")).containsExactly("CI");
        assertThat(codes("The Russian Federation replaced the Soviet Union in 1991.")).containsExactly("RU");
        GeoResult r = tag("Officials in Azerbaijan spoke.");
        CountryTag az = r.countries().get(0);
        assertThat(az.alpha3()).isEqualTo("AZE");
        assertThat(az.name()).isEqualTo("Azerbaijan");
        assertThat(az.evidence().get(0).kind()).isEqualTo("NAME");
        assertThat(az.evidence().get(0).begin()).isEqualTo(13);
    }

    @Test
    void demonymsAndAdjectives() {
        assertThat(codes("Dutch and Filipino sailors rescued French fishermen.")).containsExactly("FR", "NL", "PH");
        assertThat(codes("Armenians and Azerbaijanis live in the valley.")).containsExactly("AM", "AZ");
        Map<String, String> k = kinds("The Armenian Prime Minister met the Azerbaijani President.");
        assertThat(k).containsEntry("Armenian", "DEMONYM").containsEntry("Azerbaijani", "DEMONYM");
    }

    @Test
    void capitalsAndCities() {
        GeoResult r = tag("Envoys flew from Yerevan to Baku via Moscow and then on to Paris.");
        assertThat(r.countries()).extracting(CountryTag::code).containsExactlyInAnyOrder("AM", "AZ", "RU", "FR");
        assertThat(r.mentions()).extracting(GeoMention::geoKind).containsOnly(GeoKind.CAPITAL);
        assertThat(r.locations()).extracting(LocationTag::name).contains("Yerevan", "Baku", "Moscow", "Paris");
        assertThat(r.locations()).allSatisfy(l -> assertThat(l.kind()).isEqualTo("CITY"));
        assertThat(codes("Dockworkers in [LOCATION Rotterdam] went on strike.")).containsExactly("NL");
    }

    @Test
    void parisTexasOnlyWithContext() {
        assertThat(codes("The fashion week in Paris opened on Tuesday.")).containsExactly("FR");
        assertThat(codes("The rodeo in Paris, Texas drew a crowd.")).containsExactly("US");
        assertThat(codes("Schools in Texas reopened. The mayor of Paris said the county roads were clear.")).containsExactly("US");
    }

    @Test
    void cityAndStateAbbreviation() {
        GeoResult r = tag("A plant in [LOCATION Smallfieldville], Ohio closed. Workers in Dublin, Ohio protested.");
        assertThat(r.countries()).extracting(CountryTag::code).containsExactly("US");
        assertThat(r.mentions()).extracting(GeoMention::text).contains("Smallfieldville", "Dublin", "Ohio");
        assertThat(codes("He was born in [LOCATION Huntington], W.Va. in 1950.")).containsExactly("US");
    }

    @Test
    void regionsAndDisputedTerritories() {
        assertThat(codes("Fighting resumed in Nagorno-Karabakh.")).containsExactly("AZ");
        assertThat(codes("Crimea was annexed in 2014.")).containsExactly("UA");
        assertThat(codes("Troops patrolled Kashmir.")).containsExactly("IN");
        assertThat(codes("Taiwan held elections.")).containsExactly("TW");
        assertThat(codes("Settlers in the West Bank protested.")).containsExactly("PS");
        assertThat(codes("Kosovo declared independence.")).containsExactly("XK");
        assertThat(codes("Refugee camps in Western Sahara were flooded.")).containsExactly("EH");
        assertThat(kinds("Voters in Ontario and Bavaria went to the polls.")).containsEntry("Ontario", "REGION").containsEntry("Bavaria", "REGION");
    }

    @Test
    void institutionsAndMetonyms() {
        Map<String, String> k = kinds("The Kremlin denied it, the White House said. The Armenian Defense Ministry issued a statement.");
        assertThat(k).containsEntry("Kremlin", "INSTITUTION").containsEntry("White House", "INSTITUTION")
                .containsEntry("Armenian Defense Ministry", "INSTITUTION");
        GeoResult r = tag("Baku accused Yerevan of shelling, and the Azerbaijani armed forces returned fire.");
        assertThat(r.countries()).extracting(CountryTag::code).containsExactlyInAnyOrder("AM", "AZ");
        assertThat(r.mentionAt(r.mentions().get(0).firstToken())).isPresent();
        assertThat(r.mentions()).extracting(GeoMention::text).contains("Azerbaijani armed forces");
    }

    @Test
    void supranationalBodiesAreNotCountries() {
        assertThat(codes("The European Union, NATO, the UN and the African Union issued a joint call.")).isEmpty();
    }

    @Test
    void mediaNamesAreNotCountries() {
        assertThat(codes("Watch it on France 24 or read it at Al Jazeera and Radio Free Europe.")).isEmpty();
        assertThat(codes("The Voice of America and Deutsche Welle reported it.")).isEmpty();
    }

    @Test
    void personNamesContainingPlacesAreNotCountries() {
        assertThat(codes("[PERSON Jordan Peterson] gave a lecture.")).isEmpty();
        assertThat(codes("The coach praised [PERSON Jordan] after the game.")).isEmpty();
        assertThat(codes("[PERSON Paris Hilton] arrived late.")).isEmpty();
        assertThat(codes("[PERSON George Washington] crossed the river.")).isEmpty();
        assertThat(codes("King Abdullah of Jordan visited [LOCATION Amman] schools.")).containsExactly("JO");
    }

    @Test
    void townsThatArePeoplesNamesAreDropped() {
        // CoreNLP PERSON on a town name: gone, however much the article is about the town's country
        assertThat(kinds("Japanese officials welcomed [PERSON Obama] in Tokyo. Japan hosted the summit.")).doesNotContainKey("Obama");
        // a person found by the people tagger (token flags), even where the CRF said LOCATION
        AnalyzedText t = Marked.text("Japanese officials welcomed [LOCATION Obama] in Tokyo.");
        assertThat(TAGGER.tag(t, TextMask.none()).mentions()).extracting(GeoMention::text).contains("Obama");
        boolean[] person = new boolean[t.tokens().size()];
        for (int i = 0; i < person.length; i++) {
            person[i] = t.tokens().get(i).text().equals("Obama");
        }
        GeoResult r = TAGGER.tag(t, TextMask.none(), person);
        assertThat(r.mentions()).extracting(GeoMention::text).doesNotContain("Obama");
        assertThat(r.countries()).extracting(CountryTag::code).containsExactly("JP");
        // strongly supported place readings stay: "Obama, Japan", "in Obama"
        AnalyzedText q = Marked.text("The ferry reached [LOCATION Obama], Japan on Monday.");
        boolean[] p2 = new boolean[q.tokens().size()];
        for (int i = 0; i < p2.length; i++) {
            p2[i] = q.tokens().get(i).text().equals("Obama");
        }
        assertThat(TAGGER.tag(q, TextMask.none(), p2).mentions()).extracting(GeoMention::text).contains("Obama");
    }

    @Test
    void sentenceFinalStateAbbreviation() {
        assertThat(codes("Burial will be in the Union Cemetery, Kelleyland, Pa.")).containsExactly("US");
    }

    @Test
    void countyRoadIsNotAnIrishCounty() {
        assertThat(codes("The culvert on County Road 96 washed out near [LOCATION Brandon], the sheriff said.")).doesNotContain("IE");
        assertThat(codes("Farmers in County Cork protested.")).containsExactly("IE");
    }

    @Test
    void americanCivicVocabularyPicksTheAmericanTown() {
        // no state named: the council's wording says which Athens
        assertThat(codes("The [LOCATION Athens] City Council met Tuesday. Councilmember Jane Roe said sales tax fell 6 percent, "
                + "and the police chief asked for two more officers for the middle school.")).containsExactly("US");
        assertThat(codes("Tourists crowded [LOCATION Athens] as the Acropolis museum reopened.")).containsExactly("GR");
    }

    @Test
    void townsOfOneStateSupportEachOther() {
        // two towns that share a state: each is read in that state rather than as a bigger foreign namesake
        assertThat(codes("The bus runs from [LOCATION Dublin] to [LOCATION Worthington] and [LOCATION Hilliard] every hour."))
                .containsExactly("US");
    }

    @Test
    void turkeyTheBird() {
        assertThat(codes("Roast Turkey with cranberry sauce. Baste the turkey every half hour.")).isEmpty();
        assertThat(codes("Turkey closed its border with Syria.")).containsExactly("SY", "TR");
    }

    @Test
    void georgiaStateOrCountry() {
        List<GeoMention> us = tag("Storms hit Atlanta and Savannah. Georgia officials said Alabama was spared.").mentions();
        assertThat(us).filteredOn(m -> m.text().equals("Georgia")).extracting(GeoMention::country).containsExactly("US");
        List<GeoMention> ge = tag("Protests filled Tbilisi. Georgia accused Russia of provocations.").mentions();
        assertThat(ge).filteredOn(m -> m.text().equals("Georgia")).extracting(GeoMention::country).containsExactly("GE");
    }

    @Test
    void maskedRangesProduceNothing() {
        AnalyzedText t = Marked.text("Talks in Armenia continued. Download the app of Radio Canada for news from Mexico.");
        int cut = t.body().indexOf("Download");
        GeoResult r = TAGGER.tag(t, new TextMask(List.of(new TextMask.Range(cut, t.body().length(), "trailer"))));
        assertThat(r.countries()).extracting(CountryTag::code).containsExactly("AM");
    }

    @Test
    void focusIsWhatTheArticleIsAbout() {
        GeoResult r = tag("Armenia and Azerbaijan traded fire. Armenian troops and Azerbaijani soldiers clashed near Yerevan. "
                + "Baku blamed Armenia. Azerbaijan asked for talks in Moscow. The United States urged calm.");
        assertThat(r.countries()).filteredOn(CountryTag::focus).extracting(CountryTag::code).containsExactlyInAnyOrder("AM", "AZ");
        assertThat(r.countries().get(0).focus()).isTrue();
        assertThat(r.countries()).filteredOn(c -> !c.focus()).extracting(CountryTag::code).containsExactly("RU", "US");
    }

    @Test
    void threadsSharingOneTaggerGetTheSameResult() throws Exception {
        // Speed is measured by `newsflow bench`, not here; this checks that the shared tagger keeps no per-call state.
        AnalyzedText t = Marked.text("Armenia and Azerbaijan traded fire near Baku and Yerevan, and Russian envoys flew in. ".repeat(40));
        GeoResult expected = TAGGER.tag(t, TextMask.none());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<GeoResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> TAGGER.tag(t, TextMask.none())));
            }
            for (java.util.concurrent.Future<GeoResult> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.countries()).extracting(CountryTag::code).contains("AM", "AZ", "RU");
    }

    @Test
    void headlineCountriesWeighInFocusButHeadlineVenuesDoNot() {
        String body = "Hundreds of French farmers blocked motorways around Paris on Monday, demanding that the government drop "
                + "a planned rise in diesel taxes and ease environmental rules for their farms and their animals.\n\n"
                + "The prime minister promised new measures by the end of the week, but union leaders said the blockades "
                + "would go on until the government put its promises in writing and in the budget.\n\n"
                + "Farmers in Belgium have staged similar protests in recent weeks, and the European Commission said it "
                + "would meet farm groups in Brussels.";
        AnalyzedText text = Marked.text(body);
        List<String> withoutHeadline = TAGGER.tag(text, TextMask.none()).countries().stream()
                .filter(CountryTag::focus).map(CountryTag::code).sorted().toList();
        assertThat(withoutHeadline).contains("BE");
        GeoResult withHeadline = TAGGER.tag(text, TextMask.none(), null,
                TAGGER.headlineCountries(Marked.text("French farmers block roads in protest over fuel taxes")));
        assertThat(withHeadline.countries()).filteredOn(CountryTag::focus).extracting(CountryTag::code).containsExactly("FR");
        // a capital in a headline is usually the venue, not the subject
        assertThat(TAGGER.headlineCountries(Marked.text("Rivals meet for Washington talks"))).isEmpty();
        assertThat(TAGGER.headlineCountries(Marked.text("Kenya and Ethiopia sign power deal"))).containsExactlyInAnyOrder("KE", "ET");
    }
}
