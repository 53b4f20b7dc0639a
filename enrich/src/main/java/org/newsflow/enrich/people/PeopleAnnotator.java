package org.newsflow.enrich.people;

import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.Annotator.Contract;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** People, organizations and actor mentions ({@link PeopleTagger}), over the country mentions already found. */
public final class PeopleAnnotator implements Annotator {
    private static final Contract CONTRACT = Contract.of("people", Set.of(Layer.TOKENS, Layer.MASK, Layer.COUNTRIES), Set.of(Layer.PEOPLE));

    private final PeopleTagger people;

    public PeopleAnnotator(PeopleTagger people) {
        this.people = people;
    }

    @Override
    public Contract contract() {
        return CONTRACT;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setPeople(people.tag(doc.text(), doc.geo(), doc.mask(), doc.publishedOn()));
    }
}
