package org.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.clean.TextMask;

/** The order check and the language gate, with stub annotators (no CoreNLP). */
class EnrichPipelineTest {

    private static Annotator stub(String name, Set<Layer> requires, Set<Layer> produces, boolean englishOnly, List<String> log) {
        Annotator.Contract contract = new Annotator.Contract(name, requires, produces, englishOnly);
        return new Annotator() {
            @Override
            public Contract contract() {
                return contract;
            }

            @Override
            public void annotate(ArticleDoc doc) {
                log.add(name);
                if (produces.contains(Layer.MASK)) {
                    doc.setMask(TextMask.none(), List.of());
                }
            }
        };
    }

    @Test
    void refusesAnAnnotatorWhoseRequirementsComeLater() {
        List<String> log = new ArrayList<>();
        Annotator people = stub("people", EnumSet.of(Layer.COUNTRIES), EnumSet.of(Layer.PEOPLE), true, log);
        Annotator countries = stub("countries", EnumSet.noneOf(Layer.class), EnumSet.of(Layer.COUNTRIES), true, log);
        assertThatThrownBy(() -> new EnrichPipeline(List.of(people, countries)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'people' requires [COUNTRIES]");
        assertThat(new EnrichPipeline(List.of(countries, people)).annotators()).hasSize(2);
    }

    @Test
    void acceptsLayersTheCallerGives() {
        Annotator people = stub("people", EnumSet.of(Layer.TOKENS), EnumSet.of(Layer.PEOPLE), true, new ArrayList<>());
        assertThat(new EnrichPipeline(Set.of(Layer.TOKENS), List.of(people)).given()).containsExactly(Layer.TOKENS);
    }

    @Test
    void runsOnlyLanguageIndependentAnnotatorsOnOtherLanguages() {
        List<String> log = new ArrayList<>();
        EnrichPipeline p = new EnrichPipeline(List.of(
                stub("clean", EnumSet.noneOf(Layer.class), EnumSet.of(Layer.MASK), false, log),
                stub("tokens", EnumSet.noneOf(Layer.class), EnumSet.of(Layer.TOKENS), true, log)));
        p.annotate(new ArticleDoc("", "Le président a rencontré le chancelier.", "fr", null));
        assertThat(log).containsExactly("clean");
        log.clear();
        p.annotate(new ArticleDoc("", "The president met the chancellor.", null, null));
        assertThat(log).containsExactly("clean", "tokens");
    }

    @Test
    void readingALayerNobodyWroteIsAnError() {
        ArticleDoc doc = new ArticleDoc("", "text", "en", null);
        assertThatThrownBy(doc::geo).isInstanceOf(IllegalStateException.class).hasMessageContaining("COUNTRIES");
        assertThat(doc.geoOrEmpty().countries()).isEmpty();
    }
}
