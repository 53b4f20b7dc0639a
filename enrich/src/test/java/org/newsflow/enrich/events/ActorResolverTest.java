package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Actor;
import org.newsflow.enrich.geo.GeoKind;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.HandBuiltText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.people.ActorKind;
import org.newsflow.enrich.people.ActorMention;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.Lexicon;
import org.newsflow.enrich.people.PeopleResult;

/**
 * Actor resolution and role completion on hand-built sentences, parses and mentions (sentences written for the test;
 * no CoreNLP): pronoun agreement, a stated country over a looked-up one, residents, organizations, content targets,
 * "-led", "pro-", the sentence's only country, members of a body, small clauses and unattributed attacks.
 */
class ActorResolverTest {
    private static final EventLexicon LEX = EventLexicon.loadDefault();
    private static final KnownLeaders KNOWN = new KnownLeaders(Leaders.load(), Lexicon.load());
    private static final ActorResolver ACTORS = new ActorResolver(LEX, KNOWN);
    private static final RoleFiller ROLES = new RoleFiller(LEX, ACTORS, new LocationFiller(LEX));

    /** A sentence with its parse and mentions; geo "3=NO:NAME", people "0-1=PERSON:DK:GOV:Maria". */
    private record Case(EventDoc doc, Sentence s, DepGraph g) {
        static Case of(String[] words, int[] heads, String[] rels, String[] geo, String[] people) {
            AnalyzedText text = HandBuiltText.of(words);
            List<Token> toks = text.tokens();
            List<GeoMention> gm = new ArrayList<>();
            for (String spec : geo) {
                int i = Integer.parseInt(spec.substring(0, spec.indexOf('=')));
                String[] v = spec.substring(spec.indexOf('=') + 1).split(":");
                gm.add(new GeoMention(i, i, toks.get(i).begin(), toks.get(i).end(), toks.get(i).text(), v[0], GeoKind.valueOf(v[1]), null));
            }
            List<ActorMention> am = new ArrayList<>();
            for (String spec : people) {
                String[] range = spec.substring(0, spec.indexOf('=')).split("-");
                String[] v = spec.substring(spec.indexOf('=') + 1).split(":");
                int a = Integer.parseInt(range[0]);
                int b = Integer.parseInt(range[range.length - 1]);
                am.add(new ActorMention(a, b, toks.get(a).begin(), toks.get(b).end(), ActorKind.valueOf(v[0]), v[3],
                        v[1].equals("-") ? null : v[1], v[2].equals("-") ? null : v[2]));
            }
            EventDoc doc = new EventDoc(text, new GeoResult(List.of(), List.of(), gm), new PeopleResult(List.of(), List.of(), am), null,
                    LocalDate.of(2020, 5, 4));
            return new Case(doc, text.sentences().get(0), new DepGraph(heads, rels));
        }

        List<String> countries(int head) {
            return ACTORS.resolveOne(doc, s, g, head).stream().map(Actor::country).toList();
        }

        List<String> sources(int head) {
            return ACTORS.resolveSource(doc, s, g, head).stream().map(Actor::country).toList();
        }
    }

    private static String[] w(String... words) {
        return words;
    }

    @Test
    void heStandsForAPersonNotForACountry() {
        // "An Italian diplomat said Chad must act as he left": he is the diplomat, not Chad
        Case c = Case.of(w("An/DT/a", "Italian/JJ/italian", "diplomat/NN/diplomat", "said/VBD/say", "Chad/NNP/Chad/LOCATION", "must/MD/must",
                        "act/VB/act", "as/IN/as", "he/PRP/he", "left/VBD/leave"),
                new int[] {2, 2, 3, -1, 6, 6, 3, 9, 9, 6}, w("det", "amod", "nsubj", "root", "nsubj", "aux", "ccomp", "mark", "nsubj", "advcl"),
                w("1=IT:DEMONYM", "4=TD:NAME"), w("1-2=UNNAMED:IT:GOV:Italian diplomat"));
        assertThat(c.countries(8)).containsExactly("IT");
        assertThat(ActorResolver.Agreement.of("it").accepts(List.of(new Actor("TD", "Chad", "COUNTRY", null)))).isTrue();
        assertThat(ActorResolver.Agreement.of("it").accepts(List.of(new Actor("IT", "Mario Rossi", "PERSON", null)))).isFalse();
    }

    @Test
    void theyStandsForTheWholeCoordination() {
        // "Peru and Chile said they would talk"
        Case c = Case.of(w("Peru/NNP/Peru/LOCATION", "and/CC/and", "Chile/NNP/Chile/LOCATION", "said/VBD/say", "they/PRP/they",
                        "would/MD/would", "talk/VB/talk"),
                new int[] {3, 2, 0, -1, 6, 6, 3}, w("nsubj", "cc", "conj", "root", "nsubj", "aux", "ccomp"), w("0=PE:NAME", "2=CL:NAME"), w());
        assertThat(c.countries(4)).containsExactly("PE", "CL");
    }

    @Test
    void aPronounSubjectTakesTheSubjectOfAClauseParsedUnderItsVerb() {
        // "as Peru announced it would pay debts", with "announced" parsed under "pay"
        Case c = Case.of(w("as/IN/as", "Peru/NNP/Peru/LOCATION", "announced/VBD/announce", "it/PRP/it", "would/MD/would", "pay/VB/pay",
                        "debts/NNS/debt"),
                new int[] {2, 2, 5, 5, 5, -1, 5}, w("mark", "nsubj", "advcl", "nsubj", "aux", "root", "obj"), w("1=PE:NAME"), w());
        assertThat(c.countries(3)).containsExactly("PE");
    }

    @Test
    void theCountryTheTextStatesBeatsTheOneLookedUpForTheName() {
        // "Queen Maria of Norway arrived", the people tagger having given the bare name another country
        Case c = Case.of(w("Queen/NNP/Queen", "Maria/NNP/Maria/PERSON", "of/IN/of", "Norway/NNP/Norway/LOCATION", "arrived/VBD/arrive"),
                new int[] {1, 4, 3, 1, -1}, w("compound", "nsubj", "case", "nmod", "root"), w("3=NO:NAME"), w("0-1=PERSON:DK:GOV:Maria"));
        assertThat(c.countries(1)).containsExactly("NO");
        Case unstated = Case.of(w("Queen/NNP/Queen", "Maria/NNP/Maria/PERSON", "arrived/VBD/arrive"), new int[] {1, 2, -1},
                w("compound", "nsubj", "root"), w(), w("0-1=PERSON:DK:GOV:Maria"));
        assertThat(unstated.countries(1)).containsExactly("DK");
    }

    @Test
    void anEthnicGroupActsForTheCountryItLivesIn() {
        // "Hungarians in Romania protested" -> RO; "Hungarians protested" -> HU
        Case c = Case.of(w("Hungarians/NNPS/Hungarians", "in/IN/in", "Romania/NNP/Romania/LOCATION", "protested/VBD/protest"),
                new int[] {3, 2, 0, -1}, w("nsubj", "case", "nmod", "root"), w("0=HU:DEMONYM", "2=RO:NAME"), w());
        assertThat(c.countries(0)).containsExactly("RO");
        Case bare = Case.of(w("Hungarians/NNPS/Hungarians", "protested/VBD/protest"), new int[] {1, -1}, w("nsubj", "root"),
                w("0=HU:DEMONYM"), w());
        assertThat(bare.countries(0)).containsExactly("HU");
    }

    @Test
    void anOrganizationInThePhraseGivesItsCountryFromTheDatedActors() {
        // "Fighters from Hezbollah attacked": Hezbollah is LBNREB in the Phoenix dictionaries
        Case c = Case.of(w("Fighters/NNS/fighter", "from/IN/from", "Hezbollah/NNP/Hezbollah/ORGANIZATION", "attacked/VBD/attack"),
                new int[] {3, 2, 0, -1}, w("nsubj", "case", "nmod", "root"), w(),
                w("0=UNNAMED:-:MIL:Fighters", "2=ORGANIZATION:-:-:Hezbollah"));
        assertThat(c.countries(0)).containsExactly("LB");
    }

    @Test
    void anObjectThatIsNoActorGivesTheActorItsContentNames() {
        // "Evidence against Cuba was shown by Spain": the target is Cuba
        Case c = Case.of(w("Evidence/NN/evidence", "against/IN/against", "Cuba/NNP/Cuba/LOCATION", "was/VBD/be", "shown/VBN/show",
                        "by/IN/by", "Spain/NNP/Spain/LOCATION"),
                new int[] {4, 2, 0, 4, -1, 6, 4}, w("nsubj:pass", "case", "nmod", "aux:pass", "root", "case", "obl"),
                w("2=CU:NAME", "6=ES:NAME"), w());
        assertThat(ACTORS.resolveTarget(c.doc, c.s, c.g, 0)).extracting(Actor::country).containsExactly("CU");
        assertThat(c.countries(0)).isEmpty();
    }

    @Test
    void ledGivesTheLeadersCountryAndProDoesNot() {
        // "Kenyan-led troops arrived" -> KE
        Case led = Case.of(w("Kenyan/JJ/kenyan", "-/HYPH/-", "led/VBN/lead", "troops/NNS/troop", "arrived/VBD/arrive"),
                new int[] {2, 2, 3, 4, -1}, w("dep", "punct", "amod", "nsubj", "root"), w("0=KE:DEMONYM"), w("3=UNNAMED:-:MIL:troops"));
        assertThat(led.countries(3)).containsExactly("KE");
        // "pro-Turkish militias clashed with Kurds in Syria": the militias are not Turkey's (and the sentence names two countries)
        Case pro = Case.of(w("pro-Turkish/JJ/pro-turkish", "militias/NNS/militia", "clashed/VBD/clash", "with/IN/with", "Kurds/NNPS/Kurds",
                        "in/IN/in", "Syria/NNP/Syria/LOCATION"),
                new int[] {1, 2, -1, 4, 2, 6, 2}, w("amod", "nsubj", "root", "case", "obl", "case", "obl"), w("0=TR:DEMONYM", "6=SY:NAME"),
                w("1=UNNAMED:-:REB:militias"));
        assertThat(pro.countries(1)).containsOnlyNulls();
    }

    @Test
    void nationalSourcesWithoutACountryTakeTheSentencesOnlyCountry() {
        // "Police detained students in Lima" -> PE police; with "Chilean students" the sentence names two countries
        Case one = Case.of(w("Police/NNS/police", "detained/VBD/detain", "students/NNS/student", "in/IN/in", "Lima/NNP/Lima/LOCATION"),
                new int[] {1, -1, 1, 4, 1}, w("nsubj", "root", "obj", "case", "obl"), w("4=PE:CITY"),
                w("0=UNNAMED:-:COP:Police", "2=UNNAMED:-:EDU:students"));
        assertThat(one.sources(0)).containsExactly("PE");
        assertThat(one.sources(2)).containsOnlyNulls(); // students are no national sector
        assertThat(one.countries(0)).containsOnlyNulls(); // only sources: a victim is not of the place
        Case two = Case.of(w("Police/NNS/police", "detained/VBD/detain", "Chilean/JJ/chilean", "students/NNS/student", "in/IN/in",
                        "Lima/NNP/Lima/LOCATION"),
                new int[] {1, -1, 3, 1, 5, 1}, w("nsubj", "root", "amod", "obj", "case", "obl"), w("2=CL:DEMONYM", "5=PE:CITY"),
                w("0=UNNAMED:-:COP:Police", "2-3=UNNAMED:CL:EDU:Chilean students"));
        assertThat(two.sources(0)).containsOnlyNulls();
        // "West African leaders met in Bamako": a regional modifier, not the place's country
        Case regional = Case.of(w("West/NNP/West", "African/JJ/african", "leaders/NNS/leader", "met/VBD/meet", "in/IN/in",
                        "Bamako/NNP/Bamako/LOCATION"),
                new int[] {2, 2, 3, -1, 5, 3}, w("compound", "amod", "nsubj", "root", "case", "obl"), w("5=ML:CAPITAL"),
                w("0-2=UNNAMED:-:GOV:West African leaders"));
        assertThat(regional.sources(2)).containsOnlyNulls();
        // a named person is not given the place's country ("Mayor Ana Lopez ... in Lima")
        Case person = Case.of(w("Ana/NNP/Ana/PERSON", "Lopez/NNP/Lopez/PERSON", "spoke/VBD/speak", "in/IN/in", "Lima/NNP/Lima/LOCATION"),
                new int[] {1, 2, -1, 4, 2}, w("compound", "nsubj", "root", "case", "obl"), w("4=PE:CITY"),
                w("0-1=PERSON:-:GOV:Ana Lopez"));
        assertThat(person.sources(1)).containsOnlyNulls();
    }

    @Test
    void protestersTakeTheSentencesOnlyCountryOnlyForAProtest() {
        // "Students marched in Lima": protesting civilians act where they live; in another conflict event they do not
        Case c = Case.of(w("Students/NNS/student", "marched/VBD/march", "in/IN/in", "Lima/NNP/Lima/LOCATION"),
                new int[] {1, -1, 3, 1}, w("nsubj", "root", "case", "obl"), w("3=PE:CITY"), w("0=UNNAMED:-:CVL:Students"));
        assertThat(ACTORS.resolveSource(c.doc, c.s, c.g, 0, true)).extracting(Actor::country).containsExactly("PE");
        assertThat(ACTORS.resolveSource(c.doc, c.s, c.g, 0, false)).extracting(Actor::country).containsOnlyNulls();
    }

    @Test
    void unnamedTargetsTakeTheCountryOfTheBodyTheyComeFromButNotOfAPlace() {
        // "Rebels received envoys from the Peruvian government": the envoys are PE's
        Case body = Case.of(w("Rebels/NNS/rebel", "received/VBD/receive", "envoys/NNS/envoy", "from/IN/from", "the/DT/the",
                        "Peruvian/JJ/peruvian", "government/NN/government"),
                new int[] {1, -1, 1, 6, 6, 6, 1}, w("nsubj", "root", "obj", "case", "det", "amod", "obl"), w("5=PE:DEMONYM"),
                w("2=UNNAMED:-:GOV:envoys", "5-6=UNNAMED:PE:GOV:Peruvian government"));
        List<Actor> envoys = List.of(new Actor(null, "envoys", "UNNAMED", "GOV"));
        assertThat(ROLES.membersOf(body.doc, body.s, body.g, 1, envoys)).extracting(Actor::country).containsExactly("PE");
        // "Chile withdrew troops from Peru": the troops are not Peru's
        Case place = Case.of(w("Chile/NNP/Chile/LOCATION", "withdrew/VBD/withdraw", "troops/NNS/troop", "from/IN/from", "Peru/NNP/Peru/LOCATION"),
                new int[] {1, -1, 1, 4, 1}, w("nsubj", "root", "obj", "case", "obl"), w("0=CL:NAME", "4=PE:NAME"), w("2=UNNAMED:-:MIL:troops"));
        List<Actor> troops = List.of(new Actor(null, "troops", "UNNAMED", "MIL"));
        assertThat(ROLES.membersOf(place.doc, place.s, place.g, 1, troops)).containsExactlyElementsOf(troops);
    }

    @Test
    void theSubjectOfASmallClauseIsTheObjectOfAVerbWithoutOne() {
        // "Spain freed the captain, held since May": "captain" parsed as the subject of "held"
        DepGraph g = new DepGraph(new int[] {1, -1, 3, 5, 5, 1, 7, 5}, new String[] {"nsubj", "root", "det", "nsubj", "punct", "xcomp", "case", "obl"});
        assertThat(RoleFiller.smallClauseSubjects(g, 1)).containsExactly(3);
        DepGraph withObject = new DepGraph(new int[] {1, -1, 1, 4, 1}, new String[] {"nsubj", "root", "obj", "mark", "xcomp"});
        assertThat(RoleFiller.smallClauseSubjects(withObject, 1)).isEmpty();
    }

    @Test
    void aPersonNamingAStateBodyGivesItItsCountry() {
        // "The Lula government protested": the government acts for Lula's country
        Case c = Case.of(w("The/DT/the", "Lula/NNP/Lula/PERSON", "government/NN/government", "protested/VBD/protest"),
                new int[] {2, 2, 3, -1}, w("det", "compound", "nsubj", "root"), w(),
                w("1=PERSON:BR:GOV:Lula", "1-2=UNNAMED:-:GOV:Lula government"));
        assertThat(c.countries(2)).containsExactly("BR");
        // "Lula supporters protested": supporters are no state body, Lula's country is not theirs
        Case fans = Case.of(w("Lula/NNP/Lula/PERSON", "supporters/NNS/supporter", "protested/VBD/protest"),
                new int[] {1, 2, -1}, w("compound", "nsubj", "root"), w(),
                w("0=PERSON:BR:GOV:Lula", "0-1=UNNAMED:-:CVL:Lula supporters"));
        assertThat(fans.countries(1)).containsOnlyNulls();
    }

    @Test
    void theSubjectOfAnInfinitiveMarkedByASlotPrepositionIsTheTarget() {
        // "Oslo gave permission to Chile to fish": Chile is the subject of "fish", marked by "to"
        DepGraph g = new DepGraph(new int[] {1, -1, 1, 6, 6, 6, 2}, new String[] {"nsubj", "root", "obj", "mark", "nsubj", "mark", "acl"});
        List<Token> toks = HandBuiltText.of(w("Oslo/NNP/Oslo", "gave/VBD/give", "permission/NN/permission", "to/IN/to", "Chile/NNP/Chile",
                "to/TO/to", "fish/VB/fish")).tokens();
        assertThat(RoleFiller.markedClauseSubjects(g, toks, 2, java.util.Set.of("to"))).containsExactly(4);
        assertThat(RoleFiller.markedClauseSubjects(g, toks, 2, java.util.Set.of("against"))).isEmpty();
    }

    @Test
    void anAttackWithoutAPlaceTakesTheCountryTheSentencesPlacesName() {
        // "A plot to kill the mayor was foiled in Cusco": PE; "Two Chilean guards were shot": no place, no country
        Case placed = Case.of(w("A/DT/a", "plot/NN/plot", "was/VBD/be", "foiled/VBN/foil", "in/IN/in", "Cusco/NNP/Cusco/LOCATION"),
                new int[] {1, 3, 3, -1, 5, 3}, w("det", "nsubj:pass", "aux:pass", "root", "case", "obl"), w("5=PE:CITY"), w());
        assertThat(ACTORS.onlyPlaceCountryOf(placed.doc, placed.s)).isEqualTo("PE");
        Case demonym = Case.of(w("Two/CD/two", "Chilean/JJ/chilean", "guards/NNS/guard", "were/VBD/be", "shot/VBN/shoot"),
                new int[] {2, 2, 4, 4, -1}, w("nummod", "amod", "nsubj:pass", "aux:pass", "root"), w("1=CL:DEMONYM"), w());
        assertThat(ACTORS.onlyPlaceCountryOf(demonym.doc, demonym.s)).isNull();
        EventCandidate c = new EventCandidate();
        c.code = "190";
        c.sentencePlaceCountry = "PE";
        c.targets.add(new Actor("PE", "the mayor", "UNNAMED", "GOV"));
        ROLES.sourceFromPlace(c);
        assertThat(c.sources).extracting(Actor::country).containsExactly("PE");
    }

    @Test
    void anAttackWithoutAnAttackerTakesThePlaceAsSource() {
        EventCandidate c = new EventCandidate();
        c.code = "190";
        c.head = 0;
        c.locCountry = "ML";
        c.targets.add(new Actor("FR", "two French soldiers", "UNNAMED", "MIL"));
        ROLES.sourceFromPlace(c);
        assertThat(c.sources).extracting(Actor::country).containsExactly("ML");

        EventCandidate named = new EventCandidate(); // "hackers attacked": an attacker is named, even if unknown
        named.code = "190";
        named.locCountry = "ML";
        named.sourceStated = true;
        named.targets.add(new Actor("FR", "a French bank", "UNNAMED", "BUS"));
        ROLES.sourceFromPlace(named);
        assertThat(named.sources).isEmpty();

        EventCandidate hypothetical = new EventCandidate();
        hypothetical.code = "190";
        hypothetical.locCountry = "ML";
        hypothetical.hypothetical = true;
        hypothetical.targets.add(new Actor("FR", "soldiers", "UNNAMED", "MIL"));
        ROLES.sourceFromPlace(hypothetical);
        assertThat(hypothetical.sources).isEmpty();
    }
}
