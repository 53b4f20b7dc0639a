package org.newsflow.enrich.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsflow.enrich.geo.GeoKind;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Token;

/**
 * A stand-in for the country tagger in these tests: resolves a handful of country names, demonyms and capitals
 * by exact token text, so the people tests do not depend on the geo module's state.
 */
final class StubGeo {
    private static final Map<String, String[]> ONE = Map.ofEntries(
            Map.entry("Armenia", new String[] {"AM", "NAME"}), Map.entry("Armenian", new String[] {"AM", "DEMONYM"}),
            Map.entry("Armenians", new String[] {"AM", "DEMONYM"}), Map.entry("Yerevan", new String[] {"AM", "CAPITAL"}),
            Map.entry("Azerbaijan", new String[] {"AZ", "NAME"}), Map.entry("Azerbaijani", new String[] {"AZ", "DEMONYM"}),
            Map.entry("Baku", new String[] {"AZ", "CAPITAL"}), Map.entry("Russia", new String[] {"RU", "NAME"}),
            Map.entry("Russian", new String[] {"RU", "DEMONYM"}), Map.entry("Moscow", new String[] {"RU", "CAPITAL"}),
            Map.entry("American", new String[] {"US", "DEMONYM"}), Map.entry("US", new String[] {"US", "NAME"}),
            Map.entry("Washington", new String[] {"US", "CAPITAL"}), Map.entry("Brussels", new String[] {"BE", "CAPITAL"}),
            Map.entry("Ukraine", new String[] {"UA", "NAME"}), Map.entry("Ukrainian", new String[] {"UA", "DEMONYM"}),
            Map.entry("France", new String[] {"FR", "NAME"}), Map.entry("French", new String[] {"FR", "DEMONYM"}),
            Map.entry("Korea", new String[] {"KP", "NAME"}), Map.entry("Korean", new String[] {"KP", "DEMONYM"}),
            Map.entry("China", new String[] {"CN", "NAME"}), Map.entry("Chinese", new String[] {"CN", "DEMONYM"}),
            Map.entry("Israel", new String[] {"IL", "NAME"}), Map.entry("Israeli", new String[] {"IL", "DEMONYM"}),
            Map.entry("German", new String[] {"DE", "DEMONYM"}), Map.entry("Germany", new String[] {"DE", "NAME"}),
            Map.entry("British", new String[] {"GB", "DEMONYM"}), Map.entry("Turkish", new String[] {"TR", "DEMONYM"}),
            Map.entry("Iran", new String[] {"IR", "NAME"}), Map.entry("Iranian", new String[] {"IR", "DEMONYM"}));

    private StubGeo() {}

    static GeoResult tag(AnalyzedText text) {
        List<GeoMention> out = new ArrayList<>();
        List<Token> toks = text.tokens();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (i + 1 < toks.size() && t.text().equals("United") && toks.get(i + 1).text().equals("States")) {
                out.add(new GeoMention(i, i + 1, t.begin(), toks.get(i + 1).end(), "United States", "US", GeoKind.NAME, null));
                i++;
                continue;
            }
            String[] hit = ONE.get(t.text());
            if (hit != null) {
                out.add(new GeoMention(i, i, t.begin(), t.end(), t.text(), hit[0], GeoKind.valueOf(hit[1]), null));
            }
        }
        return new GeoResult(List.of(), List.of(), out);
    }
}
