package org.newsflow.enrich.events;

import java.util.EnumSet;
import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** Coded events ({@link EventTagger}), their actors resolved through the people and country layers. */
public final class EventAnnotator implements Annotator {
    private final EventTagger events;

    public EventAnnotator(EventTagger events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public Set<Layer> requires() {
        return EnumSet.of(Layer.TOKENS, Layer.MASK, Layer.COUNTRIES, Layer.PEOPLE);
    }

    @Override
    public Set<Layer> produces() {
        return EnumSet.of(Layer.EVENTS);
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setEvents(events.tag(doc.text(), doc.geo(), doc.people(), doc.mask(), doc.publishedOn()));
    }
}
