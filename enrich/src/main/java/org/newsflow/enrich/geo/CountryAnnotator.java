package org.newsflow.enrich.geo;

import java.util.Set;
import org.newsflow.enrich.pipeline.Annotator;
import org.newsflow.enrich.pipeline.Annotator.Contract;
import org.newsflow.enrich.pipeline.ArticleDoc;
import org.newsflow.enrich.pipeline.Layer;

/** Countries, places and every resolved span ({@link CountryTagger}). */
public final class CountryAnnotator implements Annotator {
    private static final Contract CONTRACT = Contract.of("countries", Set.of(Layer.TOKENS, Layer.MASK, Layer.HEADLINE_COUNTRIES), Set.of(Layer.COUNTRIES));

    private final CountryTagger countries;

    public CountryAnnotator(CountryTagger countries) {
        this.countries = countries;
    }

    @Override
    public Contract contract() {
        return CONTRACT;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        doc.setGeo(tag(doc, null));
    }

    /**
     * The countries of the document, with the tokens of people's names that another annotator found
     * ({@link CountryTagger#tag(org.newsflow.enrich.nlp.AnalyzedText, org.newsflow.enrich.clean.TextMask, boolean[], Set)}).
     *
     * @param personTokens per token, whether it is part of a person's name; null for none
     */
    public GeoResult tag(ArticleDoc doc, boolean[] personTokens) {
        return countries.tag(doc.text(), doc.mask(), personTokens, doc.headlineCountries());
    }
}
