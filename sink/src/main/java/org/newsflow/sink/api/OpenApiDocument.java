package org.newsflow.sink.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.contract.Json;

/**
 * The OpenAPI 3.1 description, generated from the route table ({@link ApiRoutes}): paths, operationIds, parameters
 * and answers from the code; answer shapes from {@code openapi-schemas.json}; the records' schemas
 * ({@code EnrichedArticle}, {@code RawArticle}) from the contract's published JSON Schemas ({@code schema/*.json}
 * on the class path), their {@code $defs} lifted into the components.
 */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static byte[] json(List<ApiOperation> operations) {
        return Json.toBytes(build(operations));
    }

    /** With an {@link ApiExtension}'s schemas and tags added to the sink's. */
    static byte[] json(List<ApiOperation> operations, Map<String, Object> schemas, Map<String, String> tags) {
        Map<String, Object> doc = build(operations);
        @SuppressWarnings("unchecked")
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        @SuppressWarnings("unchecked")
        Map<String, Object> known = (Map<String, Object>) components.get("schemas");
        known.putAll(schemas);
        List<Object> allTags = new ArrayList<>((List<?>) doc.get("tags"));
        tags.forEach((name, description) -> allTags.add(tag(name, description)));
        doc.put("tags", allTags);
        return Json.toBytes(doc);
    }

    static Map<String, Object> build(List<ApiOperation> operations) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of(
                "title", "newsflow sink query API",
                "version", "2.0.0",
                "description", "Enriched news articles stored by the newsflow sink: filters, full-text search, full "
                        + "records, and counts for dashboards. Times are ISO-8601 in UTC, years 1 to 9999. Every error "
                        + "is RFC 9457 problem details (application/problem+json). The bearer token is needed only "
                        + "when the server sets NEWSFLOW_API_TOKEN.",
                "license", Map.of("name", "GPL-3.0-or-later", "identifier", "GPL-3.0-or-later")));
        // "/" first: Swagger UI at /api/docs then tries requests against the server that serves it, whatever its port.
        doc.put("servers", List.of(Map.of("url", "/", "description", "this server"),
                Map.of("url", "http://127.0.0.1:8083", "description", "the sink's default address")));
        doc.put("security", List.of(Map.of("bearerAuth", List.of())));
        doc.put("tags", List.of(
                tag("articles", "Stored articles: lists with filters and search, full records"),
                tag("stats", "Counts for dashboards"),
                tag("people", "Drill-down pages"),
                tag("health", "Liveness and readiness probes"),
                tag("docs", "This description and the metrics")));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ApiOperation op : operations) {
            paths.put(op.path(), Map.of("get", operation(op)));
        }
        doc.put("paths", paths);
        doc.put("components", components());
        return doc;
    }

    private static Map<String, Object> operation(ApiOperation op) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("operationId", op.operationId());
        o.put("tags", List.of(op.tag()));
        o.put("summary", op.summary());
        o.put("description", op.description());
        if (!op.parameters().isEmpty()) {
            o.put("parameters", op.parameters().stream().map(ApiParameter::toOpenApi).toList());
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> schema = op.response() == null ? Map.of("type", "string") : ref(op.response());
        responses.put("200", Map.of("description", op.summary(), "content", Map.of(op.mediaType(), Map.of("schema", schema))));
        if (op.tag().equals("health")) {
            // Jetty's own refusals (URI too long, headers too large, a bad request line) reach every path.
            responses.put("4XX", Map.of("$ref", "#/components/responses/Rejected"));
            responses.put("503", Map.of("description", "not live or not ready",
                    "content", Map.of(ApiRoutes.JSON, Map.of("schema", ref("Health")))));
        } else {
            responses.put("400", Map.of("$ref", "#/components/responses/BadRequest"));
        }
        if (!op.open()) {
            responses.put("401", Map.of("$ref", "#/components/responses/Unauthorized"));
        }
        if (op.notFound()) {
            responses.put("404", Map.of("$ref", "#/components/responses/NotFound"));
        }
        if (!op.tag().equals("health") && !op.tag().equals("docs")) {
            responses.put("503", Map.of("$ref", "#/components/responses/Unavailable"));
        }
        o.put("responses", responses);
        if (op.open()) {
            o.put("security", List.of()); // the probes need no token
        }
        return o;
    }

    private static Map<String, Object> components() {
        Map<String, Object> schemas = new LinkedHashMap<>(resource("openapi-schemas.json"));
        lift(schemas, "RawArticle", "schema/raw-article.schema.json");
        lift(schemas, "EnrichedArticle", "schema/enriched-article.schema.json");
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problem("a parameter is wrong (the problem names it)"));
        responses.put("Unauthorized", problem("a token is set and the request has none or a wrong one"));
        responses.put("NotFound", problem("no such article or person"));
        responses.put("Rejected", problem("the server refused the request itself (URI too long, headers too large)"));
        responses.put("Unavailable", problem("the database is unavailable; Retry-After says when to try again"));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("schemas", schemas);
        c.put("responses", responses);
        c.put("securitySchemes", Map.of("bearerAuth", Map.of("type", "http", "scheme", "bearer",
                "description", "NEWSFLOW_API_TOKEN, when the server sets one")));
        return c;
    }

    /**
     * A contract JSON Schema as a component: {@code $schema}/{@code $id} dropped, {@code $defs} lifted to components
     * named {@code <Name><Def>}, references to them and to the other contract schema rewritten.
     */
    private static void lift(Map<String, Object> schemas, String name, String path) {
        Map<String, Object> schema = classpath(path);
        schema.remove("$schema");
        schema.remove("$id");
        @SuppressWarnings("unchecked")
        Map<String, Object> defs = (Map<String, Object>) schema.remove("$defs");
        if (defs != null) {
            defs.forEach((def, body) -> schemas.put(name + Character.toUpperCase(def.charAt(0)) + def.substring(1),
                    rewrite(body, name)));
        }
        schemas.put(name, rewrite(schema, name));
    }

    @SuppressWarnings("unchecked")
    private static Object rewrite(Object node, String owner) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (k.equals("$ref") && v instanceof String r) {
                    out.put(k, r.startsWith("#/$defs/")
                            ? "#/components/schemas/" + owner + Character.toUpperCase(r.charAt(8)) + r.substring(9)
                            : r.equals("raw-article.schema.json") ? "#/components/schemas/RawArticle" : r);
                } else {
                    out.put(k, rewrite(v, owner));
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> rewrite(v, owner)).toList();
        }
        return node;
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description,
                "content", Map.of(SinkApi.PROBLEM_JSON, Map.of("schema", ref("Problem"))));
    }

    private static Map<String, Object> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> tag(String name, String description) {
        return Map.of("name", name, "description", description);
    }

    private static Map<String, Object> resource(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(name)) {
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> classpath(String path) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(path)) {
            return read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(InputStream in, String name) throws IOException {
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return Json.MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
    }
}
