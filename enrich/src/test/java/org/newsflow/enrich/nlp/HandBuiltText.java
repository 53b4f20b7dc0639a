package org.newsflow.enrich.nlp;

import java.util.ArrayList;
import java.util.List;

/** Sentences built by hand ("held/VBD/hold/O"), for rule tests that need no CoreNLP. */
public final class HandBuiltText {
    private HandBuiltText() {}

    /** One sentence from "word/POS/lemma[/NER]" specs (NER "O" when left out), words joined by single spaces. */
    public static AnalyzedText of(String... specs) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String spec : specs) {
            String[] f = spec.split("/");
            if (body.length() > 0) {
                body.append(' ');
            }
            int begin = body.length();
            body.append(f[0]);
            tokens.add(new Token(f[0], begin, body.length(), f[1], f[2], f.length > 3 ? f[3] : "O", 0, tokens.size()));
        }
        return new AnalyzedText(body.toString(), List.of(new Sentence(0, 0, body.length(), 0, tokens)));
    }
}
