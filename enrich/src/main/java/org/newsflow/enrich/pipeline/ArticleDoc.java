package org.newsflow.enrich.pipeline;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Statement;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.people.PeopleResult;

/**
 * The per-article document the annotators read and write, one {@link Layer} at a time. Reading a layer nobody wrote
 * is a programming error (the pipeline's order check should have refused it) and throws; layers an article in another
 * language never gets read as empty through {@link #geoOrEmpty()} and friends, for building the record.
 * Not thread-safe: one document belongs to one article on one thread.
 */
public final class ArticleDoc {
    private final String body;
    private final String title;
    private final String language;
    private final LocalDate publishedOn;
    private final Set<Layer> present = EnumSet.noneOf(Layer.class);

    private TextMask mask;
    private List<String> credits;
    private AnalyzedText text;
    private Set<String> headlineCountries;
    private GeoResult geo;
    private PeopleResult people;
    private List<EventTag> events;
    private List<Statement> statements;

    /**
     * @param language ISO 639-1 code, or null when unknown (an unknown language is tagged as English, the product's)
     * @param publishedOn the publication date event dates are resolved against, or null
     */
    public ArticleDoc(String title, String body, String language, LocalDate publishedOn) {
        this.title = title == null ? "" : title;
        this.body = Objects.requireNonNull(body, "body");
        this.language = language;
        this.publishedOn = publishedOn;
    }

    /** A document over text analysed elsewhere (the evaluations): no headline, nothing masked. */
    public static ArticleDoc ofText(AnalyzedText text, LocalDate publishedOn) {
        ArticleDoc doc = new ArticleDoc("", text.body(), "en", publishedOn);
        doc.setMask(TextMask.none(), List.of());
        doc.setText(text);
        doc.setHeadlineCountries(Set.of());
        return doc;
    }

    public String body() {
        return body;
    }

    public String title() {
        return title;
    }

    public String language() {
        return language;
    }

    /** Unknown (null: too short or mixed) counts as English; other languages are not tagged. */
    public boolean english() {
        return language == null || "en".equals(language);
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public boolean has(Layer layer) {
        return present.contains(layer);
    }

    private void need(Layer layer) {
        if (!present.contains(layer)) {
            throw new IllegalStateException("layer " + layer + " read before any annotator produced it");
        }
    }

    public TextMask mask() {
        need(Layer.MASK);
        return mask;
    }

    public List<String> credits() {
        need(Layer.MASK);
        return credits;
    }

    public void setMask(TextMask mask, List<String> credits) {
        this.mask = Objects.requireNonNull(mask);
        this.credits = List.copyOf(credits);
        present.add(Layer.MASK);
    }

    public AnalyzedText text() {
        need(Layer.TOKENS);
        return text;
    }

    public void setText(AnalyzedText text) {
        this.text = Objects.requireNonNull(text);
        present.add(Layer.TOKENS);
    }

    public Set<String> headlineCountries() {
        need(Layer.HEADLINE_COUNTRIES);
        return headlineCountries;
    }

    public void setHeadlineCountries(Set<String> codes) {
        this.headlineCountries = Set.copyOf(codes);
        present.add(Layer.HEADLINE_COUNTRIES);
    }

    public GeoResult geo() {
        need(Layer.COUNTRIES);
        return geo;
    }

    public GeoResult geoOrEmpty() {
        return has(Layer.COUNTRIES) ? geo : GeoResult.EMPTY;
    }

    public void setGeo(GeoResult geo) {
        this.geo = Objects.requireNonNull(geo);
        present.add(Layer.COUNTRIES);
    }

    public PeopleResult people() {
        need(Layer.PEOPLE);
        return people;
    }

    public PeopleResult peopleOrEmpty() {
        return has(Layer.PEOPLE) ? people : PeopleResult.EMPTY;
    }

    public void setPeople(PeopleResult people) {
        this.people = Objects.requireNonNull(people);
        present.add(Layer.PEOPLE);
    }

    public List<EventTag> events() {
        need(Layer.EVENTS);
        return events;
    }

    public List<EventTag> eventsOrEmpty() {
        return has(Layer.EVENTS) ? events : List.of();
    }

    public void setEvents(List<EventTag> events) {
        this.events = List.copyOf(events);
        present.add(Layer.EVENTS);
    }

    public List<Statement> statements() {
        need(Layer.STATEMENTS);
        return statements;
    }

    public List<Statement> statementsOrEmpty() {
        return has(Layer.STATEMENTS) ? statements : List.of();
    }

    public void setStatements(List<Statement> statements) {
        this.statements = List.copyOf(statements);
        present.add(Layer.STATEMENTS);
    }
}
