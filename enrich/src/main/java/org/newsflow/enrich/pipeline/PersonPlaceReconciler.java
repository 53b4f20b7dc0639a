package org.newsflow.enrich.pipeline;

import org.newsflow.enrich.people.EvidenceKind;
import org.newsflow.enrich.geo.GeoKind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsflow.contract.Mention;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.geo.CountryAnnotator;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.people.Names;
import org.newsflow.enrich.people.PeopleAnnotator;
import org.newsflow.enrich.people.PeopleResult;

/**
 * A person's name that landed on a town: "President Obama" (Obama is also a town in Japan), "Bush" (one in Egypt).
 * Countries are tagged before people, since the people rules use country mentions; when a city or town mention then
 * overlaps a person's name, countries are tagged again with those name tokens marked as a person's, so the town
 * goes, and people again over the corrected places. The second pass runs only in that case (a few articles in a
 * hundred), so the usual cost is one pass of each.
 */
public final class PersonPlaceReconciler implements Annotator {
    private final CountryAnnotator countries;
    private final PeopleAnnotator people;
    private final Contract contract;

    public PersonPlaceReconciler(CountryAnnotator countries, PeopleAnnotator people) {
        this.countries = countries;
        this.people = people;
        // it re-runs both, so it needs what either needs, and the people they made
        Set<Layer> requires = EnumSet.copyOf(countries.contract().requires());
        requires.addAll(people.contract().requires());
        requires.add(Layer.PEOPLE);
        this.contract = Contract.of("person-place-reconciler", requires, Set.of(Layer.COUNTRIES, Layer.PEOPLE));
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        boolean[] personTokens = nameTokens(doc.text(), doc.people());
        if (!townOnName(doc, personTokens)) {
            return;
        }
        doc.setGeo(countries.tag(doc, personTokens));
        people.annotate(doc);
    }

    private static boolean townOnName(ArticleDoc doc, boolean[] personTokens) {
        for (GeoMention g : doc.geo().mentions()) {
            if (g.is(GeoKind.CITY)) {
                for (int i = g.firstToken(); i <= g.lastToken(); i++) {
                    if (personTokens[i]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Per token, whether it is part of a person's name: inside the NAME evidence of a person (titles not
     * included), or a capitalised token equal to the surname of a person with a full name or a title elsewhere in
     * the article (CoreNLP now and then calls a later "Obama" a LOCATION).
     */
    static boolean[] nameTokens(AnalyzedText text, PeopleResult people) {
        List<Token> toks = text.tokens();
        boolean[] out = new boolean[toks.size()];
        Set<String> surnames = new HashSet<>();
        for (PersonTag p : people.people()) {
            List<String> w = Names.words(p.name());
            if (w.size() >= 2 || !p.titles().isEmpty()) {
                // only a real name spreads to other mentions: a lone untitled "Lansing" may be the CRF's mistake
                surnames.add(w.get(w.size() - 1));
            }
            for (Mention m : p.evidence()) {
                if (!EvidenceKind.NAME.is(m.kind())) {
                    continue;
                }
                for (int i = 0; i < toks.size(); i++) {
                    if (toks.get(i).begin() >= m.begin() && toks.get(i).end() <= m.end()) {
                        out[i] = true;
                    }
                }
            }
        }
        for (int i = 0; i < toks.size(); i++) {
            String t = toks.get(i).text();
            if (!out[i] && !t.isEmpty() && Character.isUpperCase(t.charAt(0)) && surnames.contains(Names.fold(t))) {
                out[i] = true;
            }
        }
        return out;
    }
}
