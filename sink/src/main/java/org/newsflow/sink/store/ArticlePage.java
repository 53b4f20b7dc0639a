package org.newsflow.sink.store;

import java.util.List;
import java.util.Map;
import org.newsflow.contract.EnrichedArticle;

/**
 * A page of search results.
 *
 * @param next the cursor for the following page, or null at the end
 * @param total how many articles match the filters (all pages), at most {@link #TOTAL_CAP}; -1 when not counted
 * @param totalCapped true when there are more than {@link #TOTAL_CAP} (counting further costs too much per page)
 * @param snippets with a full-text query: per article id, the text around the matches (absent when none was found)
 */
public record ArticlePage(List<EnrichedArticle> items, ArticleQuery.Cursor next, long total, boolean totalCapped,
                          Map<String, SearchText.Snippet> snippets) {
    /** Counting stops here: a filter matching more says "more than 10,000". */
    public static final int TOTAL_CAP = 10_000;

    public ArticlePage {
        items = List.copyOf(items);
        snippets = snippets == null ? Map.of() : Map.copyOf(snippets);
    }

    public ArticlePage(List<EnrichedArticle> items, ArticleQuery.Cursor next) {
        this(items, next, -1, false, Map.of());
    }
}
