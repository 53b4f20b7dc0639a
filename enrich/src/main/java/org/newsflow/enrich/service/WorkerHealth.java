package org.newsflow.enrich.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one worker reports about itself, read by the health endpoints from other threads.
 *
 * <p>States: STARTING (connecting, initialising transactions, joining the group), RUNNING, RETRYING (the last
 * transaction failed for a reason that is not the record's, such as an unreachable broker; it is retried),
 * STOPPED (asked to stop) and FAILED (ended on an error; the process is no longer doing this worker's share).
 */
public final class WorkerHealth {
    public enum State { STARTING, RUNNING, RETRYING, STOPPED, FAILED }

    private final String name;
    private volatile State state = State.STARTING;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile String error;
    private volatile Instant since = Instant.now();
    private final List<String> partitions = new CopyOnWriteArrayList<>();

    WorkerHealth(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    public String error() {
        return error;
    }

    void state(State next) {
        if (state != next) {
            state = next;
            since = Instant.now();
        }
    }

    void failed(String reason) {
        error = reason;
        state(State.FAILED);
    }

    /** Called at every poll and every record finished: proof the loop is turning. */
    void progress() {
        lastProgressNanos = System.nanoTime();
    }

    Duration sinceProgress() {
        return Duration.ofNanos(System.nanoTime() - lastProgressNanos);
    }

    void partitions(List<String> assigned) {
        partitions.clear();
        partitions.addAll(assigned);
    }

    /** Alive: not ended on an error, and not stuck for longer than {@code stallLimit}. */
    boolean live(Duration stallLimit) {
        State s = state;
        if (s == State.FAILED) {
            return false;
        }
        return s == State.STOPPED || sinceProgress().compareTo(stallLimit) <= 0;
    }

    /** Ready: alive and consuming (transactions initialised, in the group, last transaction not failing). */
    boolean ready(Duration stallLimit) {
        return live(stallLimit) && state == State.RUNNING;
    }

    Map<String, Object> toJson(Duration stallLimit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("state", state.name());
        m.put("since", since.toString());
        m.put("live", live(stallLimit));
        m.put("ready", ready(stallLimit));
        m.put("msSinceProgress", sinceProgress().toMillis());
        m.put("partitions", List.copyOf(partitions));
        if (error != null) {
            m.put("error", error);
        }
        return m;
    }
}
