package org.newsflow.sink.api;

import java.util.Map;

/** An answer other than 200 with a problem-details body (RFC 9457); thrown by handlers and filters. */
final class ApiProblem extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    ApiProblem(int status, String detail) {
        this(status, detail, Map.of());
    }

    ApiProblem(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
