package org.newsflow.contract;

/** A record that cannot be processed, whatever the retry: it belongs in the dead-letter topic with this message as reason. */
public class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String reason) {
        super(reason);
    }

    public InvalidRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
