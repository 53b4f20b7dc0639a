package org.newsflow.enrich.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.EnrichFactory;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;

/** Gazetteer matching and the NER vetoes on hand-built tokens (the real gazetteer, no CoreNLP). */
class MatchingRulesTest {
    private static final Gazetteer GAZ = EnrichFactory.process().gazetteer();
    private static final GazetteerMatcher MATCHER = new GazetteerMatcher(GAZ);

    private static List<PlaceMatch> matches(AnalyzedText t) {
        List<Piece> pieces = GazetteerMatcher.pieces(t.tokens(), TextMask.none());
        return MATCHER.match(pieces, GazetteerMatcher.counties(pieces), t.body());
    }

    @Test
    void placeFollowedByCommaAndStateIsQualified() {
        List<PlaceMatch> m = matches(HandBuiltText.of("Paris/NNP/paris/LOCATION", ",/,/,", "Texas/NNP/texas/LOCATION"));
        assertThat(m).extracting(x -> x.surface).containsExactly("Paris", "Texas");
        assertThat(m.get(0).qualifier).isSameAs(m.get(1));
    }

    @Test
    void countyPatternReplacesWhatItOverlaps() {
        List<PlaceMatch> m = matches(HandBuiltText.of("in/IN/in", "Licking/NNP/licking", "County/NNP/county"));
        assertThat(m).hasSize(1);
        assertThat(m.get(0).county).isTrue();
        assertThat(m.get(0).surface).isEqualTo("Licking County");
    }

    @Test
    void placeInsideALongerPersonNameIsVetoed() {
        AnalyzedText t = HandBuiltText.of("Jordan/NNP/jordan/PERSON", "Peterson/NNP/peterson/PERSON", "spoke/VBD/spoke");
        List<PlaceMatch> m = matches(t);
        new NerVetoes(GAZ).vetoAll(m, t, null);
        assertThat(m).filteredOn(x -> x.surface.equals("Jordan")).allMatch(x -> x.rejected);
    }

    @Test
    void lowerCaseMatchIsVetoed() {
        AnalyzedText t = HandBuiltText.of("the/DT/the", "china/NN/china", "cabinet/NN/cabinet");
        List<PlaceMatch> m = matches(t);
        new NerVetoes(GAZ).vetoAll(m, t, null);
        assertThat(m).allMatch(x -> x.rejected);
    }
}
