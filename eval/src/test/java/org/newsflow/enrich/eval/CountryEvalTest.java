package org.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CountryEval on a two-article file in LGL's format, written for this test (ours only; the baseline is too slow here). */
class CountryEvalTest {
    @TempDir
    Path dir;

    @Test
    void scoresTwoArticles() throws Exception {
        String a1 = "Floods hit Portugal and Spain on Sunday.";
        String a2 = "The mayor of Lyon met farmers.";
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<articles>\n"
                + article("1", a1, top(a1, "Portugal", "Portugal") + top(a1, "Spain", "Spain"))
                + article("2", a2, top(a2, "Lyon", "France"))
                + "</articles>\n";
        Path file = dir.resolve("mini.xml");
        Files.writeString(file, xml);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CountryEval.Report r = CountryEval.run(file, 0, false, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(r.baseline()).isNull();
        assertThat(r.ours().articles()).isEqualTo(2);
        assertThat(r.ours().goldToponyms()).isEqualTo(3);
        assertThat(r.ours().toponymRecall()).isEqualTo(1.0);
        assertThat(r.ours().toponymAccuracy()).isEqualTo(1.0);
        assertThat(r.ours().recall()).isEqualTo(1.0);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("per-article country sets", "toponyms: recall");
    }

    private static String article(String id, String text, String toponyms) {
        return "<article docid=\"" + id + "\"><text><![CDATA[" + text + "]]></text><toponyms>" + toponyms + "</toponyms></article>\n";
    }

    private static String top(String text, String phrase, String country) {
        int s = text.indexOf(phrase);
        return "<toponym><start>" + s + "</start><end>" + (s + phrase.length()) + "</end><phrase>" + phrase
                + "</phrase><gaztag geonameid=\"1\"><name>" + phrase + "</name><country geonameid=\"2\">" + country
                + "</country></gaztag></toponym>";
    }
}
