package org.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Mention;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;
import org.newsflow.enrich.people.PeopleResult;

/** Which tokens count as a person's name when a town lands on one, on hand-built tokens and people. */
class PersonPlaceReconcilerTest {
    // "President Obama spoke in Chicago . Obama left .": President 0-9, Obama 10-15, ..., the second Obama 35-40
    private static final AnalyzedText TEXT = HandBuiltText.of("President/NNP/president", "Obama/NNP/obama/PERSON", "spoke/VBD/speak",
            "in/IN/in", "Chicago/NNP/chicago/LOCATION", "./././", "Obama/NNP/obama/LOCATION", "left/VBD/leave", "./././");

    private static PeopleResult people(PersonTag... tags) {
        return new PeopleResult(List.of(tags), List.of(), List.of());
    }

    @Test
    void nameEvidenceAndTheSurnameElsewhereAreNameTokensButNotTheTitle() {
        PersonTag obama = new PersonTag("Obama", "obama", 1, List.of("President"), "US",
                List.of(new Mention(0, 9, "President", "TITLE"), new Mention(10, 15, "Obama", "NAME")));
        boolean[] name = PersonPlaceReconciler.nameTokens(TEXT, people(obama));
        assertThat(name).containsExactly(false, true, false, false, false, false, true, false, false);
    }

    @Test
    void aLoneUntitledNameDoesNotSpreadToOtherMentions() {
        PersonTag obama = new PersonTag("Obama", "obama", 1, List.of(), null, List.of(new Mention(10, 15, "Obama", "NAME")));
        boolean[] name = PersonPlaceReconciler.nameTokens(TEXT, people(obama));
        assertThat(name).containsExactly(false, true, false, false, false, false, false, false, false);
    }
}
