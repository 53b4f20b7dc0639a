package org.newsflow.enrich.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An article body after CoreNLP: sentences, tokens and entity mentions, in plain Java records so that the
 * taggers (and their unit tests) do not depend on CoreNLP's annotation maps.
 */
public final class AnalyzedText {
    private final String body;
    private final List<Sentence> sentences;
    private final List<Token> tokens;
    private final List<EntityMention> entities;

    public AnalyzedText(String body, List<Sentence> sentences) {
        this.body = body;
        this.sentences = List.copyOf(sentences);
        List<Token> all = new ArrayList<>();
        sentences.forEach(s -> all.addAll(s.tokens()));
        this.tokens = Collections.unmodifiableList(all);
        this.entities = EntityMention.group(body, this.tokens);
    }

    public String body() {
        return body;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Maximal runs of tokens with the same NER class (CoreNLP's IO encoding has no B- tags). */
    public List<EntityMention> entities() {
        return entities;
    }

    public Sentence sentenceOf(Token token) {
        return sentences.get(token.sentence());
    }

    public String text(int begin, int end) {
        return body.substring(begin, end);
    }
}
