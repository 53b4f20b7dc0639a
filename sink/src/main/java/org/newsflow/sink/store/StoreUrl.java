package org.newsflow.sink.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsflow.contract.Secrets;

/**
 * Where the sink stores articles, as given on the command line or in {@code NEWSFLOW_SINK_STORE}:
 * <ul>
 *   <li>{@code sqlite:PATH} (for example {@code sqlite:./data/newsflow.db}): a SQLite file, created with its folder;</li>
 *   <li>{@code postgresql://[user[:password]@]host[:port]/db[?user=..&password=..&currentSchema=..]}
 *       (also {@code postgres://}): a PostgreSQL database; {@code currentSchema} is created if missing;</li>
 *   <li>{@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}: a JDBC URL, used as it is.</li>
 * </ul>
 *
 * @param jdbcUrl the JDBC URL to connect to
 * @param dialect SQLite or PostgreSQL
 * @param schema PostgreSQL schema to create and use, or null for the connection's default
 * @param sqliteFile the SQLite database file, or null
 */
public record StoreUrl(String jdbcUrl, Dialect dialect, String schema, Path sqliteFile) {

    public static final String DEFAULT = "sqlite:./data/newsflow.db";

    public static StoreUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("store URL is empty; expected sqlite:PATH or postgresql://host:port/db");
        }
        String u = url.trim();
        if (u.startsWith("jdbc:sqlite:")) {
            String rest = u.substring("jdbc:sqlite:".length());
            int q = rest.indexOf('?');
            String file = q < 0 ? rest : rest.substring(0, q);
            return new StoreUrl(u, Dialect.SQLITE, null, file.isEmpty() || file.startsWith(":memory:") ? null : Path.of(file));
        }
        if (u.startsWith("sqlite:")) {
            String file = u.substring("sqlite:".length());
            if (file.startsWith("//")) {
                file = file.substring(2);
            }
            if (file.isBlank()) {
                throw new IllegalArgumentException("sqlite store needs a file: sqlite:./data/newsflow.db");
            }
            return new StoreUrl("jdbc:sqlite:" + file, Dialect.SQLITE, null, Path.of(file));
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return new StoreUrl(u, Dialect.POSTGRESQL, query(u).get("currentSchema"), null);
        }
        if (u.startsWith("postgresql://") || u.startsWith("postgres://")) {
            String rest = u.substring(u.indexOf("://") + 3);
            Map<String, String> params = query(u);
            int slash = rest.indexOf('/');
            int q = rest.indexOf('?');
            String authority = slash < 0 ? (q < 0 ? rest : rest.substring(0, q)) : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1, q < 0 ? rest.length() : q);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
                int colon = userInfo.indexOf(':');
                params.putIfAbsent("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    params.putIfAbsent("password", decode(userInfo.substring(colon + 1)));
                }
            }
            if (authority.isEmpty()) {
                authority = "localhost";
            }
            String database = path.isEmpty() ? "postgres" : path;
            String query = params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return new StoreUrl("jdbc:postgresql://" + authority + "/" + database + (query.isEmpty() ? "" : "?" + query),
                    Dialect.POSTGRESQL, params.get("currentSchema"), null);
        }
        throw new IllegalArgumentException("unsupported store URL '" + Secrets.redact(u)
                + "': expected sqlite:PATH, postgresql://host:port/db?user=..., or a jdbc:sqlite:/jdbc:postgresql: URL");
    }

    /** The URL without its password (user-info or password= parameter), for logs. */
    public String redacted() {
        return Secrets.redact(jdbcUrl);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
