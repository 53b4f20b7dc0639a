package org.newsflow.enrich.pipeline;

import java.util.Set;

/**
 * One step of enrichment: reads some layers of an article's {@link ArticleDoc} and writes others, like CoreNLP's
 * {@code Annotator} ({@code requires()} / {@code requirementsSatisfied()}) or a spaCy component
 * ({@code requires} / {@code assigns}). What it needs (models, lexicons, other taggers) comes through its
 * constructor ({@link org.newsflow.enrich.EnrichFactory}); it keeps no per-article state, so one instance serves
 * all threads.
 */
public interface Annotator {

    /**
     * What an annotator declares, checked by {@link EnrichPipeline} when it is built.
     *
     * @param name a short name for errors and docs ("countries", "people")
     * @param requires the layers that must be present before {@link #annotate} runs
     * @param produces the layers it writes (or revises, when another annotator wrote them first)
     * @param englishOnly whether it runs only on English articles: the models and lexicons are English, so an article
     *     in another language keeps only what is language-independent (the trailer mask and credits)
     */
    record Contract(String name, Set<Layer> requires, Set<Layer> produces, boolean englishOnly) {
        public Contract {
            requires = Set.copyOf(requires);
            produces = Set.copyOf(produces);
        }

        /** An English-only annotator. */
        public static Contract of(String name, Set<Layer> requires, Set<Layer> produces) {
            return new Contract(name, requires, produces, true);
        }
    }

    Contract contract();

    void annotate(ArticleDoc doc);
}
