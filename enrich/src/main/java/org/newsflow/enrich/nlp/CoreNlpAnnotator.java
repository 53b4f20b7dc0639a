package org.newsflow.enrich.nlp;

import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.Annotator.Contract;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** One CoreNLP pass over the body: sentences, tokens, part of speech, lemma, coarse NER. */
public final class CoreNlpAnnotator implements Annotator {
    private static final Contract CONTRACT = Contract.of("corenlp", Set.of(), Set.of(Layer.TOKENS));

    private final NlpPipeline nlp;

    public CoreNlpAnnotator(NlpPipeline nlp) {
        this.nlp = nlp;
    }

    @Override
    public Contract contract() {
        return CONTRACT;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setText(nlp.analyze(doc.body()));
    }
}
