package org.newsflow.contract;

import java.util.List;

/**
 * The languages newsflow's language detection chooses from (ISO 639-1 codes): those news feeds commonly carry, and
 * those of the regions the gazetteer covers. Ingest (which sets {@code language} when the source does not) and enrich
 * (which detects again when it is missing) read this one list, so the two agree on an article. Restricting the
 * detector to a list keeps its models small and its answers on short texts better than "any of 75 languages".
 */
public final class NewsLanguages {
    private NewsLanguages() {}

    public static final List<String> CODES = List.of(
            "en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr", "ar",
            "fa", "zh", "ja", "ko", "hi", "id", "sv", "hy", "az", "ka", "he", "el");
}
