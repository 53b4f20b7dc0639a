package org.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.enrich.events.EventLexicon;

/**
 * The PETR2 event scorer, end to end on a small gold file in the PETR2 validation format written for this test
 * (not taken from the validation file), and on hand-made predictions. A broken reader, tagger hook-up or scorer
 * changes the figures and fails here.
 */
class EventEvalTest {

    /** Three coded sentences and one without events; the third gold code is deliberately not what is said. */
    private static final String GOLD = """
            <?xml version='1.0' encoding='utf-8'?>
            <Validation>
            # a comment line as in the real file
            <Sentences>
            <Sentence category="TEST" date="20221108" id="T_1" evaluate="true"/>
            <EventCoding eventcode="111" sourcecode="NOR" targetcode="SWE" />
            <Text>
            Norway criticised Sweden on Tuesday.
            </Text>
            <Sentence category="TEST" date="20221108" id="T_2" evaluate="true"/>
            <EventCoding eventcode="190" sourcecode="FINMIL" targetcode="EST" />
            <Text>
            Finnish troops attacked
            Estonia on Monday.
            </Text>
            <Sentence category="TEST" date="20221108" id="T_3" evaluate="true"/>
            <EventCoding eventcode="120" sourcecode="DNKGOV" targetcode="ISLGOV" />
            <Text>
            The Danish prime minister met Icelandic officials in Reykjavik.
            </Text>
            <Sentence category="TEST" date="20221108" id="T_4" evaluate="true"/>
            <EventCoding noevents="True"/>
            <Text>
            The weather in Oslo was mild on Sunday.
            </Text>
            </Sentences>
            </Validation>
            """;

    @Test
    void readsThePetr2Format(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.xml");
        Files.writeString(gold, GOLD, StandardCharsets.UTF_8);
        List<EventEval.Record> records = EventEval.read(gold, EventLexicon.loadDefault());
        assertThat(records).hasSize(4);
        assertThat(records.get(1).text()).isEqualTo("Finnish troops attacked Estonia on Monday.");
        assertThat(records.get(1).gold()).containsExactly(new EventEval.Coded("19", "ASSAULT", "FIN", "EST"));
        assertThat(records.get(2).gold()).containsExactly(new EventEval.Coded("12", "REJECT", "DNK", "ISL"));
        assertThat(records.get(3).gold()).isEmpty();
        assertThat(EventEval.publication(records.get(0).date())).hasToString("2022-11-08");
    }

    @Test
    void scoresASmallGoldFileEndToEnd(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.xml");
        Files.writeString(gold, GOLD, StandardCharsets.UTF_8);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        EventEval.Report r = EventEval.run(gold, new PrintStream(buf, true, StandardCharsets.UTF_8), false);
        // predicted: NO>SE 11, FI>EE 19, DK>IS 04 and IS>DK 04 (talks go both ways), nothing about the weather
        assertThat(r.sentences()).isEqualTo(4);
        assertThat(r.goldEvents()).isEqualTo(3);
        assertThat(r.predicted()).isEqualTo(4);
        assertThat(r.recall()).isCloseTo(1.0, within(1e-9));
        assertThat(r.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(r.rootAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.ploverAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.sourceAccuracy()).isCloseTo(1.0, within(1e-9));
        assertThat(r.targetAccuracy()).isCloseTo(1.0, within(1e-9));
        assertThat(r.tripleAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("recall 1.000 (3/3)  precision 0.750 (3/4)");
        assertThat(out).contains("root 12 coded as 04");
        assertThat(out).contains("spurious 04 (CONSULT)");
    }

    @Test
    void pairsEachGoldEventWithTheBestAgreeingPrediction() {
        EventEval.Record rec = new EventEval.Record("x", "20220101", "some text", List.of(
                new EventEval.Coded("04", "CONSULT", "USA", "RUS"),
                new EventEval.Coded("19", "ASSAULT", "IGO", null)));
        List<EventEval.Coded> pred = List.of(
                new EventEval.Coded("19", "ASSAULT", "USA", "RUS"),   // right actors, wrong root for the first gold event
                new EventEval.Coded("04", "CONSULT", "RUS", "USA"),   // right root, actors swapped: preferred (root first)
                new EventEval.Coded("19", "ASSAULT", "IGO", null));
        EventEval.Report r = EventEval.score(List.of(rec), List.of(pred), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(r.matchedGold()).isEqualTo(2);
        assertThat(r.rootOk()).isEqualTo(2);
        assertThat(r.sourceOk()).isEqualTo(1);
        assertThat(r.targetOk()).isEqualTo(1);
        assertThat(r.tripleOnGold()).isEqualTo(1);
        assertThat(r.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(EventEval.country("IGOUNO")).isEqualTo("IGO");
        assertThat(EventEval.country("---GOV")).isNull();
        assertThat(EventEval.country("DEUGOV")).isEqualTo("DEU");
    }
}
