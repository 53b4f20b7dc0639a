package org.newsflow.enrich.nlp;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Detects the language of articles whose source does not say, with Lingua (n-gram models, no network, good on
 * short texts). Restricted to the languages news feeds commonly carry and run in low-accuracy mode (trigrams
 * only): article bodies are long enough for it, and it keeps memory and time small.
 */
public final class LanguageDetector {
    private static final Language[] NEWS_LANGUAGES = org.newsflow.contract.NewsLanguages.CODES.stream() // the one list, shared with ingest
            .map(c -> Language.getByIsoCode639_1(com.github.pemistahl.lingua.api.IsoCode639_1.valueOf(c.toUpperCase()))).toArray(Language[]::new);
    /** Enough text to decide; longer prefixes do not change the answer but cost time. */
    private static final int SAMPLE_CHARS = 2_000;

    private final com.github.pemistahl.lingua.api.LanguageDetector detector = LanguageDetectorBuilder
            .fromLanguages(NEWS_LANGUAGES)
            .withLowAccuracyMode()
            .build();

    /** ISO 639-1 code of the text's language, or null when it cannot tell (too short, mixed, unsupported). */
    public String detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Language language = detector.detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
