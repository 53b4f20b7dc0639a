package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {
    @Test
    void sameUrlUnderDifferentDisguisesGivesOneId() {
        String a = ArticleIds.of("https://News.Example.com/world/story-1/?utm_source=x&b=2&a=1#top", "t1", "body one");
        String b = ArticleIds.of("https://news.example.com:443/world/story-1?a=1&b=2", "other title", "other body");
        assertThat(a).isEqualTo(b).startsWith("url-").hasSize(36);
    }

    @Test
    void differentUrlsGiveDifferentIds() {
        assertThat(ArticleIds.of("https://example.com/a", "t", "b")).isNotEqualTo(ArticleIds.of("https://example.com/b", "t", "b"));
    }

    @Test
    void withoutUrlTheContentDecidesAndWhitespaceDoesNot() {
        String a = ArticleIds.of(null, "Title", "Some  body\ntext.");
        String b = ArticleIds.of("  ", " Title ", "Some body text.");
        assertThat(a).isEqualTo(b).startsWith("txt-");
        assertThat(ArticleIds.of(null, "Title", "Other body.")).isNotEqualTo(a);
    }

    @Test
    void relativeOrBrokenUrlsFallBackToContent() {
        assertThat(ArticleIds.of("/relative/path", "t", "b")).startsWith("txt-");
        assertThat(ArticleIds.of("http://bad host/", "t", "b")).startsWith("txt-");
    }
}
