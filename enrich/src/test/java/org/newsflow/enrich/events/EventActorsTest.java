package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.EventTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoKind;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.people.PeopleResult;

/**
 * Actor roles end to end on sentences the team wrote (shared CoreNLP pipeline and parser, geo mentions built by hand):
 * reported speech, passive agents, coordinated subjects, content targets and unattributed attacks.
 */
class EventActorsTest {
    private static NlpPipeline nlp;
    private static EventTagger tagger;

    @BeforeAll
    static void load() {
        nlp = NlpPipeline.shared();
        tagger = org.newsflow.enrich.EnrichFactory.process().eventTagger();
    }

    /** "Peruvian=PE:DEMONYM": a geo mention on every token with that text. */
    private static List<EventTag> tag(String body, String... geo) {
        AnalyzedText t = nlp.analyze(body);
        List<GeoMention> out = new ArrayList<>();
        for (String spec : geo) {
            String word = spec.substring(0, spec.indexOf('='));
            String[] v = spec.substring(spec.indexOf('=') + 1).split(":");
            for (Token k : t.tokens()) {
                if (k.text().equals(word)) {
                    out.add(new GeoMention(k.index(), k.index(), k.begin(), k.end(), k.text(), v[0], GeoKind.valueOf(v[1]), null));
                }
            }
        }
        return tagger.tag(t, new GeoResult(List.of(), List.of(), out), new PeopleResult(List.of(), List.of(), List.of()), TextMask.none(),
                LocalDate.of(2024, 4, 8));
    }

    private static List<String> dirs(List<EventTag> events, String type) {
        return events.stream().filter(e -> e.type().equals(type))
                .map(e -> (e.source() == null ? "-" : e.source().country()) + ">" + (e.target() == null ? "-" : e.target().country())).toList();
    }

    @Test
    void theReportedEventsSourceIsItsSubjectNotTheSpeaker() {
        List<EventTag> ev = tag("Peruvian troops shelled a village in Chile, the Bolivian defence ministry said.",
                "Peruvian=PE:DEMONYM", "Chile=CL:NAME", "Bolivian=BO:DEMONYM");
        assertThat(dirs(ev, "ASSAULT")).isNotEmpty().allMatch(d -> d.startsWith("PE>"));
    }

    @Test
    void thePassiveAgentIsTheSource() {
        List<EventTag> ev = tag("The convoy was attacked by Peruvian troops near the border.", "Peruvian=PE:DEMONYM");
        assertThat(dirs(ev, "ASSAULT")).isNotEmpty().allMatch(d -> d.startsWith("PE>"));
    }

    @Test
    void coordinatedSubjectsGiveOneEventPerSourceWithTheOtherAsTarget() {
        List<EventTag> ev = tag("Peru and Chile resumed negotiations on Monday.", "Peru=PE:NAME", "Chile=CL:NAME");
        assertThat(dirs(ev, "CONSULT")).containsExactlyInAnyOrder("PE>CL", "CL>PE");
    }

    @Test
    void anAttackWithNoAttackerTakesThePlaceAsSource() {
        List<EventTag> ev = tag("Three Chilean soldiers were killed in Peru on Sunday.", "Chilean=CL:DEMONYM", "Peru=PE:NAME");
        assertThat(dirs(ev, "ASSAULT")).containsExactly("PE>CL");
    }

    @Test
    void aReversedDictionaryPatternMakesTheSubjectTheTarget() {
        // CAMEO.2.0.txt "FACE ... PRESSURE [:100]": the pressure comes from the "from" party
        List<EventTag> ev = tag("Chile faces mounting pressure from Peru over the fishing dispute.", "Chile=CL:NAME", "Peru=PE:NAME");
        assertThat(dirs(ev, "REQUEST")).containsExactly("PE>CL");
        // "DIE (FROM INJURIES) [:190]": the dead are the target, never the attacker, and the cause is no attacker
        List<EventTag> died = tag("A Chilean soldier died from his injuries in Peru.", "Chilean=CL:DEMONYM", "Peru=PE:NAME");
        assertThat(dirs(died, "ASSAULT")).isNotEmpty().allMatch(d -> d.endsWith(">CL")).noneMatch(d -> d.startsWith("CL>"));
    }

    @Test
    void theSubjectOfAnInfinitiveAfterASlotPrepositionIsTheTarget() {
        List<EventTag> ev = tag("Chile said it would not give permission to Peru to build the pipeline.", "Chile=CL:NAME", "Peru=PE:NAME");
        assertThat(ev.stream().filter(e -> e.target() != null).map(e -> e.target().country())).contains("PE");
    }

    @Test
    void theEventAttendedOrWhatItIsAboutIsTheTargetOfAVisit() {
        List<EventTag> ev = tag("The Chilean president attended a summit on the floods in Peru.", "Chilean=CL:DEMONYM", "Peru=PE:NAME");
        assertThat(dirs(ev, "CONSULT")).contains("CL>PE");
    }

    @Test
    void anActorModifiedByAParticipleWithAnObjectDoesIt() {
        // the parser reads "donated" as a participle of "groups"; the groups did the donating
        List<EventTag> ev = tag("Nurses from two Peruvian charities donated medicine to a hospital in Chile.",
                "Peruvian=PE:DEMONYM", "Chile=CL:NAME");
        assertThat(ev.stream().filter(e -> e.type().equals("AID")).map(e -> e.source() == null ? null : e.source().country()))
                .isNotEmpty().allMatch("PE"::equals);
    }
}
