package org.newsflow.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.RawArticle;

class LanguageProcessorTest {
    private static final LanguageProcessor LANGUAGES = new LanguageProcessor();

    private static RawArticle article(String title, String body, String language) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(null, title, body), null, "test", title, body,
                language, null, Instant.parse("2026-11-29T02:00:00Z"), "test");
    }

    @Test
    void detectsEnglishFrenchAndGermanWhenTheSourceDoesNotSay() {
        assertThat(LANGUAGES.process(article("Drone strike on Kharkiv kills eight", WireStories.STRIKE, null)).language()).isEqualTo("en");
        assertThat(LANGUAGES.process(article("Frappe de drones sur Kharkiv",
                "Une attaque de drones russes sur la ville de Kharkiv, dans le nord-est de l'Ukraine, a fait huit morts et au"
                        + " moins trente-sept blessés dans la nuit, ont annoncé mardi les autorités régionales. Les secouristes"
                        + " cherchent encore des survivants sous les décombres d'un immeuble de neuf étages.", null)).language()).isEqualTo("fr");
        assertThat(LANGUAGES.process(article("Drohnenangriff auf Charkiw",
                "Bei einem russischen Drohnenangriff auf die nordostukrainische Stadt Charkiw sind in der Nacht acht Menschen"
                        + " getötet und mindestens 37 verletzt worden, teilten die regionalen Behörden am Dienstag mit. Rettungskräfte"
                        + " suchen noch unter den Trümmern eines neunstöckigen Wohnhauses nach Überlebenden.", null)).language()).isEqualTo("de");
    }

    @Test
    void aLanguageTheSourceGaveIsLeftUntouched() {
        // Deliberately inconsistent with the text: the source's word wins, and the record is the same object.
        RawArticle given = article("Drone strike on Kharkiv kills eight", WireStories.STRIKE, "fr");
        assertThat(LANGUAGES.process(given)).isSameAs(given);
    }

    @Test
    void shortTextsGetNoLanguageRatherThanAGuess() {
        RawArticle brief = article("", "Paris, 2 h 10.", null);
        assertThat(LANGUAGES.process(brief).language()).isNull();
        assertThat(LANGUAGES.detect("Merci beaucoup")).isNull();
        assertThat(LANGUAGES.detect("12 345 678 -- 90")).isNull();
        // A real one-line brief whose headline repeats as its body: Lingua's low-accuracy mode called it Dutch.
        assertThat(LANGUAGES.process(article("Suit aims to stop move of Camden clinic", "Suit aims to stop move of Camden clinic", null)).language()).isNull();
        // Just over the bound, it decides.
        assertThat(LANGUAGES.detect("Rescuers were still pulling people out of the rubble of the apartment block on Tuesday, the regional governor said on Telegram.")).isEqualTo("en");
    }

    @Test
    void theDetectedRecordKeepsEverythingElse() {
        RawArticle a = article("Drone strike on Kharkiv kills eight", WireStories.STRIKE, null).withDuplicateOf("txt-0123456789abcdef0123456789abcdef", 0.9);
        RawArticle detected = LANGUAGES.process(a);
        assertThat(detected).isEqualTo(a.withLanguage("en"));
        assertThat(detected.duplicateOf()).isEqualTo(a.duplicateOf());
    }
}
