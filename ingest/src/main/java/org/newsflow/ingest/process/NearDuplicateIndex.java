package org.newsflow.ingest.process;

import java.util.Arrays;

/**
 * The recent articles' MinHash signatures with an LSH band table, bounded by a count and an age.
 *
 * <p>Layout (why it is not a {@code HashMap<Long, List<...>>}): the entries live in a ring of parallel arrays, oldest
 * at {@code tail}; the band table is an open-addressing multimap from a 32-bit band key to a slot number, in two
 * int arrays. Per article that is 256 bytes of signature, 32 band entries of 8 bytes at a load factor under 1/2
 * (512-670 bytes), the id string and a few numbers: 1.1 KB measured at 100,000 articles (NearDuplicateBench), where
 * boxed keys and lists would take several times that. The arrays grow by
 * doubling up to {@code capacity}, so a small ingest does not pay for the maximum.
 *
 * <p>Eviction: the oldest entry goes when the ring is full, and entries older than {@code maxAgeMillis} go before
 * every insert (and are ignored by lookups in between). Eviction removes the entry's 32 band keys with
 * backward-shift deletion, so the table never fills with tombstones.
 *
 * <p>Not thread-safe by itself: {@link NearDuplicateProcessor} calls it under one lock, so that the check "is there
 * an earlier copy?" and the insert "this is now the first copy" are one step (two threads with the same story
 * cannot both become the first copy).
 */
final class NearDuplicateIndex {
    /** A lookup's answer. {@code self}: the same id is already indexed (a re-ingest). */
    record Match(boolean self, String firstId, double similarity, long firstSeq) {}

    private static final int H = MinHash.HASHES;
    /** A story republished a thousand times is a match long before the thousandth candidate; bounds one lookup. */
    private static final int MAX_CANDIDATES = 1_000;

    private final int capacity;
    private final long maxAgeMillis;
    private final double threshold;

    // The ring, parallel arrays indexed by slot.
    private short[] signatures = new short[0];
    private String[] ids = new String[0];
    /** The first copy's id: the entry's own id for an original (the same String instance, so no extra memory). */
    private String[] firstIds = new String[0];
    /** Insertion number of the first copy: the smallest one decides which copy is "first" when several match. */
    private long[] firstSeqs = new long[0];
    private double[] similarities = new double[0];
    private long[] times = new long[0];
    private int[] seen = new int[0];
    private int tail;
    private int count;
    private long nextSeq;
    private int lookupStamp;

    // The band table: keys[i] with slots[i], slots[i] == EMPTY for a free cell.
    private static final int EMPTY = -1;
    private int[] keys = new int[0];
    private int[] slots = new int[0];
    private int mask = -1;
    private int entries;

    NearDuplicateIndex(int capacity, long maxAgeMillis, double threshold) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.maxAgeMillis = maxAgeMillis;
        this.threshold = threshold;
        grow(Math.min(capacity, 1024));
    }

    int size() {
        return count;
    }

    /** Slots allocated now (they grow by doubling up to the capacity). */
    int allocated() {
        return ids.length;
    }

    /** Bytes held by the arrays (not counting the id strings): for the documented memory bound. */
    long arrayBytes() {
        return (long) signatures.length * 2 + (long) ids.length * (4 + 4 + 8 + 8 + 8 + 4) + (long) keys.length * 8;
    }

    /**
     * Finds the earliest-first copy among indexed entries whose similarity is at least the threshold, ignoring
     * entries of {@code id} itself (and copies whose first copy is {@code id}: an article is never a duplicate of
     * itself). When {@code id} itself is indexed with a near-identical body, {@code self} is true and the stored mark
     * of that entry is returned, so a re-ingest publishes the same mark as the first time.
     */
    Match find(String id, short[] signature, long now) {
        if (++lookupStamp == 0) { // wrapped: forget old stamps rather than mistake one for this lookup
            Arrays.fill(seen, 0);
            lookupStamp = 1;
        }
        int best = -1;
        double bestSim = 0;
        int candidates = 0;
        long oldest = now - maxAgeMillis;
        for (int band = 0; band < MinHash.BANDS && candidates < MAX_CANDIDATES; band++) {
            int key = MinHash.bandKey(signature, 0, band);
            for (int i = spread(key) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
                int s = slots[i];
                if (keys[i] != key || seen[s] == lookupStamp) {
                    continue;
                }
                seen[s] = lookupStamp;
                if (times[s] < oldest) {
                    continue;
                }
                candidates++;
                double sim = MinHash.similarity(signature, 0, signatures, s * H);
                if (sim < threshold) {
                    continue;
                }
                if (ids[s].equals(id)) {
                    // A re-ingest of an indexed article: answer what was answered then.
                    String first = firstIds[s];
                    return new Match(true, first == ids[s] ? null : first, first == ids[s] ? 0 : similarities[s], firstSeqs[s]);
                }
                if (firstIds[s].equals(id)) {
                    continue; // a later copy of this very article
                }
                if (best < 0 || better(s, sim, best, bestSim)) {
                    best = s;
                    bestSim = sim;
                }
            }
        }
        return best < 0 ? null : new Match(false, firstIds[best], bestSim, firstSeqs[best]);
    }

    /** Earliest first copy wins; then the first copy itself over a later copy of it; then the closer text. */
    private boolean better(int s, double sim, int best, double bestSim) {
        if (firstSeqs[s] != firstSeqs[best]) {
            return firstSeqs[s] < firstSeqs[best];
        }
        boolean sIsFirst = firstIds[s] == ids[s];
        boolean bestIsFirst = firstIds[best] == ids[best];
        if (sIsFirst != bestIsFirst) {
            return sIsFirst;
        }
        return sim > bestSim;
    }

    /**
     * Indexes an article. {@code firstId} null: it is a first copy; otherwise it is a copy of {@code firstId}
     * (whose insertion number is {@code firstSeq}, or unknown: -1) with the given similarity.
     */
    void add(String id, short[] signature, String firstId, long firstSeq, double similarity, long time) {
        evictOlderThan(time - maxAgeMillis);
        if (count == ids.length) {
            if (ids.length < capacity) {
                grow(Math.min(capacity, ids.length * 2));
            } else {
                evictOldest();
            }
        }
        int s = (tail + count) % ids.length;
        long seq = nextSeq++;
        System.arraycopy(signature, 0, signatures, s * H, H);
        ids[s] = id;
        firstIds[s] = firstId == null ? id : firstId;
        firstSeqs[s] = firstId == null || firstSeq < 0 ? seq : firstSeq;
        similarities[s] = firstId == null ? 0 : similarity;
        times[s] = time;
        count++;
        for (int band = 0; band < MinHash.BANDS; band++) {
            insertKey(MinHash.bandKey(signatures, s * H, band), s);
        }
    }

    /** The insertion number of the indexed entry of {@code id} among the candidates of {@code signature}, or -1. */
    long firstSeqOf(String id, short[] signature) {
        for (int band = 0; band < MinHash.BANDS; band++) {
            int key = MinHash.bandKey(signature, 0, band);
            for (int i = spread(key) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
                int s = slots[i];
                if (keys[i] == key && firstIds[s].equals(id)) {
                    return firstSeqs[s];
                }
            }
        }
        return -1;
    }

    void evictOlderThan(long oldest) {
        while (count > 0 && times[tail] < oldest) {
            evictOldest();
        }
    }

    private void evictOldest() {
        int s = tail;
        for (int band = 0; band < MinHash.BANDS; band++) {
            removeKey(MinHash.bandKey(signatures, s * H, band), s);
        }
        ids[s] = null;
        firstIds[s] = null;
        tail = (tail + 1) % ids.length;
        count--;
    }

    /** Doubles the ring (unwrapping it to start at 0) and rebuilds the band table for the new slot numbers. */
    private void grow(int newLength) {
        short[] sig = new short[newLength * H];
        String[] id = new String[newLength];
        String[] first = new String[newLength];
        long[] firstSeq = new long[newLength];
        double[] sim = new double[newLength];
        long[] time = new long[newLength];
        for (int k = 0; k < count; k++) {
            int from = (tail + k) % ids.length;
            System.arraycopy(signatures, from * H, sig, k * H, H);
            id[k] = ids[from];
            first[k] = firstIds[from];
            firstSeq[k] = firstSeqs[from];
            sim[k] = similarities[from];
            time[k] = times[from];
        }
        signatures = sig;
        ids = id;
        firstIds = first;
        firstSeqs = firstSeq;
        similarities = sim;
        times = time;
        seen = new int[newLength];
        tail = 0;
        // Load factor at most 1/2 at full ring: linear probing stays short.
        int cells = Integer.highestOneBit(Math.max(2, newLength * MinHash.BANDS * 2 - 1)) << 1;
        keys = new int[cells];
        slots = new int[cells];
        Arrays.fill(slots, EMPTY);
        mask = cells - 1;
        entries = 0;
        for (int k = 0; k < count; k++) {
            for (int band = 0; band < MinHash.BANDS; band++) {
                insertKey(MinHash.bandKey(signatures, k * H, band), k);
            }
        }
    }

    private void insertKey(int key, int slot) {
        int i = spread(key) & mask;
        while (slots[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
        entries++;
    }

    /** Removes the (key, slot) pair; backward-shift deletion keeps every other key reachable from its home cell. */
    private void removeKey(int key, int slot) {
        int i = spread(key) & mask;
        while (slots[i] != EMPTY && !(keys[i] == key && slots[i] == slot)) {
            i = (i + 1) & mask;
        }
        if (slots[i] == EMPTY) {
            throw new IllegalStateException("band table lost an entry of slot " + slot);
        }
        entries--;
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            int home = spread(keys[j]) & mask;
            // Move j into the hole unless its home lies cyclically in (hole, j]: then it must stay reachable as is.
            boolean homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeBetween) {
                keys[hole] = keys[j];
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = EMPTY;
    }

    /** Band table cells in use; equals size() * BANDS (checked by tests after evictions). */
    int bandEntries() {
        return entries;
    }

    private static int spread(int key) {
        return key * 0x9E3779B9 ^ (key >>> 16);
    }
}
