package org.newsflow.enrich.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.LocationTag;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;

/** Focus scoring and the grouping into tags, on hand-built mentions (the real gazetteer for names, no CoreNLP). */
class CountryFocusTest {
    private static final CountryFocus FOCUS = new CountryFocus(EnrichFactory.process().gazetteer());
    /** One short sentence: every mention below sits in the lead (the first sentence and the first 300 characters). */
    private static final AnalyzedText TEXT = HandBuiltText.of("Talks/NNS/talk", "resumed/VBD/resume", "./././");

    private static GeoMention at(int begin, String text, String country, GeoKind kind, String place) {
        return new GeoMention(0, 0, begin, begin + text.length(), text, country, kind, place);
    }

    private static GeoMention far(int begin, String text, String country, GeoKind kind, String place) {
        return at(1000 + begin, text, country, kind, place);
    }

    @Test
    void countryNamedTwiceIsFocusAndACityMentionedOnceIsNot() {
        GeoResult r = FOCUS.build(List.of(
                far(0, "Armenia", "AM", GeoKind.NAME, null), far(20, "Armenian", "AM", GeoKind.DEMONYM, null),
                far(40, "Paris", "FR", GeoKind.CAPITAL, "Paris")), TEXT, Set.of());
        assertThat(r.countries()).extracting(CountryTag::code).containsExactly("AM", "FR");
        assertThat(r.countries()).extracting(CountryTag::focus).containsExactly(true, false);
        assertThat(r.countries().get(0).evidence()).extracting(m -> m.kind()).containsExactly("NAME", "DEMONYM");
    }

    @Test
    void mentionsInTheLeadCountDouble() {
        GeoResult r = FOCUS.build(List.of(
                at(0, "Azerbaijan", "AZ", GeoKind.NAME, null), at(12, "Azerbaijani", "AZ", GeoKind.DEMONYM, null),
                far(0, "Armenia", "AM", GeoKind.NAME, null), far(10, "Yerevan", "AM", GeoKind.CITY, "Yerevan")), TEXT, Set.of());
        // AZ in the lead: 2 * 1.0 + 2 * 0.7 = 3.4; AM later: 1.0 + 0.5 = 1.5, under half of 3.4
        assertThat(r.countries()).filteredOn(CountryTag::focus).extracting(CountryTag::code).containsExactly("AZ");
    }

    @Test
    void headlineCountryIsFocusAndOthersMustRivalTheTop() {
        GeoResult r = FOCUS.build(List.of(
                far(0, "France", "FR", GeoKind.NAME, null),
                far(10, "Germany", "DE", GeoKind.NAME, null), far(20, "German", "DE", GeoKind.DEMONYM, null)), TEXT, Set.of("FR"));
        // FR: 1.0 + 2.0 headline bonus = 3.0; DE: 1.7 < 0.9 * 3.0
        assertThat(r.countries()).filteredOn(CountryTag::focus).extracting(CountryTag::code).containsExactly("FR");
    }

    @Test
    void capitalIsReportedAsACityLocationWithItsMentions() {
        GeoResult r = FOCUS.build(List.of(
                far(0, "Yerevan", "AM", GeoKind.CAPITAL, "Yerevan"), far(30, "Yerevan", "AM", GeoKind.CAPITAL, "Yerevan"),
                far(50, "Syunik", "AM", GeoKind.REGION, "Syunik")), TEXT, Set.of());
        assertThat(r.locations()).extracting(LocationTag::name, LocationTag::kind, LocationTag::mentions)
                .containsExactly(tuple("Yerevan", "CITY", 2), tuple("Syunik", "REGION", 1));
        assertThat(r.locations().get(0).evidence()).extracting(m -> m.kind()).containsOnly("CAPITAL");
    }

    @Test
    void kindsThatNameTheCountryAreWhatAHeadlineContributes() {
        assertThat(Set.of(GeoKind.values())).filteredOn(GeoKind::namesCountry)
                .containsExactlyInAnyOrder(GeoKind.NAME, GeoKind.DEMONYM, GeoKind.INSTITUTION);
        assertThat(at(0, "Baku", "AZ", GeoKind.CAPITAL, "Baku").geoKind()).isEqualTo(GeoKind.CAPITAL);
    }
}
