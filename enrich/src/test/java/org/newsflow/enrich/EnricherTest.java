package org.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.ContractSchemas;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Mention;
import org.newsflow.contract.RawArticle;

class EnricherTest {
    private static final Enricher ENRICHER = Enricher.shared();

    private static RawArticle article(String body, String language) {
        return new RawArticle(1, ArticleIds.of(null, "t", body), null, "test", "t", body, language,
                Instant.parse("2024-05-07T08:00:00Z"), Instant.now(), "test");
    }

    @Test
    void englishArticleGetsSchemaValidTagsWithOffsetsIntoTheBody() {
        String body = "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday.\n\n"
                + "The two leaders signed an agreement on a new oil pipeline, officials in Kampala said.\n\n"
                + "With Reuters\n\nDownload the Example News app";
        EnrichedArticle e = ENRICHER.enrich(article(body, null));
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.countries()).extracting(c -> c.code()).contains("KE", "UG");
        assertThat(e.people()).extracting(p -> p.name()).contains("William Ruto", "Yoweri Museveni");
        assertThat(e.credits()).containsExactly("Reuters");
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, e)).isEmpty();
        e.countries().forEach(c -> c.evidence().forEach(m -> assertSpan(body, m)));
        e.people().forEach(p -> p.evidence().forEach(m -> assertSpan(body, m)));
        e.events().forEach(ev -> assertSpan(body, ev.trigger()));
        assertThat(e.events()).extracting(ev -> ev.trigger().begin()).allMatch(b -> b < body.indexOf("With Reuters"));
        assertThat(e.eventCounts()).isNotEmpty();
    }

    @Test
    void articleInAnotherLanguagePassesThroughUntagged() {
        String body = "Le président français a rencontré le chancelier allemand à Berlin lundi pour discuter de "
                + "l'aide à l'Ukraine et de la défense européenne, a indiqué l'Élysée dans un communiqué.";
        EnrichedArticle e = ENRICHER.enrich(article(body, null));
        assertThat(e.language()).isEqualTo("fr");
        assertThat(e.countries()).isEmpty();
        assertThat(e.people()).isEmpty();
        assertThat(e.events()).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.ENRICHED, e)).isEmpty();
    }

    @Test
    void languageGivenBySourceIsTrusted() {
        EnrichedArticle e = ENRICHER.enrich(article("Ministers from Chile and Peru met in Lima.", "es"));
        assertThat(e.language()).isEqualTo("es");
        assertThat(e.countries()).isEmpty();
    }

    private static void assertSpan(String body, Mention m) {
        assertThat(body.substring(m.begin(), m.end())).isEqualTo(m.text());
    }
}
