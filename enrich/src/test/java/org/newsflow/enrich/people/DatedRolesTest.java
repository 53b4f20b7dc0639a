package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;

/**
 * People get their country and role as of the article's publication date from the dated actors, and the text still
 * wins when it states a role or a country (sentences written for the test, shared CoreNLP pipeline).
 */
class DatedRolesTest {
    private static ActorMention person(String body, LocalDate published, String name) {
        AnalyzedText text = NlpPipeline.shared().analyze(body);
        PeopleResult r = PeopleTesting.TAGGER.tag(text, StubGeo.tag(text), TextMask.none(), published);
        return r.mentions().stream().filter(m -> m.is(ActorKind.PERSON) && m.name().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + name + " in " + r.mentions()));
    }

    @Test
    void theRoleHeldOnThePublicationDate() {
        String body = "Ilham Aliyev spoke to reporters on Tuesday.";
        assertThat(person(body, LocalDate.of(2001, 1, 1), "Aliyev")).extracting(ActorMention::country, ActorMention::sector)
                .containsExactly("AZ", "ELI");
        assertThat(person(body, LocalDate.of(2010, 1, 1), "Aliyev")).extracting(ActorMention::country, ActorMention::sector)
                .containsExactly("AZ", "GOV");
    }

    @Test
    void aRoleTheTextStatesWinsOverTheDatedOne() {
        // in 2010 the dated actors say GOV; the text says he is an opposition leader
        ActorMention m = person("Opposition leader Ilham Aliyev spoke to reporters on Tuesday.", LocalDate.of(2010, 1, 1), "Aliyev");
        assertThat(m.sector()).isEqualTo("OPP");
        assertThat(m.country()).isEqualTo("AZ");
    }
}
