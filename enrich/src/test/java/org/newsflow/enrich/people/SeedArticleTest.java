package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;

/** The seed article: exactly four people and three organizations, no media among them. */
class SeedArticleTest {
    private static final String SEED = """
            These are new incidents that bode well for difficult talks: Armenia and Azerbaijan mutually accused each other of new border bombings on Monday (November 7th), ahead of talks in Washington aimed at ending a conflict that has left hundreds dead. these last months.

            The foreign ministers of these two rival countries of the Caucasus must indeed go to the United States for talks Monday under the aegis of the American secretary of State, Antony Blinken.

            Just a week ago, Armenian Prime Minister Nikol Pashinian and Azerbaijani President Ilham Aliyev pledged "not to use force" at a summit in Russia with Russian President Vladimir Putin.

            But, overnight from Sunday to Monday, "units of the Azerbaijani armed forces opened fire (...) on Armenian positions located in the eastern sector of the border", the Armenian Defense Ministry said in a statement. statement, adding that there were "no casualties".

            For its part, the Azerbaijani Ministry of Defense accused the Armenian forces of having fired "with light weapons of different calibers" on the positions of Baku, without reporting any losses either.

            Competing initiatives to end the fighting\s

            Clashes regularly take place on the border between Armenia and Azerbaijan.

            In September, fighting between the two countries left 286 dead on both sides and reawakened fears of a large-scale war, like the one that killed more than 6,500 in 2020.

            This conflict is linked to territorial disputes, particularly around Nagorno-Karabakh, a mountainous region populated mainly by Armenians which seceded from Azerbaijan in the early 1990s with the help of Yerevan.

            A first war had then caused more than 30,000 deaths.

            Since the 2020 war, halted by a Moscow-sponsored ceasefire, Armenia and Azerbaijan have been engaged in difficult peace talks, with several parallel initiatives.

            The European Union has brought Nikol Pashinian and Ilham Aliyev together in Brussels on several occasions, and the United States had already invited the Armenian and Azerbaijani foreign ministers for discussions in September.

            Russia, which regards the Caucasus as its backyard, takes a dim view of these efforts, suspecting the West of wanting to compete with it while it is busy with its invasion of Ukraine.

            With AFP

            The summary of the

            France 24 week invites you to come back to the news that marked the week

            I subscribe

            Take international news everywhere with you!

            Download the France 24 app""";

    private static AnalyzedText text;
    private static PeopleTagger tagger;

    @BeforeAll
    static void load() throws IOException {
        Path shared = Path.of("..", "..", "shared", "samples", "armenia-azerbaijan-border.txt");
        String body = Files.exists(shared) ? Files.readString(shared) : SEED;
        text = NlpPipeline.shared().analyze(body);
        tagger = org.newsflow.enrich.EnrichFactory.process().peopleTagger();
    }

    private static void assertSeed(PeopleResult r) {
        Map<String, PersonTag> people = r.people().stream().collect(Collectors.toMap(PersonTag::name, p -> p));
        assertThat(people.keySet()).containsExactlyInAnyOrder("Nikol Pashinian", "Ilham Aliyev", "Antony Blinken", "Vladimir Putin");
        assertThat(people.get("Nikol Pashinian").titles()).containsExactly("Prime Minister");
        assertThat(people.get("Nikol Pashinian").country()).isEqualTo("AM");
        assertThat(people.get("Nikol Pashinian").mentions()).isEqualTo(2);
        assertThat(people.get("Ilham Aliyev").titles()).containsExactly("President");
        assertThat(people.get("Ilham Aliyev").country()).isEqualTo("AZ");
        assertThat(people.get("Antony Blinken").titles()).containsExactly("Secretary of State");
        assertThat(people.get("Antony Blinken").country()).isEqualTo("US");
        assertThat(people.get("Vladimir Putin").titles()).containsExactly("President");
        assertThat(people.get("Vladimir Putin").country()).isEqualTo("RU");

        Map<String, OrganizationTag> orgs = r.organizations().stream().collect(Collectors.toMap(OrganizationTag::name, o -> o));
        assertThat(orgs.keySet()).containsExactlyInAnyOrder("Armenian Defense Ministry", "Azerbaijani Ministry of Defense", "European Union");
        assertThat(orgs.get("Armenian Defense Ministry").country()).isEqualTo("AM");
        assertThat(orgs.get("Azerbaijani Ministry of Defense").country()).isEqualTo("AZ");
        assertThat(orgs.get("European Union").type()).isEqualTo("IGO");
        assertThat(orgs.get("European Union").country()).isNull();

        List<ActorMention> unnamed = r.mentions().stream().filter(m -> m.is(ActorKind.UNNAMED)).toList();
        assertThat(unnamed).extracting(ActorMention::name).contains("foreign ministers", "units of the Azerbaijani armed forces", "Armenian forces");
        assertThat(r.mentions()).noneMatch(m -> m.name().contains("AFP") || m.name().contains("France 24"));
    }

    @Test
    void seedWithStubGeoAndNoMask() {
        assertSeed(tagger.tag(text, StubGeo.tag(text), TextMask.none()));
    }

    @Test
    void seedWithTrailerMasked() {
        int start = text.body().indexOf("With AFP");
        TextMask mask = new TextMask(List.of(new TextMask.Range(start, text.body().length(), "trailer")));
        assertSeed(tagger.tag(text, StubGeo.tag(text), mask));
    }

    @Test
    void seedWithRealCountryTagger() {
        GeoResult geo = org.newsflow.enrich.EnrichFactory.process().countryTagger().tag(text, TextMask.none());
        assertSeed(tagger.tag(text, geo, TextMask.none()));
    }
}
