package org.newsflow.sink.store;

import java.util.List;

/**
 * The filters every query of the API shares (articles, stats, drill-downs). An empty list or a null value means
 * "any"; several values in one list mean "any of them". Lists are combined with AND.
 *
 * @param fromMs inclusive lower bound on the article time (epoch ms), or null
 * @param toMs exclusive upper bound on the article time (epoch ms), or null
 * @param countries ISO alpha-2 codes, upper case: the article tags one of them
 * @param people person keys or name parts ({@code putin} finds Vladimir Putin: a whole word of the name, any case)
 * @param organizations organization names, acronyms or name parts (any case)
 * @param eventTypes PLOVER types, upper case: the article has an event of one of them (when events are counted:
 *        only those events are counted)
 * @param quadClasses QuadClass 1..4, the same way
 * @param sources publisher names, exact
 * @param languages ISO 639-1 codes, lower case
 * @param text full-text query over title and body (words, all of which must occur), or null
 * @param duplicates near-duplicates marked by ingest ({@code RawArticle.duplicateOf}): kept, left out, or alone
 */
public record ArticleFilter(
        Long fromMs,
        Long toMs,
        List<String> countries,
        List<String> people,
        List<String> organizations,
        List<String> eventTypes,
        List<Integer> quadClasses,
        List<String> sources,
        List<String> languages,
        String text,
        Duplicates duplicates) {

    /** What to do with articles ingest marked as near-duplicates of an earlier one. */
    public enum Duplicates {
        INCLUDE,
        EXCLUDE,
        ONLY
    }

    public ArticleFilter {
        countries = copy(countries);
        people = copy(people);
        organizations = copy(organizations);
        eventTypes = copy(eventTypes);
        quadClasses = copy(quadClasses);
        sources = copy(sources);
        languages = copy(languages);
        duplicates = duplicates == null ? Duplicates.INCLUDE : duplicates;
    }

    /** No filter at all. */
    public static ArticleFilter any() {
        return new ArticleFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public ArticleFilter withTime(Long from, Long to) {
        return new ArticleFilter(from, to, countries, people, organizations, eventTypes, quadClasses, sources, languages,
                text, duplicates);
    }

    public ArticleFilter withCountries(List<String> codes) {
        return new ArticleFilter(fromMs, toMs, codes, people, organizations, eventTypes, quadClasses, sources, languages,
                text, duplicates);
    }

    public ArticleFilter withPeople(List<String> keys) {
        return new ArticleFilter(fromMs, toMs, countries, keys, organizations, eventTypes, quadClasses, sources, languages,
                text, duplicates);
    }

    public ArticleFilter withOrganizations(List<String> names) {
        return new ArticleFilter(fromMs, toMs, countries, people, names, eventTypes, quadClasses, sources, languages,
                text, duplicates);
    }

    public ArticleFilter withEvents(List<String> types, List<Integer> quads) {
        return new ArticleFilter(fromMs, toMs, countries, people, organizations, types, quads, sources, languages,
                text, duplicates);
    }

    public ArticleFilter withSources(List<String> names) {
        return new ArticleFilter(fromMs, toMs, countries, people, organizations, eventTypes, quadClasses, names, languages,
                text, duplicates);
    }

    public ArticleFilter withLanguages(List<String> codes) {
        return new ArticleFilter(fromMs, toMs, countries, people, organizations, eventTypes, quadClasses, sources, codes,
                text, duplicates);
    }

    public ArticleFilter withText(String query) {
        return new ArticleFilter(fromMs, toMs, countries, people, organizations, eventTypes, quadClasses, sources, languages,
                query, duplicates);
    }

    public ArticleFilter withDuplicates(Duplicates d) {
        return new ArticleFilter(fromMs, toMs, countries, people, organizations, eventTypes, quadClasses, sources, languages,
                text, d);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
