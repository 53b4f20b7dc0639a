package org.newsflow.enrich.nlp;

/**
 * CoreNLP's coarse entity classes, as the 3-class CRF (plus MISC) writes them on tokens. {@link Token#ner()} keeps
 * CoreNLP's string; rules ask {@link Token#is(NerClass)} or {@link EntityMention#is(NerClass)}.
 */
public enum NerClass {
    PERSON, LOCATION, ORGANIZATION, MISC,
    /** outside any entity */
    O
}
