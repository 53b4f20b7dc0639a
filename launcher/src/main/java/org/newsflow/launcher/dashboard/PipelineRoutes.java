package org.newsflow.launcher.dashboard;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.contract.Json;
import org.newsflow.sink.api.ApiOperation;
import org.newsflow.sink.api.ApiParameter;
import org.newsflow.sink.api.BadRequest;

/**
 * The dashboard's own API routes on the sink's Javalin app: {@code GET /api/pipeline} (the cached
 * {@link PipelineHealth} snapshot) and {@code GET /api/pipeline/dead-letters/{partition}/{offset}} (one dead letter,
 * redacted). They sit under /api, so the sink's Host check, token and security headers apply to them as to the rest.
 */
public final class PipelineRoutes {
    /** The sink's marker for an answer its error handlers must leave alone (see SinkApi). */
    private static final String ANSWERED = "newsflow.answered";

    /** The OpenAPI tag of the dashboard's routes. */
    public static final String TAG = "dashboard";
    private static final String JSON = "application/json";
    private static final Map<String, Object> OFFSET = Map.of("type", "string", "pattern", "^[0-9]{1,19}$");

    private PipelineRoutes() {}

    /** The two routes, documented: the sink registers them and lists them in its OpenAPI description. */
    public static List<ApiOperation> operations(PipelineHealth health) {
        return List.of(
                new ApiOperation("/api/pipeline", "getPipeline", TAG, "Pipeline health",
                        "Throughput per stage, consumer lag per group and partition, end-to-end lag, dead letters and "
                                + "the stall check, measured from the broker every 2 s (this answer is the latest sample).",
                        List.of(), "Pipeline", JSON, false, false, ctx -> ctx.json(health.snapshot())),
                new ApiOperation("/api/pipeline/dead-letters/{partition}/{offset}", "getDeadLetter", TAG,
                        "One dead letter", "A record of the dead-letter topic with its headers and its value as text "
                                + "(redacted, cut at 20,000 characters); 404 when the dashboard has not seen it.",
                        List.of(ApiParameter.path("partition", OFFSET, "partition of the dead-letter topic"),
                                ApiParameter.path("offset", OFFSET, "offset in that partition")),
                        "DeadLetter", JSON, true, false, ctx -> deadLetter(ctx, health)));
    }

    private static void deadLetter(Context ctx, PipelineHealth health) {
        int partition = number(ctx, "partition", Integer.MAX_VALUE).intValue();
        long offset = number(ctx, "offset", Long.MAX_VALUE);
        var found = health.deadLetter(partition, offset);
        if (found.isPresent()) {
            ctx.json(found.get());
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Not Found");
        problem.put("status", 404);
        problem.put("detail", "no dead letter at partition " + partition + ", offset " + offset);
        problem.put("instance", ctx.path());
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(404).contentType("application/problem+json").result(Json.toBytes(problem));
    }

    private static Long number(Context ctx, String name, long max) {
        String text = ctx.pathParam(name);
        try {
            long v = Long.parseLong(text);
            if (v < 0 || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "'" + name + "' must be a non-negative integer, got '" + text.substring(0, Math.min(40, text.length())) + "'");
        }
    }

}
