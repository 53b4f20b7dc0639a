package org.newsflow.enrich.pipeline;

import java.util.Set;

/**
 * One step of enrichment: reads some layers of an article's {@link ArticleDoc} and writes others, like CoreNLP's
 * {@code Annotator} ({@code requires()} / {@code requirementsSatisfied()}) or a spaCy component
 * ({@code requires} / {@code assigns}). What it needs (models, lexicons, other taggers) comes through its
 * constructor ({@link EnrichFactory}); it keeps no per-article state, so one instance serves all threads.
 */
public interface Annotator {
    /** A short name for errors and docs ("countries", "people"). */
    String name();

    /** The layers that must be present before {@link #annotate} runs. */
    Set<Layer> requires();

    /** The layers it writes (or revises, when another annotator wrote them first). */
    Set<Layer> produces();

    /**
     * Whether it runs only on English articles. The models and lexicons are English: an article in another language
     * keeps only what is language-independent (the trailer mask and credits) and passes through untagged.
     */
    default boolean englishOnly() {
        return true;
    }

    void annotate(ArticleDoc doc);
}
