package org.newsflow.chaos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;

/**
 * Short generated news articles (three sentences, ~50 tokens) with unique ids. Short, because the chaos run has to push
 * thousands of articles through CoreNLP on a shared 2-core machine in a few minutes; varied (people, countries, cities,
 * actions), so enrichment does real work and different code paths are taken.
 */
final class Articles {
    private static final String[][] LEADERS = {
        {"President Emmanuel Macron", "France"}, {"Chancellor Olaf Scholz", "Germany"},
        {"Prime Minister Nikol Pashinian", "Armenia"}, {"President Ilham Aliyev", "Azerbaijan"},
        {"Secretary of State Antony Blinken", "the United States"}, {"President Vladimir Putin", "Russia"},
        {"Prime Minister Narendra Modi", "India"}, {"President Cyril Ramaphosa", "South Africa"},
        {"President Luiz Inacio Lula da Silva", "Brazil"}, {"Prime Minister Fumio Kishida", "Japan"},
    };
    private static final String[] CITIES = {"Geneva", "Brussels", "Nairobi", "Jakarta", "Vienna", "Doha", "Oslo", "Lima", "Hanoi", "Rabat", "Ankara"};
    private static final String[] ACTIONS = {
        "met %s to discuss trade and border security",
        "accused %s of violating the ceasefire agreement",
        "signed a cooperation agreement with %s",
        "rejected a proposal from %s on fishing rights",
        "called on %s to release detained journalists",
        "promised %s humanitarian aid after the floods",
    };
    private static final String[] CLOSERS = {
        "Officials said further talks would take place next month.",
        "The foreign ministry declined to comment on the details.",
        "Protesters gathered outside the venue during the meeting.",
        "Analysts expect the dispute to dominate the regional summit.",
    };

    private Articles() {}

    static String id(String prefix, int n) {
        return prefix + "-" + String.format("%06d", n);
    }

    static RawArticle article(String id, int n) {
        String[] a = LEADERS[n % LEADERS.length];
        String[] b = LEADERS[(n / LEADERS.length + n + 1) % LEADERS.length];
        if (a == b) {
            b = LEADERS[(n + 3) % LEADERS.length];
        }
        String city = CITIES[(n / 7) % CITIES.length];
        String action = String.format(ACTIONS[(n / 3) % ACTIONS.length], b[0]);
        String title = a[0].substring(a[0].lastIndexOf(' ') + 1) + " and " + b[1] + " in " + city + " (" + n + ")";
        String body = a[0] + " of " + a[1] + " " + action + " in " + city + " on Monday. "
                + "The talks in " + city + " followed weeks of tension between " + a[1] + " and " + b[1] + ". "
                + CLOSERS[n % CLOSERS.length] + " Report number " + n + ".";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, null, "chaos", title, body, "en", now.minus(1, ChronoUnit.HOURS), now, "chaos-test");
    }

    static byte[] json(RawArticle a) {
        return Json.toBytes(a);
    }
}
