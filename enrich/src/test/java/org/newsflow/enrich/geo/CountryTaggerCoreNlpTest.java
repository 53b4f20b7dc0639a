package org.newsflow.enrich.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CountryTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;

/** The tagger on CoreNLP's real tokenization and 3-class NER (sentences written for this test). */
class CountryTaggerCoreNlpTest {
    private static final CountryTagger TAGGER = org.newsflow.enrich.EnrichFactory.process().countryTagger();

    private static GeoResult tag(String body) {
        AnalyzedText t = NlpPipeline.shared().analyze(body);
        return TAGGER.tag(t, TextMask.none());
    }

    @Test
    void realTokenization() {
        String body = "Diplomats from Yerevan and Baku met in Brussels on Friday to discuss Nagorno-Karabakh, "
                + "while the Kremlin and the White House traded statements. The Armenian Foreign Ministry welcomed the talks, "
                + "and Moscow-based analysts were cautious.\n\nDownload the France 24 app";
        GeoResult r = tag(body);
        List<String> codes = r.countries().stream().map(CountryTag::code).toList();
        assertThat(codes).containsExactlyInAnyOrder("AM", "AZ", "BE", "RU", "US");
        assertThat(r.mentions()).extracting(GeoMention::text)
                .contains("Nagorno-Karabakh", "Kremlin", "White House", "Armenian Foreign Ministry", "Moscow");
        for (GeoMention m : r.mentions()) {
            assertThat(body.substring(m.begin(), m.end())).isEqualTo(m.text());
        }
    }

    @Test
    void personNamesFromCoreNlp() {
        GeoResult r = tag("Michael Jordan and Paris Hilton attended the gala in Los Angeles.");
        assertThat(r.countries()).extracting(CountryTag::code).containsExactly("US");
        assertThat(r.mentions()).extracting(GeoMention::text).containsExactly("Los Angeles");
    }

    @Test
    void stateAbbreviationAfterCity() {
        GeoResult r = tag("The company moved from Charleston, W.Va. to Columbus, Ohio last year.");
        assertThat(r.countries()).extracting(CountryTag::code).containsExactly("US");
    }
}
