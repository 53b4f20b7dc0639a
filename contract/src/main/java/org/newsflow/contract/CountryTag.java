package org.newsflow.contract;

import java.util.List;

/**
 * A country the article concerns.
 *
 * @param code ISO 3166-1 alpha-2
 * @param alpha3 ISO 3166-1 alpha-3
 * @param name English short name
 * @param mentions number of evidence spans
 * @param focus whether the article is mainly about this country
 * @param evidence the spans it was resolved from, each with its kind
 */
public record CountryTag(String code, String alpha3, String name, int mentions, boolean focus, List<Mention> evidence) {
    public CountryTag {
        evidence = List.copyOf(evidence);
    }
}
