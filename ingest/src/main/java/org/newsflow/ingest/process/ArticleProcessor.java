package org.newsflow.ingest.process;

import org.newsflow.contract.RawArticle;

/**
 * A step every article takes between its source and the raw topic, whatever the source: language detection,
 * near-duplicate marking. Processors run in the order the collector lists them; each returns the article
 * (possibly a copy with more fields set). A processor that finds the article unusable throws
 * {@link org.newsflow.contract.InvalidRecordException}, and the article goes to the dead-letter topic instead.
 */
@FunctionalInterface
public interface ArticleProcessor {
    RawArticle process(RawArticle article);
}
