package org.newsflow.enrich.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {
    private static final Gazetteer GAZ = org.newsflow.enrich.EnrichFactory.process().gazetteer();

    @Test
    void countriesWithCodes() {
        assertThat(GAZ.country("AM")).get().extracting(Gazetteer.Country::alpha3).isEqualTo("ARM");
        assertThat(GAZ.countryByAlpha3("AZE")).get().extracting(Gazetteer.Country::alpha2).isEqualTo("AZ");
        assertThat(GAZ.countries()).hasSizeGreaterThan(240);
    }

    @Test
    void namesAndDemonyms() {
        assertThat(GAZ.countryOfName("U.S.")).get().extracting(Gazetteer.Country::alpha2).isEqualTo("US");
        assertThat(GAZ.countryOfName("Côte d'Ivoire")).get().extracting(Gazetteer.Country::alpha2).isEqualTo("CI");
        assertThat(GAZ.countryOfDemonym("Armenians")).contains("AM");
        assertThat(GAZ.countryOfDemonym("Azerbaijani")).contains("AZ");
        assertThat(GAZ.countryOfDemonym("Dutch")).contains("NL");
        assertThat(GAZ.countryOfDemonym("Filipino")).contains("PH");
    }

    @Test
    void coreNlpDemonymsAddTheFormsWorldCountriesLacks() {
        assertThat(GAZ.countryOfDemonym("Serb")).contains("RS");
        assertThat(GAZ.countryOfDemonym("Serbs")).contains("RS");
        assertThat(GAZ.countryOfDemonym("Croats")).contains("HR");
        assertThat(GAZ.countryOfDemonym("Bosniak")).contains("BA");
        // a form CoreNLP lists for two places names neither: "Koreans" is not North Korea's
        assertThat(GAZ.countryOfDemonym("Koreans")).isNotEqualTo(java.util.Optional.of("KP"));
        // the generated forms keep their country
        assertThat(GAZ.countryOfDemonym("Serbian")).contains("RS");
    }

    @Test
    void simpleResolution() {
        assertThat(GAZ.resolveSimple("Baku")).contains("AZ");
        assertThat(GAZ.resolveSimple("Moscow")).contains("RU");
        assertThat(GAZ.resolveSimple("NATO")).isEmpty();
        assertThat(GAZ.resolveSimple("France 24")).isEmpty();
    }

    @Test
    void tokensMatchCoreNlpStyle() {
        assertThat(Gazetteer.tokens("Nagorno-Karabakh")).containsExactly("Nagorno", "-", "Karabakh");
        assertThat(Gazetteer.tokens("Washington, D.C.")).containsExactly("Washington", ",", "D.C.");
    }
}
