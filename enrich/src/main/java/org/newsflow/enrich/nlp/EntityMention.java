package org.newsflow.enrich.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A named-entity mention: consecutive tokens of one sentence that CoreNLP gave the same class.
 *
 * @param type PERSON, LOCATION, ORGANIZATION or MISC
 * @param firstToken article-wide index of its first token
 * @param lastToken article-wide index of its last token (inclusive)
 */
public record EntityMention(String type, String text, int begin, int end, int sentence, int firstToken, int lastToken) {

    /** Whether the mention has the class {@code c}. */
    public boolean is(NerClass c) {
        return c.name().equals(type);
    }

    static List<EntityMention> group(String body, List<Token> tokens) {
        List<EntityMention> mentions = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            boolean continues = t != null && start >= 0
                    && t.ner().equals(tokens.get(start).ner()) && t.sentence() == tokens.get(start).sentence();
            if (start >= 0 && !continues) {
                Token first = tokens.get(start);
                Token last = tokens.get(i - 1);
                mentions.add(new EntityMention(first.ner(), body.substring(first.begin(), last.end()), first.begin(), last.end(), first.sentence(), start, i - 1));
                start = -1;
            }
            if (t != null && t.isEntity() && start < 0) {
                start = i;
            }
        }
        return mentions;
    }

}
