package org.newsflow.enrich.clean;

import java.util.EnumSet;
import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** Masks publisher trailers and reads credit lines ({@link Boilerplate}); runs on every language. */
public final class BoilerplateAnnotator implements Annotator {
    private final Boilerplate boilerplate;

    public BoilerplateAnnotator(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    @Override
    public String name() {
        return "boilerplate";
    }

    @Override
    public Set<Layer> requires() {
        return EnumSet.noneOf(Layer.class);
    }

    @Override
    public Set<Layer> produces() {
        return EnumSet.of(Layer.MASK);
    }

    @Override
    public boolean englishOnly() {
        return false; // credits ("With Reuters") are read in any language
    }

    @Override
    public void annotate(ArticleDoc doc) {
        Boilerplate.Result r = boilerplate.scan(doc.body());
        doc.setMask(r.mask(), r.credits());
    }
}
