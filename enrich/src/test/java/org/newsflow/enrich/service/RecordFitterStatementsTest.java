package org.newsflow.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Actor;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Mention;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Statement;

/** Cutting a record to size keeps its statements through the evidence steps and caps them with the events. */
class RecordFitterStatementsTest {
    private static EnrichedArticle record(int statements) {
        String body = "Chile said the border was calm.";
        RawArticle raw = new RawArticle(1, "txt-0123456789abcdef0123456789abcdef", null, "test", "t", body, "en", null,
                Instant.parse("2023-03-06T00:00:00Z"), "test");
        Actor chile = new Actor("CL", "Chile", "COUNTRY", null);
        List<Statement> list = new ArrayList<>();
        List<EventTag> events = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            list.add(new Statement("010", 0, chile, null, new Mention(6, 10, "said"), new Mention(0, 31, body), null, false, false));
            events.add(new EventTag("CONSULT", null, "04", 1, chile, null, new Mention(6, 10, "said"), new Mention(0, 31, body),
                    null, null, null, null, false, false, "040"));
        }
        return new EnrichedArticle(1, raw.id(), raw, "en", Instant.parse("2023-03-06T00:00:01Z"), "test", List.of(), List.of(),
                List.of(), List.of(), events, Map.of("CONSULT", statements), List.of(), null, list);
    }

    @Test
    void statementsSurviveTheEvidenceStepAndAreCappedLikeEvents() {
        assertThat(RecordFitter.capEvidence(record(3), 1).statements()).hasSize(3);
        EnrichedArticle capped = RecordFitter.capEvents(record(RecordFitter.EVENT_CAP + 5), RecordFitter.EVENT_CAP);
        assertThat(capped.statements()).hasSize(RecordFitter.EVENT_CAP);
        assertThat(capped.events()).hasSize(RecordFitter.EVENT_CAP);
        assertThat(capped.wasTruncated()).isTrue();
        assertThat(RecordFitter.capEvents(record(0), RecordFitter.EVENT_CAP).statements()).isNull();
    }
}
