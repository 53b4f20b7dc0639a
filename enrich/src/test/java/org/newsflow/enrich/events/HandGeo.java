package org.newsflow.enrich.events;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.enrich.geo.GeoKind;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Token;

/** Country tags built by hand for event tests, so a test states exactly which words the gazetteer would tag. */
final class HandGeo {
    private HandGeo() {}

    /** Geo mentions for single tokens, "word=CC:KIND" ("Peruvian=PE:DEMONYM"); a CITY names itself as the place. */
    static GeoResult of(AnalyzedText t, String... specs) {
        List<GeoMention> out = new ArrayList<>();
        for (String spec : specs) {
            String word = spec.substring(0, spec.indexOf('='));
            String[] v = spec.substring(spec.indexOf('=') + 1).split(":");
            for (Token k : t.tokens()) {
                if (k.text().equals(word)) {
                    out.add(new GeoMention(k.index(), k.index(), k.begin(), k.end(), k.text(), v[0], GeoKind.valueOf(v[1]), v[1].equals("CITY") ? k.text() : null));
                }
            }
        }
        return new GeoResult(List.of(), List.of(), out);
    }
}
