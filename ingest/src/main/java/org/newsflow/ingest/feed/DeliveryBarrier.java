package org.newsflow.ingest.feed;

/**
 * Blocks until everything handed to the collector's output so far is acknowledged by Kafka, and throws if any of
 * it failed. The feed source calls it before it saves a feed's state, so an item is recorded as delivered only once
 * it is on the topic: a crash or broker outage then republishes (same id, an upsert downstream) rather than loses.
 * Where the service is assembled this is the publisher's flush plus a check of its acknowledgements.
 */
@FunctionalInterface
public interface DeliveryBarrier {
    /** No acknowledgement available: state is saved right after hand-over. */
    DeliveryBarrier NONE = () -> {};

    void awaitDelivered() throws Exception;
}
