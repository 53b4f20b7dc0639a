package org.newsflow.sink.store;

import org.newsflow.contract.Settings;

/**
 * How a store is opened, apart from where it is: passed in by whoever opens it (stores read no environment).
 *
 * @param writers connections one upsert batch is spread over; null: the store's default (2 on PostgreSQL, 1 on SQLite)
 * @param connectionTimeoutMs how long to wait for a pooled connection before that attempt fails
 * @param bulkCopy PostgreSQL: binary COPY via a staging table (true), or the shared multi-row INSERTs (false)
 */
public record StoreOptions(Integer writers, long connectionTimeoutMs, boolean bulkCopy) {

    public StoreOptions {
        if (writers != null && writers < 1) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_WRITERS must be at least 1");
        }
        if (connectionTimeoutMs < 250) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_DB_TIMEOUT_MS must be at least 250");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(null, 5_000, true);
    }

    /** {@code NEWSFLOW_SINK_WRITERS}, {@code NEWSFLOW_SINK_DB_TIMEOUT_MS}, {@code NEWSFLOW_SINK_COPY}. */
    public static StoreOptions from(Settings settings) {
        String writers = settings.get("SINK_WRITERS", null);
        return new StoreOptions(writers == null || writers.isBlank() ? null : settings.getInt("SINK_WRITERS", 1),
                settings.getLong("SINK_DB_TIMEOUT_MS", 5_000), settings.getBoolean("SINK_COPY", true));
    }

    public StoreOptions withWriters(int n) {
        return new StoreOptions(n, connectionTimeoutMs, bulkCopy);
    }
}
