package org.newsflow.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.NewsLanguages;

class NewsLanguagesTest {
    @Test
    void the_detector_chooses_from_the_contracts_one_list() {
        assertThat(LanguageProcessor.NEWS_LANGUAGES).hasSize(NewsLanguages.CODES.size()).doesNotContainNull()
                .contains(Language.ENGLISH, Language.ARMENIAN, Language.AZERBAIJANI, Language.GEORGIAN, Language.GREEK);
        assertThat(NewsLanguages.CODES).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z]{2}"));
    }
}
