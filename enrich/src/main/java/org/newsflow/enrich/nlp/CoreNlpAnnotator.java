package org.newsflow.enrich.nlp;

import java.util.EnumSet;
import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** One CoreNLP pass over the body: sentences, tokens, part of speech, lemma, coarse NER. */
public final class CoreNlpAnnotator implements Annotator {
    private final NlpPipeline nlp;

    public CoreNlpAnnotator(NlpPipeline nlp) {
        this.nlp = nlp;
    }

    @Override
    public String name() {
        return "corenlp";
    }

    @Override
    public Set<Layer> requires() {
        return EnumSet.noneOf(Layer.class);
    }

    @Override
    public Set<Layer> produces() {
        return EnumSet.of(Layer.TOKENS);
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setText(nlp.analyze(doc.body()));
    }
}
