package org.newsflow.enrich.nlp;

/**
 * One token of an analysed article.
 *
 * @param text the token as it appears in the body
 * @param begin character offset into the body (inclusive)
 * @param end character offset into the body (exclusive)
 * @param pos Penn Treebank part-of-speech tag (NNP, VBD...)
 * @param lemma lower-case-insensitive base form ("accused" -> "accuse")
 * @param ner CoreNLP's coarse entity class: PERSON, LOCATION, ORGANIZATION, MISC or "O"
 * @param sentence index of the sentence in the article
 * @param index index of the token in the whole article
 */
public record Token(String text, int begin, int end, String pos, String lemma, String ner, int sentence, int index) {
    /** Whether CoreNLP gave this token the class {@code c}. */
    public boolean is(NerClass c) {
        return c.name().equals(ner);
    }

    public boolean isEntity() {
        return !"O".equals(ner);
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }
}
