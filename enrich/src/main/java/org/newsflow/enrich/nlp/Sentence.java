package org.newsflow.enrich.nlp;

import java.util.List;

/**
 * A sentence: its tokens and its span in the body.
 *
 * @param firstToken article-wide index of the sentence's first token
 */
public record Sentence(int index, int begin, int end, int firstToken, List<Token> tokens) {
    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public String text(String body) {
        return body.substring(begin, end);
    }
}
