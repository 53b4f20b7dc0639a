package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;

/**
 * The CAMEO dictionary reader and its pattern matching on hand-built tokens and dependency graphs (no CoreNLP).
 * The rows are written for the test in the cameo_verbs.tsv format; codes are real CAMEO codes so that the
 * shipped cameo.tsv / cameo_plover.tsv give them a type.
 */
class VerbPatternMatcherTest {
    private static final EventLexicon LEX = EventLexicon.loadDefault();
    private static final CameoDictionary DICT = CameoDictionary.parse(List.of(
            "S\tweapon\tgun|rifle|missile",
            "V\tLIFT\tlift\t-\t-",
            "V\tLIFT\tease\t-\t-",
            "P\tLIFT\t0813\t-\t-\tcurfew\t-",
            "P\tLIFT\t085\t-\t-\tsanctions\t-",
            "P\tLIFT\t085\t-\t-\teconomic sanctions\tagainst:",
            "V\tCANCEL\tcall\t160\toff",
            "P\tCANCEL\t082\t-\t-\tstrike\t-",
            "V\tSEND\tsend\t-\t-",
            "P\tSEND\t072\t-\t-\t&weapon\tto:",
            "V\tSAY\tsay\t010\t-",
            "V\tPROHIBIT\tban\t172\t-",
            "V\tHELP\tgive\t070\t-\tblock",
            "V\tHELP\tdonate\t070\t-\town",
            "V\tGRAB\tgrab\t171\t-",
            "V\tGRAB\tjoin\t-\t-",
            "P\tGRAB\t030\t-\t-\tpart\t-\tjoin",
            "P\tGRAB\t1711\t-\t-\t&weapon\t-\tgrab",
            "V\tANNUL\tannul\t-\t-",
            "V\tANNUL\tscrap\t-\t-",
            "P\tANNUL\t081\t-\t-\tquota\t-\tannul"));
    private static final VerbPatternMatcher MATCHER = new VerbPatternMatcher(DICT, LEX, CameoTuning.defaults().ownCodes());

    // 0 Authorities 1 lifted 2 the 3 night 4 curfew
    private static final AnalyzedText CURFEW = HandBuiltText.of("Authorities/NNS/authority", "lifted/VBD/lift", "the/DT/the",
            "night/NN/night", "curfew/NN/curfew");
    private static final DepGraph CURFEW_G = new DepGraph(new int[] {1, -1, 4, 4, 1},
            new String[] {"nsubj", "root", "det", "compound", "obj"});

    @Test
    void readsSynsetsVerbsAndPatternsWithPluralForms() {
        assertThat(DICT.verbs("lift")).extracting(CameoDictionary.Verb::block).containsExactly("LIFT");
        assertThat(DICT.patterns("LIFT")).hasSize(3);
        CameoDictionary.Pattern p = DICT.patterns("LIFT").get(1);
        assertThat(p.object().head()).contains("sanctions", "sanction");
        assertThat(DICT.patterns("SEND").get(0).object().head()).contains("gun", "missile");
        assertThat(DICT.verbs("call").get(0).extra()).containsExactly("off");
    }

    @Test
    void objectPatternGivesItsCode() {
        TriggerMatch m = MATCHER.matchVerb(CURFEW_G, CURFEW.tokens(), 1);
        assertThat(m).isNotNull();
        assertThat(m.trigger().code()).isEqualTo("0813");
        assertThat(LEX.ploverType(m.trigger().code())).isEqualTo("RETREAT");
        assertThat(m.head()).isEqualTo(1);
    }

    @Test
    void aVerbWithoutOwnCodeAndNoPatternGivesNothing() {
        // 0 Authorities 1 lifted 2 the 3 box
        AnalyzedText t = HandBuiltText.of("Authorities/NNS/authority", "lifted/VBD/lift", "the/DT/the", "box/NN/box");
        DepGraph g = new DepGraph(new int[] {1, -1, 3, 1}, new String[] {"nsubj", "root", "det", "obj"});
        assertThat(MATCHER.matchVerb(g, t.tokens(), 1)).isNull();
        assertThat(MATCHER.candidates(t.tokens(), Set.of())).isEmpty();
    }

    @Test
    void theMoreSpecificPatternWinsAndModifiersAndPrepositionsMustHold() {
        // 0 EU 1 eased 2 economic 3 sanctions 4 against 5 Iran
        AnalyzedText t = HandBuiltText.of("EU/NNP/EU/ORGANIZATION", "eased/VBD/ease", "economic/JJ/economic", "sanctions/NNS/sanction",
                "against/IN/against", "Iran/NNP/Iran/LOCATION");
        DepGraph g = new DepGraph(new int[] {1, -1, 3, 1, 5, 3}, new String[] {"nsubj", "root", "amod", "obj", "case", "nmod"});
        CameoDictionary.Pattern specific = DICT.patterns("LIFT").get(2);
        assertThat(VerbPatternMatcher.holds(g, t.tokens(), 1, specific)).isTrue();
        assertThat(MATCHER.matchVerb(g, t.tokens(), 1).trigger().pattern()).contains("(against)");
        // a bare preposition wants a name after it: "against inflation" does not hold
        AnalyzedText common = HandBuiltText.of("EU/NNP/EU/ORGANIZATION", "eased/VBD/ease", "economic/JJ/economic",
                "sanctions/NNS/sanction", "against/IN/against", "inflation/NN/inflation");
        assertThat(VerbPatternMatcher.holds(g, common.tokens(), 1, specific)).isFalse();
        // without "economic" the two-word phrase does not hold, the one-word one does
        DepGraph plain = new DepGraph(new int[] {1, -1, 1, 1, 5, 3}, new String[] {"nsubj", "root", "advmod", "obj", "case", "nmod"});
        assertThat(VerbPatternMatcher.holds(plain, t.tokens(), 1, specific)).isFalse();
        assertThat(MATCHER.matchVerb(plain, t.tokens(), 1).trigger().code()).isEqualTo("085");
    }

    @Test
    void multiwordVerbNeedsItsParticleAndCoversIt() {
        // 0 Unions 1 called 2 off 3 the 4 strike
        AnalyzedText t = HandBuiltText.of("Unions/NNS/union", "called/VBD/call", "off/RP/off", "the/DT/the", "strike/NN/strike");
        DepGraph g = new DepGraph(new int[] {1, -1, 1, 4, 1}, new String[] {"nsubj", "root", "compound:prt", "det", "obj"});
        TriggerMatch m = MATCHER.matchVerb(g, t.tokens(), 1);
        assertThat(m.trigger().code()).isEqualTo("082");
        assertThat(LEX.ploverType("082")).isEqualTo("CONCEDE");
        assertThat(m.covered()).containsExactlyInAnyOrder(1, 2);
        // "called the meeting" has no "off": no CANCEL entry applies
        AnalyzedText t2 = HandBuiltText.of("Unions/NNS/union", "called/VBD/call", "the/DT/the", "meeting/NN/meeting");
        DepGraph g2 = new DepGraph(new int[] {1, -1, 3, 1}, new String[] {"nsubj", "root", "det", "obj"});
        assertThat(MATCHER.matchVerb(g2, t2.tokens(), 1)).isNull();
    }

    @Test
    void ownCodesCountForMaterialConflictAndForCooperationWrittenOnTheVerb() {
        // default policy: a verb's own code without a pattern counts when it is QuadClass 4 ("banned")
        AnalyzedText t = HandBuiltText.of("Police/NNS/police", "banned/VBD/ban", "the/DT/the", "party/NN/party");
        DepGraph g = new DepGraph(new int[] {1, -1, 3, 1}, new String[] {"nsubj", "root", "det", "obj"});
        assertThat(MATCHER.matchVerb(g, t.tokens(), 1).trigger().code()).isEqualTo("172");
        assertThat(MATCHER.candidates(t.tokens(), Set.of())).containsExactly(1);
        // "gave a speech": a cooperative code (070) the verb only inherits from its block is not an event alone
        AnalyzedText t2 = HandBuiltText.of("Bush/NNP/Bush/PERSON", "gave/VBD/give", "a/DT/a", "speech/NN/speech");
        assertThat(MATCHER.matchVerb(g, t2.tokens(), 1)).isNull();
        assertThat(MATCHER.candidates(t2.tokens(), Set.of())).isEmpty();
        // "donated": the same code written on the verb's own line is
        AnalyzedText t3 = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "donated/VBD/donate", "the/DT/the", "tents/NNS/tent");
        assertThat(MATCHER.matchVerb(g, t3.tokens(), 1).trigger().code()).isEqualTo("070");
        assertThat(new VerbPatternMatcher(DICT, LEX, "material-conflict").matchVerb(g, t3.tokens(), 1)).isNull();
    }

    @Test
    void statementsWithoutPloverTypeAreNotCandidates() {
        AnalyzedText t = HandBuiltText.of("Officials/NNS/official", "said/VBD/say", "nothing/NN/nothing");
        assertThat(MATCHER.candidates(t.tokens(), Set.of())).isEmpty();
    }

    @Test
    void candidatesNeedEveryWordOfSomePatternInTheSentence() {
        assertThat(MATCHER.candidates(CURFEW.tokens(), Set.of())).containsExactly(1);
        assertThat(MATCHER.candidates(CURFEW.tokens(), Set.of(1))).isEmpty(); // a hand-written trigger took it
    }

    @Test
    void aPatternWrittenForAnotherVerbOfTheBlockComesAfterTheVerbsOwnCode() {
        // 0 Rebels 1 grabbed 2 part 3 of 4 the 5 town: "part" was written for "join" ("joined part"), not "grab"
        AnalyzedText t = HandBuiltText.of("Rebels/NNS/rebel", "grabbed/VBD/grab", "part/NN/part", "of/IN/of", "the/DT/the", "town/NN/town");
        DepGraph g = new DepGraph(new int[] {1, -1, 1, 5, 5, 2}, new String[] {"nsubj", "root", "obj", "case", "det", "nmod"});
        assertThat(DICT.patterns("GRAB").get(0).verb()).isEqualTo("join");
        assertThat(MATCHER.matchVerb(g, t.tokens(), 1).trigger().code()).isEqualTo("171");
        // its own pattern still wins over its own code
        AnalyzedText guns = HandBuiltText.of("Rebels/NNS/rebel", "grabbed/VBD/grab", "rifles/NNS/rifle");
        DepGraph g2 = new DepGraph(new int[] {1, -1, 1}, new String[] {"nsubj", "root", "obj"});
        assertThat(MATCHER.matchVerb(g2, guns.tokens(), 1).trigger().code()).isEqualTo("1711");
        // a synonym without an own code still takes the block's pattern: "scrapped the quota" from "annul quota"
        AnalyzedText quota = HandBuiltText.of("Ministers/NNS/minister", "scrapped/VBD/scrap", "the/DT/the", "quota/NN/quota");
        DepGraph g3 = new DepGraph(new int[] {1, -1, 3, 1}, new String[] {"nsubj", "root", "det", "obj"});
        assertThat(MATCHER.matchVerb(g3, quota.tokens(), 1).trigger().code()).isEqualTo("081");
    }

    @Test
    void aCooperativeOwnCodeCountsWhenTheVerbIsPromisedOrIntended() {
        // 0 Chile 1 said 2 it 3 will 4 give 5 loans: a reported "will give" is a promise (AGREE later, Modality)
        AnalyzedText t = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "said/VBD/say", "it/PRP/it", "will/MD/will", "give/VB/give", "loans/NNS/loan");
        DepGraph g = new DepGraph(new int[] {1, -1, 4, 4, 1, 4}, new String[] {"nsubj", "root", "nsubj", "aux", "ccomp", "obj"});
        assertThat(MATCHER.candidates(t.tokens(), Set.of())).containsExactly(4);
        assertThat(MATCHER.matchVerb(g, t.tokens(), 4).trigger().code()).isEqualTo("070");
        // a future the writer states is no promise: "Chile will give loans"
        AnalyzedText writer = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "will/MD/will", "give/VB/give", "loans/NNS/loan");
        DepGraph gw = new DepGraph(new int[] {2, 2, -1, 2}, new String[] {"nsubj", "aux", "root", "obj"});
        assertThat(MATCHER.matchVerb(gw, writer.tokens(), 2)).isNull();
        // 0 Chile 1 is 2 ready 3 to 4 give 5 loans
        AnalyzedText ready = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "is/VBZ/be", "ready/JJ/ready", "to/TO/to", "give/VB/give", "loans/NNS/loan");
        DepGraph g2 = new DepGraph(new int[] {2, 2, -1, 4, 2, 4}, new String[] {"nsubj", "cop", "root", "mark", "xcomp", "obj"});
        assertThat(MATCHER.matchVerb(g2, ready.tokens(), 4).trigger().code()).isEqualTo("070");
        // "Chile gave loans" stays no event (a cooperative own code alone)
        AnalyzedText past = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "gave/VBD/give", "loans/NNS/loan");
        DepGraph g3 = new DepGraph(new int[] {1, -1, 1}, new String[] {"nsubj", "root", "obj"});
        assertThat(MATCHER.matchVerb(g3, past.tokens(), 1)).isNull();
    }

    @Test
    void aClauseWithMustSaidBySomeoneIsTheirDemand() {
        // 0 Chile 1 declared 2 that 3 Peru 4 must 5 pay 6 damages
        AnalyzedText t = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "declared/VBD/declare", "that/IN/that", "Peru/NNP/Peru/LOCATION",
                "must/MD/must", "pay/VB/pay", "damages/NNS/damage");
        DepGraph g = new DepGraph(new int[] {1, -1, 5, 5, 5, 1, 5}, new String[] {"nsubj", "root", "mark", "nsubj", "aux", "ccomp", "obj"});
        assertThat(MATCHER.candidates(t.tokens(), Set.of())).contains(1);
        TriggerMatch m = MATCHER.matchVerb(g, t.tokens(), 1);
        assertThat(m.trigger().code()).isEqualTo("100");
        assertThat(LEX.ploverType("100")).isEqualTo("REQUEST");
        assertThat(m.trigger().absorb()).isTrue(); // "pay damages" is the content of the demand
        // "we must pay" is said about oneself; "US" the country is no first-person pronoun
        AnalyzedText we = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "declared/VBD/declare", "that/IN/that", "we/PRP/we",
                "must/MD/must", "pay/VB/pay", "damages/NNS/damage");
        assertThat(MATCHER.demand(g, we.tokens(), 1)).isFalse();
        AnalyzedText us = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "declared/VBD/declare", "that/IN/that", "US/NNP/US/LOCATION",
                "must/MD/must", "pay/VB/pay", "damages/NNS/damage");
        assertThat(MATCHER.demand(g, us.tokens(), 1)).isTrue();
        // "Chile declared that Peru will pay": no obligation, no demand
        AnalyzedText will = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "declared/VBD/declare", "that/IN/that", "Peru/NNP/Peru/LOCATION",
                "will/MD/will", "pay/VB/pay", "damages/NNS/damage");
        assertThat(MATCHER.demand(g, will.tokens(), 1)).isFalse();
    }

    @Test
    void equivalentWordsMeetTheDictionarysWord() {
        CameoDictionary d = CameoDictionary.parse(List.of("V\tMEND\tmend\t-\t-", "P\tMEND\t050\t-\t-\trelations\t-\tmend"),
                List.of("relations|ties"));
        VerbPatternMatcher m = new VerbPatternMatcher(d, LEX, "material");
        // 0 Chile 1 mended 2 ties
        AnalyzedText t = HandBuiltText.of("Chile/NNP/Chile/LOCATION", "mended/VBD/mend", "ties/NNS/tie");
        DepGraph g = new DepGraph(new int[] {1, -1, 1}, new String[] {"nsubj", "root", "obj"});
        assertThat(m.candidates(t.tokens(), Set.of())).containsExactly(1);
        assertThat(m.matchVerb(g, t.tokens(), 1).trigger().code()).isEqualTo("050");
        // without the row, "ties" is not "relations"
        VerbPatternMatcher plain = new VerbPatternMatcher(CameoDictionary.parse(List.of("V\tMEND\tmend\t-\t-",
                "P\tMEND\t050\t-\t-\trelations\t-\tmend")), LEX, "material");
        assertThat(plain.matchVerb(g, t.tokens(), 1)).isNull();
    }

    @Test
    void beforeTheParseAnObjectWordMustFollowAnActiveVerb() {
        // "After the curfew, residents lifted boxes": "curfew" stands before the active verb, no parse for it
        AnalyzedText before = HandBuiltText.of("After/IN/after", "the/DT/the", "curfew/NN/curfew", ",/,/,", "residents/NNS/resident",
                "lifted/VBD/lift", "boxes/NNS/box");
        assertThat(MATCHER.candidates(before.tokens(), Set.of())).isEmpty();
        // "The curfew was lifted": a passive participle's object is its subject, before it
        AnalyzedText passive = HandBuiltText.of("The/DT/the", "curfew/NN/curfew", "was/VBD/be", "lifted/VBN/lift");
        assertThat(MATCHER.candidates(passive.tokens(), Set.of())).containsExactly(3);
    }
}
