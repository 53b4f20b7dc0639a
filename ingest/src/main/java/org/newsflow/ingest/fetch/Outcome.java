package org.newsflow.ingest.fetch;

import java.util.Locale;

/** What became of one fetch. The lower-case name is the {@code reason} tag of the failure metrics. */
public enum Outcome {
    OK,
    NOT_MODIFIED,
    NOT_FOUND,
    GONE,
    RATE_LIMITED,
    SERVER_ERROR,
    CLIENT_ERROR,
    TIMEOUT,
    TOO_LARGE,
    REDIRECT_LOOP,
    TOO_MANY_REDIRECTS,
    BAD_REDIRECT,
    ROBOTS_DISALLOWED,
    BAD_ENCODING,
    NETWORK,
    STOPPED;

    public boolean success() {
        return this == OK || this == NOT_MODIFIED;
    }

    /** Failures worth retrying soon with backoff: the server or the network may recover. */
    public boolean transientFailure() {
        return this == RATE_LIMITED || this == SERVER_ERROR || this == TIMEOUT || this == NETWORK || this == STOPPED;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
