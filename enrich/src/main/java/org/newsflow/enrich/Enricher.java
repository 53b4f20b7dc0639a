package org.newsflow.enrich;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.RawArticle;
import org.newsflow.enrich.events.EventTagger;
import org.newsflow.enrich.nlp.LanguageDetector;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.EnrichPipeline;

/**
 * Turns a raw article into an enriched one: the language, then the annotators of an {@link EnrichPipeline} (trailer
 * mask, one CoreNLP pass, countries, people, events) over one per-article {@link ArticleDoc}, then the record.
 * Stateless and thread-safe; every model and lexicon is loaded once per process, by {@link EnrichFactory}.
 * This is the single code path of the Kafka service, the tag command and the benchmark.
 */
public final class Enricher {
    public static final String VERSION = "newsflow-enrich/0.1";

    private final LanguageDetector languages;
    private final EnrichPipeline pipeline;
    private final String description;

    /**
     * @param pipeline the annotators, in order (see {@link EnrichFactory#articlePipeline()})
     * @param nlpDescription the CoreNLP configuration, for the record's {@code enricher} field
     */
    public Enricher(LanguageDetector languages, EnrichPipeline pipeline, String nlpDescription) {
        this.languages = languages;
        this.pipeline = pipeline;
        this.description = VERSION + " (corenlp " + nlpDescription + "; gazetteer, people and event rules)";
    }

    /** The process-wide enricher, from {@link EnrichFactory#process()} (loads CoreNLP on first use: 5-15 s). */
    public static Enricher shared() {
        return EnrichFactory.process().enricher();
    }

    public EnrichedArticle enrich(RawArticle article) {
        String language = article.language() != null ? article.language() : languages.detect(article.body());
        ArticleDoc doc = new ArticleDoc(article.title(), article.body(), language, publicationDate(article));
        // An article in another language keeps its trailer mask and credits and gets no tags (see Annotator#englishOnly).
        pipeline.annotate(doc);
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                article.id(),
                article,
                language,
                Instant.now(),
                description,
                doc.geoOrEmpty().countries(),
                doc.peopleOrEmpty().people(),
                doc.peopleOrEmpty().organizations(),
                doc.geoOrEmpty().locations(),
                doc.eventsOrEmpty(),
                EventTagger.countByType(doc.eventsOrEmpty()),
                doc.credits(),
                null,
                doc.statementsOrEmpty());
    }

    private static LocalDate publicationDate(RawArticle article) {
        return article.publishedAt() == null ? null : LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC);
    }
}
