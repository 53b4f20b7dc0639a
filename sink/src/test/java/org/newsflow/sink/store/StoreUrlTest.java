package org.newsflow.sink.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUrlTest {
    @Test
    void sqlite_path() {
        StoreUrl u = StoreUrl.parse("sqlite:./data/newsflow.db");
        assertThat(u.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:sqlite:./data/newsflow.db");
        assertThat(u.sqliteFile()).isEqualTo(Path.of("./data/newsflow.db"));
    }

    @Test
    void postgresql_url_with_user_info_and_schema() {
        StoreUrl u = StoreUrl.parse("postgresql://bob:s%40cret@db.local:5433/news?currentSchema=sink");
        assertThat(u.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(u.schema()).isEqualTo("sink");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/news?currentSchema=sink&user=bob&password=s%40cret");
        assertThat(u.redacted()).contains("password=***").doesNotContain("cret");
    }

    @Test
    void postgresql_url_with_query_user() {
        StoreUrl u = StoreUrl.parse("postgres://127.0.0.1:5432/test?user=postgres");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(u.schema()).isNull();
    }

    @Test
    void jdbc_urls_pass_through() {
        assertThat(StoreUrl.parse("jdbc:postgresql://h/db?currentSchema=x").schema()).isEqualTo("x");
        assertThat(StoreUrl.parse("jdbc:sqlite:/tmp/x.db").dialect()).isEqualTo(Dialect.SQLITE);
    }
}
