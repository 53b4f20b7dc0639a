package org.newsflow.ingest.feed;

/** A feed document that cannot be read at all; {@code kind} is the metric's reason tag. */
public final class FeedProblem extends Exception {
    private final String kind;

    public FeedProblem(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
