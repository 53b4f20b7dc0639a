package org.newsflow.ingest;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} article ids a run published, oldest first, for its summary. A one-shot run keeps all of
 * them (its caller asked for those inputs); a collector that follows feeds for weeks keeps the most recent only, so
 * its memory does not grow with every article it ever published. Thread-safe.
 */
final class RecentIds {
    private final int capacity;
    private final ArrayDeque<String> ids = new ArrayDeque<>();

    RecentIds(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    synchronized void add(String id) {
        ids.addLast(id);
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
    }

    synchronized List<String> list() {
        return List.copyOf(ids);
    }
}
