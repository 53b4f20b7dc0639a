package org.newsflow.ingest.process;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import org.newsflow.contract.NewsLanguages;
import org.newsflow.contract.RawArticle;

/**
 * Sets {@code language} (ISO 639-1) with Lingua when the source did not say; a language the source gave is kept
 * as it is. The same languages ({@link NewsLanguages}, in the contract) and the same low-accuracy mode (trigram
 * models) as enrich's detector ({@code org.newsflow.enrich.nlp.LanguageDetector}), so ingest and enrich agree on an
 * article.
 *
 * <p>Short texts are left without a language rather than guessed: under {@value #MIN_LETTERS} letters (title and
 * body together, about 120 characters of running text) the answer is too often wrong. Lingua documents that its
 * low-accuracy mode loses accuracy significantly below 120 characters, and on the LGL corpus a 40-character
 * English brief ("Suit aims to stop move of Camden clinic") came out as Dutch with a lower bound of 40 letters.
 * A missing language is cheap downstream (enrich detects again or assumes English); a wrong code keeps an English
 * article untagged.
 *
 * <p>Cost: Lingua loads its n-gram models on the first detection (about a second and some tens of MB for these
 * languages in low-accuracy mode). The models are held by Lingua per process, shared by every detector, so one
 * {@code LanguageProcessor} built where the service is assembled (and enrich's detector in the same JVM) pays it
 * once. The detector itself is built on first use, so an ingest whose sources always give the language never loads
 * a model. Thread-safe: Lingua's detector is, and the lazy holder below is.
 */
public final class LanguageProcessor implements ArticleProcessor {
    static final Language[] NEWS_LANGUAGES = NewsLanguages.CODES.stream()
            .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
            .toArray(Language[]::new);
    /** Fewer letters than this (title and body together): no language rather than a guess. */
    public static final int MIN_LETTERS = 100;
    /** Enough text to decide; longer samples do not change the answer but cost time (as in enrich). */
    private static final int SAMPLE_CHARS = 2_000;

    private volatile LanguageDetector detector;

    @Override
    public RawArticle process(RawArticle article) {
        if (article.language() != null) {
            return article;
        }
        String code = detect(article.title().isEmpty() ? article.body() : article.title() + "\n" + article.body());
        return code == null ? article : article.withLanguage(code);
    }

    /** ISO 639-1 code of the text's language, or null when it is too short or Lingua cannot tell. */
    public String detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (letters(sample) < MIN_LETTERS) {
            return null;
        }
        Language language = detector().detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (this) {
                d = detector;
                if (d == null) {
                    d = LanguageDetectorBuilder.fromLanguages(NEWS_LANGUAGES).withLowAccuracyMode().build();
                    detector = d;
                }
            }
        }
        return d;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
