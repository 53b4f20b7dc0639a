package org.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateTest {
    private final Boilerplate boilerplate = Boilerplate.loadDefault();

    private static boolean masked(Boilerplate.Result r, String body, String text) {
        int at = body.indexOf(text);
        return r.mask().covers(at, at + text.length());
    }

    @Test
    void creditLineNearTheEndEndsTheArticleAndIsRecorded() {
        String body = "Ministers from Chile and Peru met in Lima on Tuesday to discuss a fishing dispute.\n\n"
                + "The talks will resume next month in Santiago, officials said.\n\n"
                + "With Reuters\n\n"
                + "Our weekly digest brings you back to the stories of the week\n\n"
                + "Download the Example News app";
        Boilerplate.Result r = boilerplate.scan(body);
        assertThat(r.credits()).containsExactly("Reuters");
        assertThat(masked(r, body, "With Reuters")).isTrue();
        assertThat(masked(r, body, "Our weekly digest")).isTrue();
        assertThat(masked(r, body, "Download the Example News app")).isTrue();
        assertThat(masked(r, body, "Chile and Peru")).isFalse();
        assertThat(masked(r, body, "Santiago")).isFalse();
    }

    @Test
    void subscriptionPromptsAreMaskedWhereverTheyAre() {
        String body = "Sign up for our daily newsletter\n\nFloods hit northern Italy after days of rain, "
                + "and rescuers searched for missing people on Sunday.\n\nI subscribe\n\nThe regional government asked Rome for help.";
        Boilerplate.Result r = boilerplate.scan(body);
        assertThat(masked(r, body, "Sign up for our daily newsletter")).isTrue();
        assertThat(masked(r, body, "I subscribe")).isTrue();
        assertThat(masked(r, body, "Floods hit northern Italy")).isFalse();
        assertThat(masked(r, body, "asked Rome for help")).isFalse();
        assertThat(r.credits()).isEmpty();
    }

    @Test
    void datelineCreditIsReadButThePlaceStays() {
        String body = "NAIROBI (AFP) - Kenya's parliament passed the finance bill on Thursday after a heated debate.";
        Boilerplate.Result r = boilerplate.scan(body);
        assertThat(r.credits()).containsExactly("AFP");
        assertThat(masked(r, body, "(AFP)")).isTrue();
        assertThat(masked(r, body, "NAIROBI")).isFalse();
    }

    @Test
    void newsThatMentionsAppsOrSubscriptionsIsNotATrailer() {
        String body = "Regulators fined the company after users could not cancel a subscription to its news app, "
                + "the consumer agency in Brussels said on Monday.";
        Boilerplate.Result r = boilerplate.scan(body);
        assertThat(r.mask().ranges()).isEmpty();
    }

    @Test
    void creditEarlyInTheTextDoesNotSwallowTheRest() {
        String body = "With AFP\n\nProtesters marched in Santiago on Saturday against pension reform, and police used water cannon "
                + "to disperse the crowd near the presidential palace, witnesses said.";
        Boilerplate.Result r = boilerplate.scan(body);
        assertThat(r.credits()).containsExactly("AFP");
        assertThat(masked(r, body, "Protesters marched")).isFalse();
    }
}
