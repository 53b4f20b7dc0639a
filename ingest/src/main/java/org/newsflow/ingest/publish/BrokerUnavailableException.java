package org.newsflow.ingest.publish;

/** No Kafka broker answered in time: the whole run cannot go on (unlike a bad input, which is a dead letter). */
public final class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
