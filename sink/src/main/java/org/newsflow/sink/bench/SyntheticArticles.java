package org.newsflow.sink.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Casualties;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.LocationTag;
import org.newsflow.contract.Mention;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.RawArticle;

/**
 * Deterministic, realistic-sized enriched records (about 2.5 KB of body, 4 countries, 3 people, 2 organizations,
 * 3 events each) for the sink benchmark and tests. Same seed and index, same article.
 */
public final class SyntheticArticles {
    private static final String[][] COUNTRIES = {
            {"AM", "ARM", "Armenia"}, {"AZ", "AZE", "Azerbaijan"}, {"US", "USA", "United States"},
            {"RU", "RUS", "Russia"}, {"UA", "UKR", "Ukraine"}, {"BE", "BEL", "Belgium"}, {"FR", "FRA", "France"},
            {"DE", "DEU", "Germany"}, {"TR", "TUR", "Turkey"}, {"IR", "IRN", "Iran"}, {"GE", "GEO", "Georgia"},
            {"CN", "CHN", "China"}};
    private static final String[][] PEOPLE = {
            {"Nikol Pashinian", "AM", "Prime Minister"}, {"Ilham Aliyev", "AZ", "President"},
            {"Antony Blinken", "US", "Secretary of State"}, {"Vladimir Putin", "RU", "President"},
            {"Emmanuel Macron", "FR", "President"}, {"Olaf Scholz", "DE", "Chancellor"}};
    private static final String[][] ORGS = {
            {"European Union", "EU", "IGO"}, {"United Nations", "UN", "IGO"}, {"Armenian Defense Ministry", null, "GOV"},
            {"NATO", "NATO", "IGO"}};
    private static final String[][] EVENTS = {
            {"ACCUSE", "11", "3"}, {"ASSAULT", "19", "4"}, {"CONSULT", "04", "1"}, {"AGREE", "03", "1"},
            {"THREATEN", "13", "3"}, {"AID", "07", "2"}};
    private static final String FILLER = "Armenia and Azerbaijan accused each other of shelling along the border on Monday, "
            + "officials said, as talks between foreign ministers continued in Washington. ";

    private final long seed;
    private final Instant base;

    public SyntheticArticles(long seed, Instant base) {
        this.seed = seed;
        this.base = base;
    }

    public static String id(String prefix, int index) {
        return prefix + "-" + index;
    }

    /** Article {@code index} with id {@code prefix-index}, published {@code index} minutes after the base time. */
    public EnrichedArticle article(String prefix, int index, Instant enrichedAt) {
        Random r = new Random(seed * 1_000_003L + index);
        String id = id(prefix, index);
        String body = FILLER.repeat(15);
        Instant published = base.plus(Duration.ofMinutes(index));
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, "https://news.example/" + prefix + "/" + index,
                index % 3 == 0 ? "France 24" : "Wire", "Border clashes " + index, body, "en",
                published, published.plusSeconds(30), "synthetic");
        List<CountryTag> countries = new ArrayList<>();
        int first = r.nextInt(COUNTRIES.length);
        for (int k = 0; k < 4; k++) {
            String[] c = COUNTRIES[(first + k) % COUNTRIES.length];
            countries.add(new CountryTag(c[0], c[1], c[2], 1 + r.nextInt(5), k < 2,
                    List.of(new Mention(0, 7, "Armenia", "NAME"), new Mention(12, 22, "Azerbaijan", "NAME"))));
        }
        List<PersonTag> people = new ArrayList<>();
        int p0 = r.nextInt(PEOPLE.length);
        for (int k = 0; k < 3; k++) {
            String[] p = PEOPLE[(p0 + k) % PEOPLE.length];
            people.add(new PersonTag(p[0], p[0].toLowerCase().replace(' ', '_'), 1 + r.nextInt(4), List.of(p[2]), p[1],
                    List.of(new Mention(100, 115, p[0]))));
        }
        List<OrganizationTag> organizations = new ArrayList<>();
        int o0 = r.nextInt(ORGS.length);
        for (int k = 0; k < 2; k++) {
            String[] o = ORGS[(o0 + k) % ORGS.length];
            organizations.add(new OrganizationTag(o[0], o[1], o[2], null, 1, List.of(new Mention(200, 214, o[0]))));
        }
        List<EventTag> events = new ArrayList<>();
        Map<String, Integer> eventCounts = new TreeMap<>();
        for (int k = 0; k < 3; k++) {
            String[] e = EVENTS[r.nextInt(EVENTS.length)];
            String src = countries.get(0).code();
            String tgt = countries.get(1).code();
            events.add(new EventTag(e[0], null, e[1], Integer.parseInt(e[2]),
                    new Actor(src, null, "COUNTRY", "GOV"), new Actor(tgt, null, "COUNTRY", "MIL"),
                    new Mention(20, 28, "accused"), new Mention(0, 120, null), published.toString().substring(0, 10),
                    tgt, null, e[0].equals("ASSAULT") ? new Casualties(r.nextInt(10), null, false) : null,
                    false, k == 2 && r.nextInt(4) == 0));
            eventCounts.merge(e[0], 1, Integer::sum);
        }
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, raw, "en", enrichedAt, "synthetic/1",
                countries, people, organizations,
                List.of(new LocationTag("Yerevan", "CITY", "AM", 1, List.of(new Mention(300, 307, "Yerevan")))),
                events, eventCounts, List.of("AFP"));
    }
}
