package org.newsflow.ingest.push;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.newsflow.contract.Json;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.health.Problems;
import org.newsflow.ingest.source.ArticleFiles;
import org.newsflow.ingest.source.InputLimits;
import org.newsflow.ingest.source.SourceItem;

/**
 * {@code POST /api/ingest}: one article as JSON ({@code Content-Type: application/json}) or many as JSON Lines
 * ({@code application/x-ndjson}, also {@code application/jsonl}), with the fields of the {@code .json} input format.
 * Each item takes the same path as a file's article ({@link IngestService#submit}: processors, checks, publish), and
 * the response is sent only after Kafka has acknowledged every record (acks=all), so an id in a 200 answer is on the
 * raw topic.
 *
 * <ul>
 *   <li>200: all published; {@code {"ids": [...], "items": [{"line", "id"}]}} ({@code "id"} too for one JSON article)</li>
 *   <li>400: some item is not JSON or not UTF-8; 422: some item is JSON but not a usable article (no body, bad date,
 *   bad url, too large...). Problem details naming each bad line in {@code errors}; the other items were published
 *   and their ids are in {@code ids}; each rejected item is in the dead-letter topic with its reason.</li>
 *   <li>422 for a request without a body; 413 over NEWSFLOW_INGEST_MAX_REQUEST_BYTES (its first bytes go to the
 *   dead-letter topic); 415 for another content type; 401 without the bearer token when NEWSFLOW_INGEST_TOKEN is set;
 *   503 when Kafka did not acknowledge (retry: ids are stable, so a retry upserts rather than duplicates).</li>
 * </ul>
 */
public final class PushEndpoint {
    static final Set<String> JSON_TYPES = Set.of("application/json");
    static final Set<String> JSON_LINES_TYPES = Set.of("application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonlines", "application/jsonlines", "application/json-lines");

    private final IngestService service;
    private final ArticleFiles reader;
    private final InputLimits limits;
    private final byte[] token;
    private final Duration ackTimeout;

    public PushEndpoint(IngestService service) {
        this.service = service;
        this.limits = service.config().limits();
        this.reader = new ArticleFiles(limits);
        String t = service.config().token();
        this.token = t == null || t.isBlank() ? null : t.getBytes(StandardCharsets.UTF_8);
        // A send may wait max.block.ms for metadata, then up to delivery.timeout.ms for its acknowledgement.
        this.ackTimeout = service.config().maxBlock().plus(service.config().deliveryTimeout()).plusSeconds(2);
    }

    public void install(RoutesConfig app) {
        app.post("/api/ingest", this::handle);
    }

    private void handle(Context ctx) throws IOException {
        String requestId = UUID.randomUUID().toString();
        ctx.header("X-Request-Id", requestId);
        String instance = "urn:newsflow:request:" + requestId;
        if (!authorised(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"newsflow-ingest\"");
            respond(ctx, Problems.of("unauthorized", "Unauthorized", 401,
                    "POST /api/ingest needs 'Authorization: Bearer <token>' (NEWSFLOW_INGEST_TOKEN)", instance));
            return;
        }
        String type = mediaType(ctx.contentType());
        boolean lines = JSON_LINES_TYPES.contains(type);
        if (!lines && !JSON_TYPES.contains(type)) {
            respond(ctx, Problems.of("unsupported-media-type", "Unsupported Media Type", 415, "Content-Type "
                    + (type.isEmpty() ? "missing" : "'" + type + "'") + ": send one article as application/json or many as application/x-ndjson (JSON Lines)", instance));
            return;
        }
        String origin = "push:" + requestId;
        long declared = ctx.req().getContentLengthLong();
        InputStream in = ctx.req().getInputStream();
        if (declared > limits.maxRequestBytes()) {
            tooLarge(ctx, origin, instance, in.readNBytes(limits.maxDeadLetterBytes()), declared);
            return;
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxRequestBytes() + 1));
        if (body.length > limits.maxRequestBytes()) {
            tooLarge(ctx, origin, instance, limits.deadLetterCopy(body), body.length);
            return;
        }
        if (blank(body)) {
            respond(ctx, Problems.of("missing-body", "Unprocessable Content", 422,
                    "the request has no body: send one article as JSON or many as JSON Lines, each with at least 'body'", instance));
            return;
        }
        List<SourceItem> items = new ArrayList<>();
        if (lines) {
            reader.readJsonLines(origin, new ByteArrayInputStream(body), items::add);
        } else {
            items.add(reader.readJson(origin, body));
        }
        List<CompletableFuture<IngestService.Outcome>> acks = new ArrayList<>();
        for (SourceItem item : items) {
            acks.add(service.submit("push", item));
        }
        List<IngestService.Outcome> outcomes = new ArrayList<>();
        long until = System.nanoTime() + ackTimeout.toNanos();
        for (CompletableFuture<IngestService.Outcome> ack : acks) {
            try {
                outcomes.add(ack.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                outcomes.add(new IngestService.Outcome(origin, null, null, false, "no acknowledgement from Kafka within " + ackTimeout.toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Kafka", e);
            }
        }
        respond(ctx, answer(outcomes, lines, instance));
    }

    private Map<String, Object> answer(List<IngestService.Outcome> outcomes, boolean lines, String instance) {
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> itemsOut = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        boolean malformed = false;
        int undelivered = 0;
        for (IngestService.Outcome o : outcomes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (lines) {
                entry.put("line", line(o.origin()));
            }
            if (!o.delivered()) {
                undelivered++;
                entry.put("status", "failed");
                entry.put("reason", o.deliveryError());
            } else if (o.rejection() != null) {
                malformed |= o.malformed();
                entry.put("status", "rejected");
                entry.put("reason", o.rejection());
                errors.add(entry);
            } else {
                entry.put("id", o.id());
                ids.add(o.id());
            }
            itemsOut.add(entry);
        }
        if (undelivered > 0) {
            Map<String, Object> p = Problems.of("kafka-unavailable", "Service Unavailable", 503, undelivered + " of " + outcomes.size()
                    + " records were not acknowledged by Kafka; retry the request (article ids are stable: a retry does not duplicate)", instance);
            p.put("ids", ids);
            p.put("items", itemsOut);
            return p;
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> (e.containsKey("line") ? "line " + e.get("line") + ": " : "") + strip(e.get("reason")))
                    .limit(5).reduce((a, b) -> a + "; " + b).orElse("") + (errors.size() > 5 ? "; ..." : "")
                    + (ids.isEmpty() ? "" : " (the other " + ids.size() + " published)");
            Map<String, Object> p = malformed
                    ? Problems.of("malformed-json", "Bad Request", 400, detail, instance)
                    : Problems.of("invalid-article", "Unprocessable Content", 422, detail, instance);
            p.put("errors", errors);
            p.put("ids", ids);
            return p;
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        if (!lines && ids.size() == 1) {
            ok.put("id", ids.get(0));
        }
        ok.put("ids", ids);
        ok.put("items", itemsOut);
        return ok;
    }

    private void tooLarge(Context ctx, String origin, String instance, byte[] firstBytes, long size) {
        String reason = "request body is " + size + " bytes, over the limit of " + limits.maxRequestBytes()
                + " bytes (NEWSFLOW_INGEST_MAX_REQUEST_BYTES)";
        // Answered once the dead letter is in Kafka, like every other rejection.
        IngestService.Outcome dead = service.submit("push", SourceItem.rejected(origin, firstBytes, size, reason))
                .completeOnTimeout(new IngestService.Outcome(origin, null, reason, false, "no acknowledgement from Kafka"), ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        Map<String, Object> problem = Problems.of("request-too-large", "Content Too Large", 413, reason + "; split it into smaller JSON Lines requests", instance);
        problem.put("deadLettered", dead.delivered());
        respond(ctx, problem);
    }

    private void respond(Context ctx, Map<String, Object> body) {
        Object status = body.get("status");
        boolean problem = body.containsKey("type") && status instanceof Integer;
        int code = problem ? (Integer) status : 200;
        Counter.builder("newsflow.ingest.push.requests").description("push requests by HTTP status")
                .tag("status", Integer.toString(code)).register(service.registry()).increment();
        ctx.status(code).contentType(problem ? Problems.CONTENT_TYPE : "application/json").result(Json.toBytes(body));
    }

    private boolean authorised(Context ctx) {
        if (token == null) {
            return true;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static Object line(String origin) {
        int colon = origin.lastIndexOf(':');
        try {
            return Long.parseLong(origin.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String strip(Object reason) {
        String r = String.valueOf(reason);
        return r.startsWith("line ") && r.indexOf(": ") > 0 ? r.substring(r.indexOf(": ") + 2) : r;
    }

    private static boolean blank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                return false;
            }
        }
        return true;
    }
}
