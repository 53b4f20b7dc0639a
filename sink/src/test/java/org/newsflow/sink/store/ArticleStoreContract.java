package org.newsflow.sink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.sink.TestArticles;
import org.newsflow.sink.bench.SyntheticArticles;

/** The same suite against SQLite and PostgreSQL: subclasses only say which store. Ids are unique per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArticleStoreContract extends StoreQueriesContract {
    protected ArticleStore store;

    protected abstract String storeUrl();

    @Override
    protected ArticleStore store() {
        return store;
    }

    @BeforeAll
    void open() {
        store = ArticleStore.open(storeUrl());
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void opening_twice_keeps_the_migrated_schema() {
        store.upsertArticles(List.of(TestArticles.article("reopen-1").countries("AM").build()));
        try (ArticleStore again = ArticleStore.open(storeUrl())) {
            assertThat(again.find("reopen-1")).isPresent();
        }
    }

    @Test
    void stores_and_finds_the_full_record() {
        EnrichedArticle a = TestArticles.article("find-1").countries("AM", "AZ").person("Nikol Pashinian", "AM")
                .organization("European Union", "EU").event("ASSAULT", "AZ", "AM").build();
        UpsertResult result = store.upsertArticles(List.of(a));
        assertThat(result).isEqualTo(new UpsertResult(1, 1, 0));
        assertThat(store.find("find-1")).contains(a);
        assertThat(store.find("no-such-id")).isEmpty();
    }

    @Test
    void replay_twice_and_out_of_order_keeps_each_article_once_with_its_latest_tags() {
        // Three versions per article; the newest (enrichedAt) has different tags from the older ones.
        List<EnrichedArticle> versions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "replay-" + i;
            versions.add(TestArticles.article(id).enrichedAt("2022-11-07T10:00:00Z").countries("RU", "UA")
                    .person("Vladimir Putin", "RU").event("THREATEN", "RU", "UA").build());
            versions.add(TestArticles.article(id).enrichedAt("2022-11-07T11:00:00Z").countries("AM", "AZ", "US")
                    .person("Antony Blinken", "US").person("Ilham Aliyev", "AZ")
                    .event("CONSULT", "US", "AM").event("ASSAULT", "AZ", "AM").build());
            versions.add(TestArticles.article(id).enrichedAt("2022-11-07T10:30:00Z").countries("FR")
                    .event("AID", "FR", "UA").build());
        }
        long before = store.count();
        List<EnrichedArticle> shuffled = new ArrayList<>(versions);
        for (int pass = 0; pass < 2; pass++) {
            Collections.shuffle(shuffled, new Random(42 + pass));
            for (int from = 0; from < shuffled.size(); from += 7) { // several batches, versions spread across them
                store.upsertArticles(shuffled.subList(from, Math.min(shuffled.size(), from + 7)));
            }
        }
        assertThat(store.count() - before).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            EnrichedArticle stored = store.find("replay-" + i).orElseThrow();
            assertThat(stored.enrichedAt()).isEqualTo(Instant.parse("2022-11-07T11:00:00Z"));
            assertThat(stored.countries()).extracting(CountryTag::code).containsExactly("AM", "AZ", "US");
        }
        // The tag tables hold the latest tags only: no RU/FR left, no duplicates.
        assertThat(ids(query(q -> q.country("RU")), "replay-")).isEmpty();
        assertThat(ids(query(q -> q.country("FR")), "replay-")).isEmpty();
        assertThat(ids(query(q -> q.country("AM")), "replay-")).hasSize(20).doesNotHaveDuplicates();
        assertThat(ids(query(q -> q.eventType("ASSAULT")), "replay-")).hasSize(20);
        assertThat(ids(query(q -> q.eventType("THREATEN")), "replay-")).isEmpty();
        assertThat(ids(query(q -> q.person("Antony Blinken")), "replay-")).hasSize(20);
        assertThat(ids(query(q -> q.person("vladimir_putin")), "replay-")).isEmpty();
    }

    @Test
    void an_older_version_is_stale_and_an_equal_one_changes_nothing() {
        EnrichedArticle newer = TestArticles.article("stale-1").enrichedAt("2022-11-08T00:00:00Z").countries("AM").build();
        EnrichedArticle older = TestArticles.article("stale-1").enrichedAt("2022-11-07T00:00:00Z").countries("RU").build();
        assertThat(store.upsertArticles(List.of(newer))).isEqualTo(new UpsertResult(1, 1, 0));
        assertThat(store.upsertArticles(List.of(older))).isEqualTo(new UpsertResult(1, 0, 1));
        assertThat(store.upsertArticles(List.of(newer))).isEqualTo(new UpsertResult(1, 0, 1));
        assertThat(store.find("stale-1").orElseThrow().countries()).extracting(CountryTag::code).containsExactly("AM");
        // within one batch too
        assertThat(store.upsertArticles(List.of(older, newer, older))).isEqualTo(new UpsertResult(3, 0, 3));
    }

    @Test
    void filters_and_cursor_pagination_newest_first() {
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            TestArticles.Builder b = TestArticles.article("page-" + String.format("%02d", i))
                    .published(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(3600L * (i / 2)).toString())
                    .language(i % 2 == 0 ? "en" : "fr").source(i % 5 == 0 ? "AFP" : "Reuters")
                    .countries(i % 3 == 0 ? "GE" : "TR")
                    .person(i % 4 == 0 ? "Emmanuel Macron" : "Olaf Scholz", "FR")
                    .organization(i % 2 == 0 ? "North Atlantic Treaty Organization" : "United Nations", i % 2 == 0 ? "NATO" : "UN")
                    .event(i % 2 == 0 ? "PROTEST" : "AID", "GE", "TR");
            articles.add(b.build());
        }
        store.upsertArticles(articles);
        long from = Instant.parse("2031-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2031-01-02T00:00:00Z").toEpochMilli();
        // all 25, pages of 10, newest first, no overlap
        List<String> seen = new ArrayList<>();
        ArticleQuery.Cursor cursor = null;
        int pages = 0;
        do {
            ArticlePage page = store.search(new ArticleQuery(null, null, null, null, null, null, from, to, cursor, 10));
            page.items().forEach(a -> seen.add(a.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        List<Long> times = seen.stream().map(id -> store.find(id).orElseThrow().article().publishedAt().toEpochMilli()).toList();
        assertThat(times).isSortedAccordingTo(Collections.reverseOrder());

        assertThat(store.search(new ArticleQuery("GE", null, null, null, null, null, from, to, null, 100)).items()).hasSize(9);
        assertThat(store.search(new ArticleQuery(null, "emmanuel macron", null, null, null, null, from, to, null, 100)).items()).hasSize(7);
        assertThat(store.search(new ArticleQuery(null, null, "nato", null, null, null, from, to, null, 100)).items()).hasSize(13);
        assertThat(store.search(new ArticleQuery(null, null, "United Nations", null, null, null, from, to, null, 100)).items()).hasSize(12);
        assertThat(store.search(new ArticleQuery(null, null, null, "AID", null, null, from, to, null, 100)).items()).hasSize(12);
        assertThat(store.search(new ArticleQuery(null, null, null, null, "fr", null, from, to, null, 100)).items()).hasSize(12);
        assertThat(store.search(new ArticleQuery(null, null, null, null, null, "AFP", from, to, null, 100)).items()).hasSize(5);
        assertThat(store.search(new ArticleQuery("GE", null, null, "PROTEST", "en", null, from, to, null, 100)).items())
                .extracting(EnrichedArticle::id).containsExactly("page-24", "page-18", "page-12", "page-06", "page-00");
        long noon = Instant.parse("2031-01-01T06:00:00Z").toEpochMilli();
        assertThat(store.search(new ArticleQuery(null, null, null, null, null, null, noon, to, null, 100)).items())
                .hasSize(13); // i = 12..24 published from 06:00
    }

    @Test
    void stats_count_per_key_and_bucket() {
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            articles.add(TestArticles.article("stats-" + i)
                    .published(Instant.parse("2032-03-01T00:00:00Z").plusSeconds(1800L * i).toString()) // 2 per hour
                    .countries(i < 8 ? "CN" : "IR").person("Ilham Aliyev", "AZ")
                    .event("ASSAULT", "CN", "IR").event(i % 2 == 0 ? "REJECT" : "ASSAULT", "IR", "CN").build());
        }
        store.upsertArticles(articles);
        long from = Instant.parse("2032-03-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2032-03-02T00:00:00Z").toEpochMilli();
        List<StatSeries> countries = store.stats(new StatsQuery(StatsQuery.Kind.COUNTRIES, from, to, 3_600_000L, 10, null, false));
        assertThat(countries).extracting(StatSeries::key).containsExactly("CN", "IR");
        assertThat(countries.get(0).total()).isEqualTo(8);
        assertThat(countries.get(0).label()).isEqualTo("Country CN");
        assertThat(countries.get(0).buckets()).hasSize(4).allSatisfy(b -> assertThat(b.count()).isEqualTo(2));
        assertThat(countries.get(0).buckets().get(0).startMs()).isEqualTo(from);
        List<StatSeries> byDay = store.stats(new StatsQuery(StatsQuery.Kind.COUNTRIES, from, to, 86_400_000L, 1, null, false));
        assertThat(byDay).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("CN");
            assertThat(s.buckets()).containsExactly(new StatSeries.Bucket(from, 8));
        });
        List<StatSeries> events = store.stats(new StatsQuery(StatsQuery.Kind.EVENTS, from, to, 86_400_000L, 10, "CN", false));
        assertThat(events).extracting(StatSeries::key, StatSeries::total)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ASSAULT", 18L), org.assertj.core.groups.Tuple.tuple("REJECT", 6L));
        List<StatSeries> people = store.stats(new StatsQuery(StatsQuery.Kind.PEOPLE, from, to, 86_400_000L, 10, null, false));
        assertThat(people).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("ilham_aliyev");
            assertThat(s.label()).isEqualTo("Ilham Aliyev");
            assertThat(s.total()).isEqualTo(12);
        });
    }

    @Test
    void statements_are_stored_apart_from_events_and_counted_on_their_own() {
        long from = Instant.parse("2031-03-01T00:00:00Z").toEpochMilli();
        long to = from + 86_400_000L;
        EnrichedArticle a = TestArticles.article("stmt-1").published("2031-03-01T10:00:00Z").countries("TR", "GR")
                .event("ASSAULT", "TR", "SY").statement("016", "TR", false).statement("010", "TR", false)
                .statement("013", "GR", true).build();
        store.upsertArticles(List.of(a));
        // the article detail is the stored record: statements included, unchanged
        assertThat(store.find("stmt-1")).contains(a);
        assertThat(store.find("stmt-1").orElseThrow().statements()).hasSize(3);
        // events are counted as before: statements are not events
        assertThat(store.stats(new StatsQuery(StatsQuery.Kind.EVENTS, from, to, 86_400_000L, 10, null, true)))
                .extracting(StatSeries::key, StatSeries::total).containsExactly(org.assertj.core.groups.Tuple.tuple("ASSAULT", 1L));
        List<StatSeries> real = store.stats(new StatsQuery(StatsQuery.Kind.STATEMENTS, from, to, 86_400_000L, 10, null, false));
        assertThat(real).extracting(StatSeries::key, StatSeries::label, StatSeries::total).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("010", "make statement", 1L),
                org.assertj.core.groups.Tuple.tuple("016", "deny responsibility", 1L));
        List<StatSeries> all = store.stats(new StatsQuery(StatsQuery.Kind.STATEMENTS, from, to, 86_400_000L, 10, "GR", true));
        assertThat(all).extracting(StatSeries::key).containsExactly("013");
        // a newer version without statements leaves none behind
        store.upsertArticles(List.of(TestArticles.article("stmt-1").published("2031-03-01T10:00:00Z").enrichedAt("2031-03-01T11:00:00Z")
                .countries("TR").event("ASSAULT", "TR", "SY").build()));
        assertThat(store.stats(new StatsQuery(StatsQuery.Kind.STATEMENTS, from, to, 86_400_000L, 10, null, true))).isEmpty();
        assertThat(store.find("stmt-1").orElseThrow().statements()).isNull();
    }

    @Test
    void a_batch_of_synthetic_articles_round_trips() {
        SyntheticArticles synthetic = new SyntheticArticles(7, Instant.parse("2033-01-01T00:00:00Z"));
        List<EnrichedArticle> batch = new ArrayList<>();
        for (int i = 0; i < 1500; i++) { // more rows than one multi-row statement holds
            batch.add(synthetic.article("syn", i, Instant.parse("2033-02-01T00:00:00Z")));
        }
        long before = store.count();
        assertThat(store.upsertArticles(batch).written()).isEqualTo(1500);
        assertThat(store.count() - before).isEqualTo(1500);
        assertThat(store.find("syn-1499")).contains(batch.get(1499));
        assertThat(store.upsertArticles(batch).written()).isZero();
    }

    @Test
    void a_record_the_database_rejects_is_a_data_error() {
        // A NUL character is rejected by PostgreSQL (text and jsonb); SQLite stores it. Either way no partial write.
        EnrichedArticle bad = TestArticles.article("nul-1").source("bad\u0000source").countries("AM").build();
        try {
            store.upsertArticles(List.of(bad, TestArticles.article("nul-2").countries("AM").build()));
            assertThat(store.find("nul-2")).isPresent();
        } catch (StoreException e) {
            assertThat(e.isDataError()).isTrue();
            assertThat(store.find("nul-2")).isEmpty();
        }
    }

    @Test
    void one_batch_with_a_duplicate_id_and_an_older_version_after_a_newer_one() {
        EnrichedArticle newer = TestArticles.article("dup-1").enrichedAt("2022-11-08T00:00:00Z").countries("AM")
                .person("Nikol Pashinian", "AM").build();
        EnrichedArticle older = TestArticles.article("dup-1").enrichedAt("2022-11-07T00:00:00Z").countries("RU")
                .person("Vladimir Putin", "RU").build();
        EnrichedArticle other = TestArticles.article("dup-2").countries("GE").build();
        // the same record twice in one batch, and an older version after a newer one
        UpsertResult result = store.upsertArticles(List.of(other, newer, other, older));
        assertThat(result).isEqualTo(new UpsertResult(4, 2, 2));
        assertThat(store.find("dup-1")).contains(newer);
        assertThat(store.find("dup-2")).contains(other);
        assertThat(ids(query(q -> q.country("AM")), "dup-")).containsExactly("dup-1");
        assertThat(ids(query(q -> q.country("RU")), "dup-")).isEmpty();
        assertThat(ids(query(q -> q.person("vladimir putin")), "dup-")).isEmpty();
        assertThat(ids(query(q -> q.country("GE")), "dup-")).containsExactly("dup-2");
        // a newer version and a replay of the stored one in the next batch
        EnrichedArticle newest = TestArticles.article("dup-1").enrichedAt("2022-11-09T00:00:00Z").countries("FR").build();
        assertThat(store.upsertArticles(List.of(newest, newer, other))).isEqualTo(new UpsertResult(3, 1, 2));
        assertThat(ids(query(q -> q.country("FR")), "dup-")).containsExactly("dup-1");
        assertThat(ids(query(q -> q.country("AM")), "dup-")).isEmpty();
        assertThat(ids(query(q -> q.person("nikol pashinian")), "dup-")).isEmpty();
    }

    @Test
    void strings_needing_escaping_are_stored_exactly() {
        String nasty = "tab\there, new\nline, CR\r, back\\slash \\N \\. \"quoted\" 'single' ; -- %_ "
                + "Ünïcödé Ευρώπη 中文 עברית \uD83D\uDE00 \u00A0nbsp \u2028";
        String person = "Jean-Luc \"le\tchef\" O'Brien\\Ærø";
        EnrichedArticle a = TestArticles.article("esc-1").title(nasty).source("src\t\\N\n\"x\"").countries("AM")
                .person(person, "FR").organization("Org \\ \"Ω\"\tunit", "O\\Q").event("PROTEST", "AM", "AZ").build();
        // the record as consumed, with a field this code does not know: every value kept (SQLite keeps the text byte for
        // byte; PostgreSQL's JSONB keeps the values but not spacing and key order, so the JSON values are compared)
        String json = org.newsflow.contract.Json.toString(a);
        json = "{ \"futureField\" : [1, 2.50, \"x\\ty\"],\n" + json.substring(1);
        assertThat(store.upsert(List.of(new ArticleVersion(a, json)))).isEqualTo(new UpsertResult(1, 1, 0));
        assertThat(store.find("esc-1")).contains(a);
        assertThat(jsonTree(store.findJson("esc-1").orElseThrow())).isEqualTo(jsonTree(json));
        assertThat(store.search(new ArticleQuery(null, person.toLowerCase(java.util.Locale.ROOT), null, null, null, null,
                null, null, null, 100)).items()).extracting(EnrichedArticle::id).containsExactly("esc-1");
        assertThat(store.search(new ArticleQuery(null, null, null, null, null, "src\t\\N\n\"x\"", null, null, null, 100))
                .items()).extracting(EnrichedArticle::id).containsExactly("esc-1");
        assertThat(store.search(new ArticleQuery(null, null, "o\\q", null, null, null, null, null, null, 100)).items())
                .extracting(EnrichedArticle::id).containsExactly("esc-1");
    }

    @Test
    void a_large_batch_of_newer_versions_replaces_every_article_and_all_its_tags() {
        SyntheticArticles synthetic = new SyntheticArticles(11, Instant.parse("2034-01-01T00:00:00Z"));
        List<EnrichedArticle> first = new ArrayList<>();
        List<EnrichedArticle> second = new ArrayList<>();
        for (int i = 0; i < 800; i++) { // split over several writers, several COPYs
            first.add(synthetic.article("big", i, Instant.parse("2034-02-01T00:00:00Z")));
            // the newer version: other tags; every fourth article is new in this batch
            String id = i % 4 == 0 ? "big-new-" + i : "big-" + i;
            second.add(TestArticles.article(id).enrichedAt("2034-03-01T00:00:00Z").countries("IS").build());
        }
        assertThat(store.upsertArticles(first).written()).isEqualTo(800);
        List<EnrichedArticle> mixed = new ArrayList<>(second);
        mixed.addAll(first.subList(0, 100)); // stale replays in the same batch
        Collections.shuffle(mixed, new Random(7));
        assertThat(store.upsertArticles(mixed)).isEqualTo(new UpsertResult(900, 800, 100));
        assertThat(ids(query(q -> q.country("IS")), "big-")).hasSize(800).doesNotHaveDuplicates();
        assertThat(store.find("big-1").orElseThrow().countries()).extracting(CountryTag::code).containsExactly("IS");
        assertThat(store.find("big-0").orElseThrow().countries()).isNotEmpty(); // not replaced: big-new-0 was new
        assertThat(store.find("big-new-0")).isPresent();
        for (EnrichedArticle a : first.subList(0, 3)) {
            for (CountryTag t : a.countries()) {
                assertThat(ids(query(q -> q.country(t.code())), "big-").stream().filter(id -> !id.startsWith("big-new-"))
                        .filter(id -> Integer.parseInt(id.substring(4)) % 4 != 0)).isEmpty();
            }
        }
    }

    @Test
    void a_tag_the_database_rejects_fails_the_whole_write() {
        // A NUL character in a tag row (PostgreSQL rejects it in the tag table, after the article row was written).
        EnrichedArticle bad = TestArticles.article("nul-3").person("Bad\u0000Name", "AM").build();
        try {
            store.upsertArticles(List.of(TestArticles.article("nul-4").countries("AM").build(), bad));
            assertThat(store.find("nul-3")).isPresent();
        } catch (StoreException e) {
            assertThat(e.isDataError()).isTrue();
            assertThat(store.find("nul-3")).isEmpty();
            assertThat(store.find("nul-4")).isEmpty();
            assertThat(ids(query(q -> q.country("AM")), "nul-")).isEmpty();
        }
    }

    // -------------------------------------------------------------------------

    interface QueryFilter {
        QueryBuilder apply(QueryBuilder b);
    }

    @Test
    void a_time_beyond_epoch_milliseconds_is_a_data_error_and_the_batch_writes_nothing() {
        // Issue #11: +999999999-12-31T23:59:59Z overflowed Instant.toEpochMilli with an ArithmeticException, which no
        // caller treated as the record's fault. The sink validates dates first; the store's own answer is a data error.
        EnrichedArticle future = TestArticles.article("overflow-1").published("+999999999-12-31T23:59:59Z").build();
        EnrichedArticle good = TestArticles.article("overflow-2").build();
        assertThatThrownBy(() -> store.upsertArticles(List.of(good, future)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDataError()).isTrue())
                .hasMessageContaining("+999999999-12-31T23:59:59Z");
        EnrichedArticle enrichedFuture = TestArticles.article("overflow-3").enrichedAt("+999999999-12-31T23:59:59Z").build();
        assertThatThrownBy(() -> store.upsertArticles(List.of(enrichedFuture)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDataError()).isTrue());
        assertThat(store.find("overflow-2")).isEmpty();
        store.upsertArticles(List.of(good));
        assertThat(store.find("overflow-2")).isPresent();
    }

    static final class QueryBuilder {
        String country, person, organization, eventType;

        QueryBuilder country(String v) { country = v; return this; }
        QueryBuilder person(String v) { person = v; return this; }
        QueryBuilder eventType(String v) { eventType = v; return this; }
    }

    private List<EnrichedArticle> query(QueryFilter f) {
        QueryBuilder b = f.apply(new QueryBuilder());
        return store.search(new ArticleQuery(b.country, b.person, b.organization, b.eventType, null, null, null, null, null, 1000)).items();
    }

    private static List<String> ids(List<EnrichedArticle> articles, String prefix) {
        return articles.stream().map(EnrichedArticle::id).filter(id -> id.startsWith(prefix)).toList();
    }

    @Test
    void store_url_rejects_unknown_schemes() {
        assertThatThrownBy(() -> StoreUrl.parse("mysql://x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sqlite:PATH");
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonTree(String json) {
        try {
            return org.newsflow.contract.Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("stored record is not JSON: " + json, e);
        }
    }
}
