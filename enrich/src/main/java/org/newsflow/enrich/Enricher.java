package org.newsflow.enrich;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.RawArticle;
import org.newsflow.enrich.clean.Boilerplate;
import org.newsflow.enrich.events.EventTagger;
import org.newsflow.enrich.geo.CountryTagger;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.LanguageDetector;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.people.PeopleResult;
import org.newsflow.enrich.people.PeopleTagger;

/**
 * Turns a raw article into an enriched one: one CoreNLP pass, then the gazetteer, people and event taggers
 * over its tokens. Stateless and thread-safe; every model and lexicon is loaded once per process.
 * This is the single code path of the Kafka service, the tag command, the evaluations and the benchmark.
 */
public final class Enricher {
    public static final String VERSION = "newsflow-enrich/0.1";
    private static final String ENGLISH = "en";

    private final NlpPipeline nlp;
    private final LanguageDetector languages;
    private final Boilerplate boilerplate;
    private final CountryTagger countries;
    private final PeopleTagger people;
    private final EventTagger events;
    private final String description;

    public Enricher(NlpPipeline nlp, LanguageDetector languages, Boilerplate boilerplate, CountryTagger countries, PeopleTagger people, EventTagger events) {
        this.nlp = nlp;
        this.languages = languages;
        this.boilerplate = boilerplate;
        this.countries = countries;
        this.people = people;
        this.events = events;
        this.description = VERSION + " (corenlp " + nlp.description() + "; gazetteer, people and event rules)";
    }

    /** The process-wide enricher (loads CoreNLP on first use: 5-15 s). */
    public static Enricher shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Enricher INSTANCE = new Enricher(NlpPipeline.shared(), new LanguageDetector(), Boilerplate.loadDefault(),
                CountryTagger.loadDefault(), PeopleTagger.loadDefault(), EventTagger.loadDefault());
    }

    public EnrichedArticle enrich(RawArticle article) {
        String language = article.language() != null ? article.language() : languages.detect(article.body());
        Boilerplate.Result clean = boilerplate.scan(article.body());
        // Unknown (null: too short or mixed) is tagged as English, the product's language; other languages are not.
        if (language != null && !ENGLISH.equals(language)) {
            // The models and lexicons are English: tagging other languages with them would publish noise.
            // Such articles pass through with their language and no tags, so consumers still see them.
            return build(article, language, GeoResult.EMPTY, PeopleResult.EMPTY, List.of(), clean.credits());
        }
        AnalyzedText text = nlp.analyze(article.body());
        // countries then people; a person's name taken for a town ("President Obama") is re-tagged as a name
        Set<String> headline = article.title().isBlank() ? Set.of() : countries.headlineCountries(nlp.analyze(article.title()));
        PeopleTagger.Tagged tagged = people.tagWithCountries(text, countries, clean.mask(), headline);
        GeoResult geo = tagged.geo();
        PeopleResult actors = tagged.people();
        List<EventTag> found = events.tag(text, geo, actors, clean.mask(), publicationDate(article));
        return build(article, language, geo, actors, found, clean.credits());
    }

    private EnrichedArticle build(RawArticle article, String language, GeoResult geo, PeopleResult actors,
            List<EventTag> found, List<String> credits) {
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                article.id(),
                article,
                language,
                Instant.now(),
                description,
                geo.countries(),
                actors.people(),
                actors.organizations(),
                geo.locations(),
                found,
                EventTagger.countByType(found),
                credits);
    }

    private static LocalDate publicationDate(RawArticle article) {
        return article.publishedAt() == null ? null : LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC);
    }
}
