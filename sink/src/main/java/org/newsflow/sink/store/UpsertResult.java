package org.newsflow.sink.store;

/**
 * @param received versions handed to the store
 * @param written versions that became the stored version of their article (inserted or replaced an older one)
 * @param stale versions ignored because the store (or the same batch) already had an equal or newer one
 */
public record UpsertResult(int received, int written, int stale) {}
