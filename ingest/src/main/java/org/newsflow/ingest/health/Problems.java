package org.newsflow.ingest.health;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsflow.contract.Json;

/**
 * Error responses as RFC 9457 problem details ({@code application/problem+json}): {@code type} (a URN naming the kind
 * of problem, {@code about:blank} when the status says it all), {@code title}, {@code status}, {@code detail},
 * {@code instance} (the request), plus extension members such as {@code errors}.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {}

    /** A problem body; {@code kind} null for about:blank. */
    public static Map<String, Object> of(String kind, String title, int status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind == null ? "about:blank" : "urn:newsflow:problem:" + kind);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }

    public static void send(Context ctx, Map<String, Object> problem) {
        ctx.status((Integer) problem.get("status")).contentType(CONTENT_TYPE).result(Json.toBytes(problem));
    }

    public static void send(Context ctx, String kind, String title, int status, String detail) {
        send(ctx, of(kind, title, status, detail, ctx.path()));
    }
}
