package org.newsflow.sink.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter of an operation, as the OpenAPI description shows it and as {@link Params} accepts it: the route
 * table is the single declaration of both.
 *
 * @param in {@code query} or {@code path}
 * @param schema its JSON Schema
 */
public record ApiParameter(String name, String in, boolean required, Map<String, Object> schema, String description) {

    public static ApiParameter query(String name, Map<String, Object> schema, String description) {
        return new ApiParameter(name, "query", false, schema, description);
    }

    public static ApiParameter path(String name, String description) {
        return path(name, Map.of("type", "string"), description);
    }

    public static ApiParameter path(String name, Map<String, Object> schema, String description) {
        return new ApiParameter(name, "path", true, schema, description);
    }

    public static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    public static Map<String, Object> string(String pattern) {
        return Map.of("type", "string", "pattern", pattern);
    }

    public static Map<String, Object> choice(String defaultValue, String... values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "string");
        s.put("enum", List.of(values));
        if (defaultValue != null) {
            s.put("default", defaultValue);
        }
        return s;
    }

    public static Map<String, Object> integer(int min, int max, int defaultValue) {
        return Map.of("type", "integer", "minimum", min, "maximum", max, "default", defaultValue);
    }

    Map<String, Object> toOpenApi() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }
}
