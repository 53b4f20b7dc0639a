package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void urlUserInfoPasswordIsMasked() {
        assertThat(Secrets.redact("cannot connect to postgresql://news:s3cr3t@db:5432/newsflow (refused)"))
                .isEqualTo("cannot connect to postgresql://news:***@db:5432/newsflow (refused)");
    }

    @Test
    void passwordParametersAndBearerTokensAreMasked() {
        assertThat(Secrets.redact("jdbc:postgresql://db/newsflow?user=news&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/newsflow?user=news&password=***&ssl=true");
        assertThat(Secrets.redact("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.redact("token=xyz api_key: k1")).isEqualTo("token=*** api_key: ***");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        String plain = "sqlite:data/newsflow.db at http://127.0.0.1:8083/api/articles?country=AM";
        assertThat(Secrets.redact(plain)).isEqualTo(plain);
        assertThat(Secrets.redact(null)).isNull();
    }

    @Test
    void exceptionMessagesIncludeCausesRedacted() {
        Exception e = new IllegalStateException("store down", new RuntimeException("postgresql://u:pw@h/db refused"));
        assertThat(Secrets.message(e)).isEqualTo("store down: postgresql://u:***@h/db refused");
    }
}
