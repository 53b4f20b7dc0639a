package org.newsflow.sink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.sink.TestArticles;

/**
 * The query side of the contract (the dashboard's filters, counts, search), run on every store with
 * {@link ArticleStoreContract}. Each test works in its own year, so the tests' articles never meet.
 */
abstract class StoreQueriesContract {

    protected abstract ArticleStore store();

    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private List<String> ids(ArticleFilter filter) {
        return store().search(new ArticleQuery(filter, ArticleQuery.Sort.NEWEST, null, 200)).items().stream()
                .map(EnrichedArticle::id).toList();
    }

    private static ArticleFilter year(int y) {
        return ArticleFilter.any().withTime(t(y + "-01-01T00:00:00Z"), t((y + 1) + "-01-01T00:00:00Z"));
    }

    @Test
    void multi_value_filters_name_parts_and_duplicates() {
        store().upsertArticles(List.of(
                TestArticles.article("mv-1").published("2041-02-01T01:00:00Z").countries("AM").person("Vladimir Putin", "RU")
                        .organization("North Atlantic Treaty Organization", "NATO").language("en").source("AFP")
                        .event("ASSAULT", 4, "AZ", null, "AM", null, false).build(),
                TestArticles.article("mv-2").published("2041-02-01T02:00:00Z").countries("AZ").person("Grigori Rasputin", "RU")
                        .organization("United Nations", "UN").language("fr").source("Reuters")
                        .event("CONSULT", 1, "AZ", null, "TR", null, false).duplicateOf("mv-1").build(),
                TestArticles.article("mv-3").published("2041-02-01T03:00:00Z").countries("GE").person("Olaf Scholz", "DE")
                        .language("de").source("DPA").event("AID", 2, "DE", null, "GE", null, false).build()));
        ArticleFilter y = year(2041);
        assertThat(ids(y.withCountries(List.of("AM", "AZ")))).containsExactly("mv-2", "mv-1");
        assertThat(ids(y.withPeople(List.of("PUTIN")))).containsExactly("mv-1"); // a whole word: not Rasputin
        assertThat(ids(y.withPeople(List.of("putin", "olaf scholz")))).containsExactly("mv-3", "mv-1");
        assertThat(ids(y.withPeople(List.of("grigori_rasputin")))).containsExactly("mv-2"); // the key
        assertThat(ids(y.withOrganizations(List.of("atlantic")))).containsExactly("mv-1");
        assertThat(ids(y.withOrganizations(List.of("un", "nato")))).containsExactly("mv-2", "mv-1");
        assertThat(ids(y.withEvents(List.of(), List.of(1, 2)))).containsExactly("mv-3", "mv-2");
        assertThat(ids(y.withEvents(List.of("ASSAULT", "AID"), List.of()))).containsExactly("mv-3", "mv-1");
        assertThat(ids(y.withLanguages(List.of("en", "de")))).containsExactly("mv-3", "mv-1");
        assertThat(ids(y.withSources(List.of("Reuters", "DPA")))).containsExactly("mv-3", "mv-2");
        assertThat(ids(y.withDuplicates(ArticleFilter.Duplicates.EXCLUDE))).containsExactly("mv-3", "mv-1");
        assertThat(ids(y.withDuplicates(ArticleFilter.Duplicates.ONLY))).containsExactly("mv-2");
        assertThat(store().find("mv-2").orElseThrow().article().duplicateOf()).isEqualTo("mv-1");

        ArticlePage oldest = store().search(new ArticleQuery(y, ArticleQuery.Sort.OLDEST, null, 2));
        assertThat(oldest.items()).extracting(EnrichedArticle::id).containsExactly("mv-1", "mv-2");
        assertThat(oldest.total()).isEqualTo(3);
        assertThat(oldest.totalCapped()).isFalse();
        ArticlePage rest = store().search(new ArticleQuery(y, ArticleQuery.Sort.OLDEST, oldest.next(), 2));
        assertThat(rest.items()).extracting(EnrichedArticle::id).containsExactly("mv-3");
        assertThat(rest.next()).isNull();
    }

    @Test
    void full_text_search_ranks_highlights_and_follows_new_versions() {
        store().upsertArticles(List.of(
                TestArticles.article("fts-1").published("2042-03-01T01:00:00Z").countries("AM")
                        .title("Ceasefire talks resume").body("Diplomats met in Geneva. The ceasefire held overnight.").build(),
                TestArticles.article("fts-2").published("2042-03-01T02:00:00Z").countries("AZ")
                        .title("Markets calm").body("Traders shrugged off news of the ceasefire in the morning.").build(),
                TestArticles.article("fts-3").published("2042-03-01T03:00:00Z").countries("AM")
                        .title("Weather").body("Rain over Yerevan, talks of snow.").build()));
        ArticleFilter y = year(2042);
        assertThat(ids(y.withText("CEASEFIRE"))).containsExactly("fts-2", "fts-1");
        assertThat(ids(y.withText("ceasefire talks"))).containsExactly("fts-1"); // every word must occur
        assertThat(ids(y.withText("ceasefire").withCountries(List.of("AZ")))).containsExactly("fts-2");
        assertThat(ids(y.withText("cease"))).isEmpty(); // whole words

        ArticlePage ranked = store().search(new ArticleQuery(y.withText("ceasefire"), ArticleQuery.Sort.RELEVANCE, null, 1));
        assertThat(ranked.items()).extracting(EnrichedArticle::id).containsExactly("fts-1"); // in the title and the body
        assertThat(ranked.total()).isEqualTo(2);
        SearchText.Snippet snippet = ranked.snippets().get("fts-1");
        assertThat(snippet.highlights()).isNotEmpty().allSatisfy(h ->
                assertThat(snippet.text().substring(h[0], h[1])).isEqualToIgnoringCase("ceasefire"));
        ArticlePage second = store().search(new ArticleQuery(y.withText("ceasefire"), ArticleQuery.Sort.RELEVANCE, ranked.next(), 1));
        assertThat(second.items()).extracting(EnrichedArticle::id).containsExactly("fts-2");
        assertThat(second.next()).isNull();

        // A newer version replaces the indexed text: the old words no longer find it.
        store().upsertArticles(List.of(TestArticles.article("fts-2").published("2042-03-01T02:00:00Z")
                .enrichedAt("2042-03-02T00:00:00Z").title("Markets calm").body("Traders went home early.").build()));
        assertThat(ids(y.withText("ceasefire"))).containsExactly("fts-1");
        assertThat(ids(y.withText("traders home"))).containsExactly("fts-2");
    }

    @Test
    void timeline_has_every_bucket_and_counts_articles_or_events() {
        store().upsertArticles(List.of(
                TestArticles.article("tl-1").published("2043-04-01T00:10:00Z").countries("AM")
                        .event("ASSAULT", 4, "AZ", null, "AM", null, false).event("ACCUSE", 3, "AM", null, "AZ", null, false).build(),
                TestArticles.article("tl-2").published("2043-04-01T00:50:00Z").countries("AM")
                        .event("ASSAULT", 4, "AZ", null, "AM", null, false).event("ASSAULT", 4, "AZ", null, "AM", null, true).build(),
                TestArticles.article("tl-3").published("2043-04-01T03:20:00Z").countries("AZ").duplicateOf("tl-1").build()));
        ArticleFilter w = ArticleFilter.any().withTime(t("2043-04-01T00:00:00Z"), t("2043-04-01T04:00:00Z"));
        List<StatSeries> articles = store().timeline(new TimelineQuery(w, 3_600_000L, TimelineQuery.By.ARTICLES));
        assertThat(articles).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("articles");
            assertThat(s.total()).isEqualTo(3);
            assertThat(s.buckets()).extracting(StatSeries.Bucket::count).containsExactly(2L, 0L, 0L, 1L);
            assertThat(s.buckets().get(1).startMs()).isEqualTo(t("2043-04-01T01:00:00Z"));
        });
        List<StatSeries> firstCopies = store().timeline(new TimelineQuery(
                w.withDuplicates(ArticleFilter.Duplicates.EXCLUDE), 3_600_000L, TimelineQuery.By.ARTICLES));
        assertThat(firstCopies.get(0).total()).isEqualTo(2);
        List<StatSeries> types = store().timeline(new TimelineQuery(w, 3_600_000L, TimelineQuery.By.EVENT_TYPE));
        assertThat(types).extracting(StatSeries::key, StatSeries::total).containsExactly(tuple("ASSAULT", 2L), tuple("ACCUSE", 1L));
        assertThat(types.get(0).buckets()).hasSize(4);
        List<StatSeries> quads = store().timeline(new TimelineQuery(w, 60_000L * 30, TimelineQuery.By.QUAD_CLASS));
        assertThat(quads).extracting(StatSeries::key, StatSeries::label).containsExactly(
                tuple("4", "Material conflict"), tuple("3", "Verbal conflict"));
        assertThat(quads.get(0).buckets()).hasSize(8);
    }

    @Test
    void map_counterparts_and_organization_stats() {
        store().upsertArticles(List.of(
                TestArticles.article("map-1").published("2044-05-01T00:10:00Z").countries("AM", "AZ")
                        .organization("European Union", "EU")
                        .event("ASSAULT", 4, "AZ", null, "AM", null, false).event("CONSULT", 1, "AM", null, "FR", null, false)
                        .event("AID", 2, "AM", null, "AM", null, false).build(),
                TestArticles.article("map-2").published("2044-05-01T01:10:00Z").countries("AM")
                        .organization("European Union", "EU").organization("United Nations", "UN")
                        .event("THREATEN", 3, "AZ", null, "AM", null, false).event("ASSAULT", 4, "AZ", null, "AM", null, true).build()));
        ArticleFilter y = year(2044);
        List<CountryActivity> map = store().countryActivity(y);
        assertThat(map).extracting(CountryActivity::code, CountryActivity::articles, CountryActivity::events).containsExactly(
                tuple("AM", 2L, 4L), tuple("AZ", 1L, 2L), tuple("FR", 0L, 1L));
        assertThat(map.get(0).quadClass()).isEqualTo(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L));
        assertThat(map.get(0).name()).isEqualTo("Country AM");

        List<Counterpart> counterparts = store().counterparts(y, List.of("AM"), 10);
        assertThat(counterparts).extracting(Counterpart::code, Counterpart::events).containsExactly(tuple("AZ", 2L), tuple("FR", 1L));
        assertThat(counterparts.get(0).byType()).isEqualTo(Map.of("ASSAULT", 1L, "THREATEN", 1L));

        List<StatSeries> orgs = store().stats(new StatsQuery(StatsQuery.Kind.ORGANIZATIONS, y.fromMs(), y.toMs(),
                86_400_000L, 10, null, false, y));
        assertThat(orgs).extracting(StatSeries::key, StatSeries::label, StatSeries::total).containsExactly(
                tuple("european union", "European Union", 2L), tuple("united nations", "United Nations", 1L));
        List<StatSeries> conflict = store().stats(new StatsQuery(StatsQuery.Kind.EVENTS, y.fromMs(), y.toMs(),
                86_400_000L, 10, null, false, y.withEvents(List.of(), List.of(3, 4))));
        assertThat(conflict).extracting(StatSeries::key, StatSeries::total).containsExactly(tuple("ASSAULT", 1L), tuple("THREATEN", 1L));
    }

    @Test
    void person_profile_with_co_mentions_and_event_roles() {
        store().upsertArticles(List.of(
                TestArticles.article("pp-1").published("2045-06-01T00:10:00Z").person("Nikol Pashinyan", "AM")
                        .person("Ilham Aliyev", "AZ")
                        .event("CONSULT", 1, "AM", "Prime Minister Nikol Pashinyan", "AZ", "Aliyev", false).build(),
                TestArticles.article("pp-2").published("2045-06-02T00:10:00Z").person("Nikol Pashinyan", "AM")
                        .person("Ilham Aliyev", "AZ").person("Charles Michel", null)
                        .event("ACCUSE", 3, "AZ", "Aliyev", "AM", "Pashinyan", false).build()));
        PersonProfile p = store().person("nikol_pashinyan", year(2045)).orElseThrow();
        assertThat(p.name()).isEqualTo("Nikol Pashinyan");
        assertThat(p.articles()).isEqualTo(2);
        assertThat(p.country()).isEqualTo("AM");
        assertThat(p.titles()).containsExactly("President");
        assertThat(p.coMentioned()).extracting(PersonProfile.CoMention::key, PersonProfile.CoMention::articles)
                .containsExactly(tuple("ilham_aliyev", 2L), tuple("charles_michel", 1L));
        assertThat(p.asSource()).isEqualTo(Map.of("CONSULT", 1L));
        assertThat(p.asTarget()).isEqualTo(Map.of("ACCUSE", 1L));
        assertThat(store().person("nikol_pashinyan", year(2046))).isEmpty();
        assertThat(store().person("nobody", year(2045))).isEmpty();
    }

    @Test
    void listeners_hear_of_stored_articles_after_the_commit_and_not_of_stale_replays() {
        List<ArticleStoreListener.StoredArticle> heard = new CopyOnWriteArrayList<>();
        store().addListener(stored -> stored.stream().filter(s -> s.id().startsWith("ls-")).forEach(heard::add));
        store().addListener(stored -> {
            if (stored.stream().anyMatch(s -> s.id().startsWith("ls-"))) {
                throw new IllegalStateException("a broken listener changes nothing");
            }
        });
        List<EnrichedArticle> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(TestArticles.article("ls-" + i).published("2047-01-01T00:00:00Z").title("Live " + i).build());
        }
        assertThat(store().upsertArticles(batch).written()).isEqualTo(3);
        assertThat(heard).extracting(ArticleStoreListener.StoredArticle::id).containsExactlyInAnyOrder("ls-0", "ls-1", "ls-2");
        assertThat(heard).allSatisfy(s -> {
            assertThat(store().find(s.id())).isPresent(); // committed before the listener ran
            assertThat(s.title()).startsWith("Live ");
        });
        store().upsertArticles(batch); // stale: nothing new
        assertThat(heard).hasSize(3);
    }
}
