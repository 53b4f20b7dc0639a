package org.newsflow.sink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The writers' column declarations ({@link ArticleRows}) against the migrations, and the provider lookup. */
class ArticleRowsTest {
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern ADD = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+)");

    /** Column names per table, in order, from the migrations: V1's CREATE TABLEs, each dialect's V2 additions, V3's statements. */
    private static Map<String, List<String>> schema(String dialectFolder) throws IOException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Matcher m = TABLE.matcher(read("db/migration/V1__articles.sql"));
        while (m.find()) {
            tables.put(m.group(1), columns(m.group(2)));
        }
        Matcher add = ADD.matcher(read("db/" + dialectFolder + "/V2__search_and_duplicates.sql"));
        while (add.find()) {
            tables.get(add.group(1)).add(add.group(2));
        }
        Matcher v3 = TABLE.matcher(read("db/migration/V3__statements.sql"));
        while (v3.find()) {
            tables.put(v3.group(1), columns(v3.group(2)));
        }
        return tables;
    }

    private static List<String> columns(String body) {
        List<String> columns = new ArrayList<>();
        for (String line : body.split("\\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("--") && !t.startsWith("PRIMARY KEY")) {
                columns.add(t.split("\\s+")[0]);
            }
        }
        return columns;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = ArticleRowsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void tag_table_columns_are_exactly_the_migrated_ones_in_order() throws IOException {
        for (String dialect : List.of("sqlite", "postgresql")) {
            Map<String, List<String>> schema = schema(dialect);
            for (String[] spec : ArticleRows.TAG_TABLES) {
                List<String> declared = Arrays.stream(spec).skip(1).map(c -> c.split(":")[0]).toList();
                assertThat(declared).as(dialect + " " + spec[0]).isEqualTo(schema.get(spec[0]));
            }
            assertThat(schema.keySet()).as("every table but articles is a tag table")
                    .containsExactlyInAnyOrder("articles", "article_country", "article_person", "article_organization", "events", "statements");
        }
    }

    @Test
    void article_columns_written_exist_and_every_other_column_is_generated() throws IOException {
        for (String dialect : List.of("sqlite", "postgresql")) {
            List<String> migrated = schema(dialect).get("articles");
            assertThat(migrated).as(dialect).containsAll(ArticleRows.ARTICLE_COLUMNS);
            List<String> notWritten = migrated.stream().filter(c -> !ArticleRows.ARTICLE_COLUMNS.contains(c)).toList();
            assertThat(notWritten).as(dialect).isEqualTo(dialect.equals("postgresql") ? List.of("search") : List.of());
        }
    }

    @Test
    void stores_are_found_by_scheme_through_the_service_loader() {
        assertThatThrownBy(() -> ArticleStore.open("elasticsearch://localhost:9200/news", StoreOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known schemes").hasMessageContaining("sqlite:").hasMessageContaining("postgresql://");
        assertThat(new JdbcStoreProvider().accepts("postgres://u:p@h/db")).isTrue();
        assertThat(new JdbcStoreProvider().accepts("mysql://h/db")).isFalse();
    }
}
