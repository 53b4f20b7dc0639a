package org.newsflow.enrich.events;

import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.Annotator.Contract;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** Coded events and CAMEO 01x statements ({@link EventTagger}), their actors resolved through the people and country layers. */
public final class EventAnnotator implements Annotator {
    private static final Contract CONTRACT = Contract.of("events", Set.of(Layer.TOKENS, Layer.MASK, Layer.COUNTRIES, Layer.PEOPLE), Set.of(Layer.EVENTS, Layer.STATEMENTS));

    private final EventTagger events;

    public EventAnnotator(EventTagger events) {
        this.events = events;
    }

    @Override
    public Contract contract() {
        return CONTRACT;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        EventTagger.Coded coded = events.code(doc.text(), doc.geo(), doc.people(), doc.mask(), doc.publishedOn());
        doc.setEvents(coded.events());
        doc.setStatements(coded.statements());
    }
}
