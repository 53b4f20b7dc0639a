package org.newsflow.sink.store;

import java.util.List;
import org.newsflow.contract.EnrichedArticle;

/** A page of search results; {@code next} is the cursor for the following page, or null at the end. */
public record ArticlePage(List<EnrichedArticle> items, ArticleQuery.Cursor next) {}
