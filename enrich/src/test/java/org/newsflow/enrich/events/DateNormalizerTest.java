package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.nlp.Token;

class DateNormalizerTest {
    private static final LocalDate PUB = LocalDate.of(2022, 11, 7); // a Monday

    /** Tokens by whitespace with rough tags: enough for the date rules. */
    private static List<Token> toks(String s) {
        List<Token> out = new ArrayList<>();
        int pos = 0;
        for (String w : s.split(" ")) {
            String tag = Character.isUpperCase(w.charAt(0)) ? "NNP" : w.matches("\\d+") ? "CD" : w.matches("[.,]") ? w : w.endsWith("s") ? "NNS" : "NN";
            out.add(new Token(w, pos, pos + w.length(), tag, w.toLowerCase(), "O", 0, out.size()));
            pos += w.length() + 1;
        }
        return out;
    }

    private static String first(String s, boolean future) {
        List<DateNormalizer.Expr> e = DateNormalizer.find(toks(s));
        return e.isEmpty() ? null : e.get(0).resolve(PUB, future);
    }

    @Test
    void weekdays() {
        assertThat(first("they met on Monday", false)).isEqualTo("2022-11-07");
        assertThat(first("they met on Friday", false)).isEqualTo("2022-11-04");
        assertThat(first("they will meet on Friday", true)).isEqualTo("2022-11-11");
        assertThat(first("overnight from Sunday to Monday", false)).isEqualTo("2022-11-07");
    }

    @Test
    void relativeAndMonths() {
        assertThat(first("a week ago", false)).isEqualTo("2022-10-31");
        assertThat(first("yesterday", false)).isEqualTo("2022-11-06");
        assertThat(first("In September", false)).isEqualTo("2022-09");
        assertThat(first("in December", false)).isEqualTo("2021-12");
        assertThat(first("three years ago", false)).isEqualTo("2019");
        assertThat(first("on November 7th", false)).isEqualTo("2022-11-07");
        assertThat(first("on 3 March 2021", false)).isEqualTo("2021-03-03");
        assertThat(first("in 2020", false)).isEqualTo("2020");
    }

    @Test
    void noPublicationDateKeepsOnlyAbsoluteDates() {
        assertThat(DateNormalizer.find(toks("in 2020")).get(0).resolve(null, false)).isEqualTo("2020");
        assertThat(DateNormalizer.find(toks("on Monday")).get(0).resolve(null, false)).isNull();
    }

    @Test
    void numbersThatAreNotYears() {
        assertThat(DateNormalizer.find(toks("2000 troops"))).isEmpty();
    }
}
