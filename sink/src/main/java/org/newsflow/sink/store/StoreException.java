package org.newsflow.sink.store;

/**
 * A store operation failed. {@link #isDataError()} says whether the data is at fault (retrying cannot help: the
 * record goes to the dead-letter topic); otherwise the database is unavailable or busy and the caller retries.
 */
public class StoreException extends RuntimeException {
    private final boolean dataError;

    public StoreException(String message, boolean dataError, Throwable cause) {
        super(message, cause);
        this.dataError = dataError;
    }

    public boolean isDataError() {
        return dataError;
    }
}
