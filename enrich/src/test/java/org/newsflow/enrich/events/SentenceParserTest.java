package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;

/**
 * The fast scorer ({@link FastNndep}) against CoreNLP's own {@code DependencyParser.predict} on the same model:
 * heads and labels must agree token for token. Sentences written by the team (long ones, passives, quotes,
 * coordination, relative clauses), not taken from any evaluation file or article.
 */
class SentenceParserTest {
    private static final List<String> TEXTS = List.of(
            "The coastguard said on Tuesday that two fishing boats had been seized near the island by a patrol vessel.",
            "Farmers blocked the northern highway with tractors for a third day, while the agriculture minister, who had promised talks, stayed in the capital.",
            "\"We will not be intimidated,\" the mayor told reporters after the council building was pelted with stones.",
            "Rebels who crossed the river overnight attacked an army post, killing four soldiers and wounding at least nine, according to a local official.",
            "The two governments agreed to reopen the border crossing; trade had been suspended since the spring.",
            "Ministers from Norway, Chile and Kenya met in Geneva to discuss a new fund for fisheries, but no agreement was reached.",
            "It was not immediately clear who fired first.",
            "Police used tear gas and water cannon to disperse hundreds of students marching towards the parliament.");

    private static SentenceParser fast;
    private static SentenceParser reference;
    private static List<List<Token>> sentences;

    @BeforeAll
    static void load() {
        fast = new SentenceParser(true);
        reference = new SentenceParser(false);
        sentences = new ArrayList<>();
        for (String text : TEXTS) {
            for (Sentence s : NlpPipeline.shared().analyze(text).sentences()) {
                sentences.add(s.tokens());
            }
        }
    }

    @Test
    void fastScorerGivesCoreNlpsParse() {
        int passiveSubjects = 0;
        for (List<Token> s : sentences) {
            DepGraph a = fast.parse(s);
            DepGraph b = reference.parse(s);
            for (int i = 0; i < s.size(); i++) {
                String where = s.get(i).text() + " in: " + s.stream().map(Token::text).toList();
                assertThat(a.head(i)).as(where).isEqualTo(b.head(i));
                assertThat(a.rel(i)).as(where).isEqualTo(b.rel(i));
                if (a.rel(i).equals("nsubj:pass")) {
                    passiveSubjects++;
                }
            }
        }
        assertThat(passiveSubjects).as("the passive-subject relabelling is exercised").isPositive();
    }

    @Test
    void sharedInstanceUsesTheFastScorerAndParsesInParallel() throws Exception {
        SentenceParser shared = org.newsflow.enrich.EnrichFactory.process().sentenceParser();
        List<DepGraph> expected = sentences.stream().map(reference::parse).toList();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int round = 0; round < 5; round++) {
                        for (int k = 0; k < sentences.size(); k++) {
                            DepGraph g = shared.parse(sentences.get(k));
                            for (int i = 0; i < g.size(); i++) {
                                assertThat(g.head(i)).isEqualTo(expected.get(k).head(i));
                                assertThat(g.rel(i)).isEqualTo(expected.get(k).rel(i));
                            }
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
    }
}
