package org.newsflow.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsflow.contract.Actor;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.Mention;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Statement;

/** Small hand-made enriched records with exactly the tags a test needs. */
public final class TestArticles {
    private TestArticles() {}

    public static Builder article(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private Instant published = Instant.parse("2022-11-07T10:00:00Z");
        private Instant enrichedAt = Instant.parse("2022-11-07T10:05:00Z");
        private String language = "en";
        private String source = "France 24";
        private String title;
        private String body;
        private String duplicateOf;
        private final List<CountryTag> countries = new ArrayList<>();
        private final List<PersonTag> people = new ArrayList<>();
        private final List<OrganizationTag> organizations = new ArrayList<>();
        private final List<EventTag> events = new ArrayList<>();
        private final List<Statement> statements = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        public Builder published(String instant) {
            this.published = Instant.parse(instant);
            return this;
        }

        public Builder enrichedAt(String instant) {
            this.enrichedAt = Instant.parse(instant);
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Marked by ingest as a near-duplicate of {@code firstId}. */
        public Builder duplicateOf(String firstId) {
            this.duplicateOf = firstId;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder countries(String... codes) {
            for (String code : codes) {
                countries.add(new CountryTag(code, code + "X", "Country " + code, 1, countries.isEmpty(), List.of()));
            }
            return this;
        }

        public Builder person(String name, String country) {
            people.add(new PersonTag(name, name.toLowerCase().replace(' ', '_'), 2, List.of("President"), country, List.of()));
            return this;
        }

        public Builder organization(String name, String acronym) {
            organizations.add(new OrganizationTag(name, acronym, "IGO", null, 1, List.of()));
            return this;
        }

        public Builder event(String type, String source, String target) {
            return event(type, 4, source, null, target, null, false);
        }

        /** An event with its QuadClass, the actors' countries and names (null: none), real or hypothetical. */
        public Builder event(String type, int quadClass, String source, String sourceName, String target, String targetName,
                             boolean hypothetical) {
            events.add(new EventTag(type, null, "19", quadClass,
                    source == null && sourceName == null ? null : new Actor(source, sourceName, sourceName != null ? "PERSON" : "COUNTRY", "MIL"),
                    target == null && targetName == null ? null : new Actor(target, targetName, targetName != null ? "PERSON" : "COUNTRY", "MIL"),
                    null, null, "2022-11-07", target, null, null, false, hypothetical));
            return this;
        }

        /** A CAMEO 01x statement by a country's government, real or hypothetical. */
        public Builder statement(String cameoCode, String source, boolean hypothetical) {
            statements.add(new Statement(cameoCode, Statement.QUAD_CLASS, new Actor(source, "Country " + source, "COUNTRY", "GOV"),
                    null, new Mention(0, 4, "said"), new Mention(0, 10, "Body of it"), "2022-11-07", false, hypothetical));
            return this;
        }

        public EnrichedArticle build() {
            Map<String, Integer> counts = new TreeMap<>();
            events.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
            RawArticle raw = new RawArticle(1, id, "https://news.example/" + id, source, title != null ? title : "Title " + id,
                    body != null ? body : "Body of " + id, language, published, published.plusSeconds(5), "test",
                    duplicateOf, duplicateOf == null ? null : 0.9);
            return new EnrichedArticle(1, id, raw, language, enrichedAt, "test/1", countries, people, organizations,
                    List.of(), events, counts, List.of(), null, statements);
        }
    }
}
