package org.newsflow.sink.api;

/** A query parameter is wrong: answered with 400 and a JSON body naming the parameter. */
public final class BadRequest extends RuntimeException {
    private final String parameter;

    public BadRequest(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
