package org.newsflow.sink.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.RawArticle;
import org.newsflow.sink.store.SearchText;

/** The summary of an article in lists: its metadata and tags without evidence, plus the search snippet. */
final class ArticleSummaries {
    private ArticleSummaries() {}

    /**
     * @param snippet the text around the matches, or null
     * @param searched whether the list answers a full-text query (then {@code snippet} and {@code highlights} are
     *        always present, null and empty when the match was not found in the text)
     */
    static Map<String, Object> summary(EnrichedArticle a, SearchText.Snippet snippet, boolean searched) {
        RawArticle raw = a.article();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", a.id());
        s.put("title", raw.title());
        s.put("url", raw.url());
        s.put("source", raw.source());
        s.put("language", a.language());
        s.put("publishedAt", raw.publishedAt());
        s.put("enrichedAt", a.enrichedAt());
        s.put("duplicateOf", raw.duplicateOf());
        s.put("countries", a.countries().stream().map((CountryTag c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("name", c.name());
            m.put("focus", c.focus());
            m.put("mentions", c.mentions());
            return m;
        }).toList());
        s.put("people", a.people().stream().map((PersonTag t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("key", t.key());
            m.put("country", t.country());
            m.put("titles", t.titles());
            return m;
        }).toList());
        s.put("organizations", a.organizations().stream().map(OrganizationTag::name).toList());
        s.put("eventCounts", a.eventCounts());
        s.put("href", "/api/articles/" + a.id());
        if (searched) {
            s.put("snippet", snippet == null ? null : snippet.text());
            s.put("highlights", snippet == null ? List.of() : snippet.highlights());
        }
        return s;
    }
}
