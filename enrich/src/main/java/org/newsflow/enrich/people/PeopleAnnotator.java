package org.newsflow.enrich.people;

import java.util.EnumSet;
import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** People, organizations and actor mentions ({@link PeopleTagger}), over the country mentions already found. */
public final class PeopleAnnotator implements Annotator {
    private final PeopleTagger people;

    public PeopleAnnotator(PeopleTagger people) {
        this.people = people;
    }

    @Override
    public String name() {
        return "people";
    }

    @Override
    public Set<Layer> requires() {
        return EnumSet.of(Layer.TOKENS, Layer.MASK, Layer.COUNTRIES);
    }

    @Override
    public Set<Layer> produces() {
        return EnumSet.of(Layer.PEOPLE);
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setPeople(people.tag(doc.text(), doc.geo(), doc.mask()));
    }
}
