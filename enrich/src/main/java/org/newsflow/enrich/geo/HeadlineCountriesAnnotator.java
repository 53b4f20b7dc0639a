package org.newsflow.enrich.geo;

import java.util.Set;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.Annotator.Contract;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/**
 * The countries the headline names ({@link CountryTagger#headlineCountries}): a headline says what the article is
 * about, so they weigh in the focus flags. The title gets its own CoreNLP pass; it is not part of the body.
 */
public final class HeadlineCountriesAnnotator implements Annotator {
    private static final Contract CONTRACT = Contract.of("headline-countries", Set.of(), Set.of(Layer.HEADLINE_COUNTRIES));

    private final NlpPipeline nlp;
    private final CountryTagger countries;

    public HeadlineCountriesAnnotator(NlpPipeline nlp, CountryTagger countries) {
        this.nlp = nlp;
        this.countries = countries;
    }

    @Override
    public Contract contract() {
        return CONTRACT;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setHeadlineCountries(doc.title().isBlank() ? Set.of() : countries.headlineCountries(nlp.analyze(doc.title())));
    }
}
