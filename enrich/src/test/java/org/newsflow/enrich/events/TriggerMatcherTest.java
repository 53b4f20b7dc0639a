package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;

/** Trigger matching on hand-built tokens: lemmas, gaps, longest match, masks. No CoreNLP. */
class TriggerMatcherTest {
    private static final TriggerMatcher MATCHER = new TriggerMatcher(EventLexicon.loadDefault());

    private static List<TriggerMatch> triggers(AnalyzedText text, TextMask mask) {
        EventDoc doc = new EventDoc(text, null, null, mask, LocalDate.of(2022, 11, 7));
        return MATCHER.findTriggers(text.sentences().get(0), doc);
    }

    @Test
    void verbTriggerMatchesThroughItsLemma() {
        AnalyzedText t = HandBuiltText.of("Armenia/NNP/Armenia/LOCATION", "accused/VBD/accuse", "Azerbaijan/NNP/Azerbaijan/LOCATION");
        List<TriggerMatch> m = triggers(t, TextMask.none());
        assertThat(m).extracting(x -> x.trigger().pattern()).containsExactly("accuse");
        assertThat(m.get(0).head()).isEqualTo(1);
    }

    @Test
    void gapPatternTakesTheWordsBetweenAndWinsOverTheShorterNoun() {
        AnalyzedText t = HandBuiltText.of("They/PRP/they", "held/VBD/hold", "direct/JJ/direct", "talks/NNS/talk");
        List<TriggerMatch> m = triggers(t, TextMask.none());
        assertThat(m).extracting(x -> x.trigger().pattern()).containsExactly("hold ~ talk");
        assertThat(m.get(0).covered()).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void maskedTokensNeverTrigger() {
        AnalyzedText t = HandBuiltText.of("Armenia/NNP/Armenia/LOCATION", "accused/VBD/accuse", "Azerbaijan/NNP/Azerbaijan/LOCATION");
        TextMask mask = new TextMask(List.of(new TextMask.Range(8, 15, "trailer")));
        assertThat(triggers(t, mask)).isEmpty();
    }

    @Test
    void aParticleTheOneWordPatternLacksMakesAnotherVerb() {
        AnalyzedText up = HandBuiltText.of("Farmers/NNS/farmer", "signed/VBD/sign", "up/RP/up", "to/TO/to", "the/DT/the", "scheme/NN/scheme");
        assertThat(triggers(up, TextMask.none())).isEmpty();
        AnalyzedText plain = HandBuiltText.of("Peru/NNP/Peru/LOCATION", "signed/VBD/sign", "the/DT/the", "treaty/NN/treaty");
        assertThat(triggers(plain, TextMask.none())).extracting(x -> x.trigger().pattern()).contains("sign");
    }

    @Test
    void welcomingAStatementIsPraiseAndAWarmWelcomeIsHosting() {
        AnalyzedText praise = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "welcomed/VBD/welcome", "the/DT/the", "joint/JJ/joint", "statement/NN/statement");
        assertThat(triggers(praise, TextMask.none())).extracting(x -> x.trigger().code()).containsExactly("051");
        AnalyzedText host = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "gave/VBD/give", "a/DT/a", "warm/JJ/warm", "welcome/NN/welcome",
                "to/TO/to", "Peru/NNP/Peru/LOCATION");
        assertThat(triggers(host, TextMask.none())).extracting(x -> x.trigger().code()).containsExactly("043");
    }
}
