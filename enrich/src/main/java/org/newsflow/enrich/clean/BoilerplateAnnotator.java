package org.newsflow.enrich.clean;

import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.Annotator.Contract;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** Masks publisher trailers and reads credit lines ({@link Boilerplate}); runs on every language. */
public final class BoilerplateAnnotator implements Annotator {
    // credits ("With Reuters") are read in any language
    private static final Contract CONTRACT = new Contract("boilerplate", Set.of(), Set.of(Layer.MASK), false);

    private final Boilerplate boilerplate;

    public BoilerplateAnnotator(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    @Override
    public Contract contract() {
        return CONTRACT;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        Boilerplate.Result r = boilerplate.scan(doc.body());
        doc.setMask(r.mask(), r.credits());
    }
}
