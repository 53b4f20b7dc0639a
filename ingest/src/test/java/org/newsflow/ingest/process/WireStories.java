package org.newsflow.ingest.process;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.RawArticle;

/**
 * Wire stories written for these tests (not copied from any outlet), in the shape agencies file them, and the
 * edits republishers make to them: a new headline, a dateline with the agency's name, a trailing credit line, a
 * paragraph of their own, a cut from the bottom, copy edits and an updated figure. Two other stories on the same
 * war by the same agency share its vocabulary and names but are different stories.
 */
final class WireStories {
    private WireStories() {}

    static final String STRIKE_TITLE = "Russian drone strike on Kharkiv kills eight, wounds dozens";

    static final String STRIKE = """
            A Russian drone attack on the northeastern Ukrainian city of Kharkiv killed eight people and wounded at least 37 overnight, including four children, regional officials said on Tuesday.

            Regional governor Oleh Synegubov said on Telegram that the drones struck a residential neighbourhood in the Kyivskyi district shortly after 2:00 am, setting fire to a nine-storey apartment block and several cars.

            "Rescuers are still pulling people out of the rubble," Synegubov said, adding that the death toll could rise. Kharkiv mayor Igor Terekhov said 14 buildings had been damaged and that the city's water supply was cut in two districts.

            Ukraine's air force said Russia launched 62 Shahed-type drones and two ballistic missiles at the country overnight, and that air defences had shot down 48 of the drones over eight regions.

            Kharkiv, Ukraine's second-largest city, lies about 30 kilometres from the Russian border and has been hit repeatedly since Moscow launched its full-scale invasion in February 2022.

            President Volodymyr Zelensky renewed his call for Western allies to deliver more air-defence systems. "Every day of delay means new funerals," he said in his evening address.

            Russia's defence ministry said its forces had struck "military-industrial facilities" in the Kharkiv region, without giving details. Moscow denies targeting civilians.

            The attack came as Ukrainian and Russian negotiators were due to meet in Istanbul later this week for talks on a prisoner exchange, the first such contact in more than a month.
            """.strip();

    /** Same agency, same war, same names and places: a different story (the talks), not a copy. */
    static final String TALKS = """
            Ukrainian and Russian negotiators will meet in Istanbul on Thursday for talks on a new prisoner exchange, Turkish officials said on Tuesday, the first direct contact between the two sides in more than a month.

            Turkish Foreign Minister Hakan Fidan said Ankara would host the delegations at the Dolmabahce palace and that the talks would focus on the release of wounded soldiers and civilians held since Moscow launched its full-scale invasion in February 2022.

            Ukraine's delegation will be led by Defence Minister Rustem Umerov, President Volodymyr Zelensky said in his evening address. "Our priority is to bring every one of our people home," he said.

            The Kremlin confirmed the meeting but played down expectations. "We do not expect any breakthroughs," spokesman Dmitry Peskov told reporters in Moscow, adding that Russia's position on a ceasefire had not changed.

            The two sides have exchanged more than 4,000 prisoners since the start of the war, most of them through mediation by Turkey and the United Arab Emirates.

            The talks come after a night of Russian drone attacks on Kharkiv and other Ukrainian cities, and as Kyiv presses its Western allies for more air-defence systems.
            """.strip();

    /** Same war, same region, a later event: a different story again. */
    static final String COUNTERSTRIKE = """
            Ukrainian drones struck an oil depot in Russia's Belgorod region overnight, setting it ablaze, the regional governor said on Wednesday, a day after a deadly Russian attack on the Ukrainian city of Kharkiv.

            Belgorod governor Vyacheslav Gladkov said on Telegram that no one had been hurt but that firefighters were still battling the blaze at the facility near the border with Ukraine.

            Russia's defence ministry said its air defences had shot down 23 Ukrainian drones over the Belgorod, Kursk and Bryansk regions. Kyiv does not usually comment on strikes inside Russia.

            A source in Ukraine's SBU security service told AFP the strike was carried out by its drones and said the depot supplied fuel to Russian forces attacking the Kharkiv region.

            Ukraine has stepped up its attacks on Russian energy infrastructure in recent months, saying the facilities fuel Moscow's war effort. Russia has in turn targeted Ukraine's power grid, causing blackouts across the country.

            Kharkiv, Ukraine's second-largest city, lies about 30 kilometres from the Russian border and has been hit repeatedly since Moscow launched its full-scale invasion in February 2022.
            """.strip();

    /** The republished versions of {@link #STRIKE}, by kind of edit, in the order a reader would meet them. */
    static Map<String, String> strikeCopies() {
        Map<String, String> copies = new LinkedHashMap<>();
        copies.put("dateline", "KHARKIV, Ukraine (AFP) - " + STRIKE);
        copies.put("credit line and app trailer", STRIKE
                + "\n\nReporting by Olena Harmash in Kyiv; Editing by Mark Heinrich"
                + "\n\nDownload the app to follow the war in Ukraine live.");
        copies.put("added paragraph", STRIKE.replace(
                "Kharkiv, Ukraine's second-largest city,",
                "Local volunteers from the city's Ukrainian diaspora in Toronto said they would send a second aid convoy"
                        + " of generators and medical supplies before the end of the month.\n\nKharkiv, Ukraine's second-largest city,"));
        copies.put("cut from the bottom", STRIKE.substring(0, STRIKE.indexOf("Russia's defence ministry said")).strip());
        copies.put("copy edits and updated toll", STRIKE
                .replace("killed eight people and wounded at least 37", "killed nine people and wounded at least 41")
                .replace("regional officials said on Tuesday", "regional officials told AFP on Tuesday")
                .replace("neighbourhood", "neighborhood").replace("defences", "defenses").replace("defence ministry", "defense ministry")
                .replace("\"Every day of delay means new funerals,\" he said", "\"Every day of delay means new funerals,\" Zelensky said"));
        String cut = STRIKE.substring(0, STRIKE.indexOf("The attack came as")).strip();
        copies.put("all of these at once", "KHARKIV, Ukraine (AFP) - " + cut
                .replace("killed eight people and wounded at least 37", "killed nine people and wounded at least 41")
                .replace("neighbourhood", "neighborhood")
                .replace("Kharkiv, Ukraine's second-largest city,",
                        "The city's metro stations again served as shelters during the night, residents said.\n\nKharkiv, Ukraine's second-largest city,")
                + "\n\nReporting by Olena Harmash; Editing by Mark Heinrich");
        return copies;
    }

    static RawArticle article(String title, String body) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(null, title, body), null, "Test Wire", title, body,
                "en", null, Instant.parse("2026-11-29T02:00:00Z"), "test");
    }

    static RawArticle article(String url, String title, String body) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(url, title, body), ArticleIds.canonicalUrl(url).orElse(null),
                "Test Wire", title, body, "en", null, Instant.parse("2026-11-29T02:00:00Z"), "test");
    }
}
