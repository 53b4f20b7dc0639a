package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.Lexicon;

/** The intent rules of {@link ClauseRules} on hand-built tokens and graphs (no CoreNLP). */
class ClauseRulesTest {
    private static final EventLexicon LEX = EventLexicon.loadDefault();
    private static final ClauseRules RULES = new ClauseRules(LEX, new ActorResolver(LEX, new KnownLeaders(Leaders.load(), Lexicon.load())));

    /** A hypothetical candidate with the given code on token {@code head}, as Modality leaves an intended act. */
    private static EventCandidate intended(String code, int head) {
        EventCandidate c = new EventCandidate();
        c.code = code;
        c.head = head;
        c.hypothetical = true;
        c.match = new TriggerMatch(new EventLexicon.Trigger("test", List.of(), "V", code, null, Set.of("obj"), false, false, false),
                head, head, head, Set.of(head));
        return c;
    }

    // 0 Chile 1 is 2 ready 3 to 4 host 5 talks
    private static final DepGraph READY_G = new DepGraph(new int[] {2, 2, -1, 4, 2, 4},
            new String[] {"nsubj", "cop", "root", "mark", "xcomp", "obj"});

    @Test
    void aMeetingSomeoneIsReadyToHoldIsAnOfferToMeet() {
        AnalyzedText t = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "is/VBZ/be", "ready/JJ/ready", "to/TO/to", "host/VB/host", "talks/NNS/talk");
        Sentence s = t.sentences().get(0);
        EventCandidate c = intended("043", 4);
        RULES.intent(null, s, READY_G, c);
        assertThat(c.code).isEqualTo("036");
        assertThat(LEX.ploverType(c.code)).isEqualTo("AGREE");
        assertThat(c.hypothetical).isFalse();
    }

    @Test
    void aMeetingSomeonePlansToAttendStaysAPlannedMeeting() {
        AnalyzedText t = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "plans/VBZ/plan", "to/TO/to", "attend/VB/attend", "talks/NNS/talk");
        DepGraph g = new DepGraph(new int[] {1, -1, 3, 1, 3}, new String[] {"nsubj", "root", "mark", "xcomp", "obj"});
        EventCandidate c = intended("043", 3);
        RULES.intent(null, t.sentences().get(0), g, c);
        assertThat(c.code).isEqualTo("043");
        assertThat(c.hypothetical).isTrue();
    }
}
