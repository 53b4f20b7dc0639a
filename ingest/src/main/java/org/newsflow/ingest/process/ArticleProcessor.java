package org.newsflow.ingest.process;

import org.newsflow.contract.RawArticle;

/**
 * A step every article takes between its source and the raw topic, whatever the source: language detection,
 * near-duplicate marking. Processors run in the order the collector lists them; each returns the article
 * (possibly a copy with more fields set). A processor that finds the article unusable throws
 * {@link org.newsflow.contract.InvalidRecordException}, and the article goes to the dead-letter topic instead (any
 * other exception too, with the processor's name in the reason: a bug never loses the input).
 *
 * <p>Processors are called by one thread at a time (the service serialises the chain), so one that keeps state, such
 * as a near-duplicate index, needs no locking of its own; articles from every source (files, feeds, HTTP push) pass
 * the same chain. After the chain, ingest checks the id, schema version and dates ({@code RecordChecks}) before
 * publishing.
 */
@FunctionalInterface
public interface ArticleProcessor {
    RawArticle process(RawArticle article);
}
