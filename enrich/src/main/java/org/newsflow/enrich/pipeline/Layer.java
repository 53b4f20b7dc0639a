package org.newsflow.enrich.pipeline;

/**
 * What an annotator reads from and writes to the {@link ArticleDoc}: the layers of one article's analysis.
 * {@link EnrichPipeline} checks at start-up that every layer an annotator requires is produced before it.
 */
public enum Layer {
    /** {@link ArticleDoc#mask()} and {@link ArticleDoc#credits()}: publisher trailers masked, credit lines read. */
    MASK,
    /** {@link ArticleDoc#text()}: CoreNLP sentences and tokens with part of speech, lemma and coarse NER. */
    TOKENS,
    /** {@link ArticleDoc#headlineCountries()}: the countries the headline names (they weigh in the focus flags). */
    HEADLINE_COUNTRIES,
    /** {@link ArticleDoc#geo()}: country mentions, countries with their focus flag, locations. */
    COUNTRIES,
    /** {@link ArticleDoc#people()}: people, organizations and the actor mentions the event rules resolve to. */
    PEOPLE,
    /** {@link ArticleDoc#events()}: coded events. */
    EVENTS,
    /** {@link ArticleDoc#statements()}: CAMEO 01x public statements (not events: no PLOVER type). */
    STATEMENTS
}
