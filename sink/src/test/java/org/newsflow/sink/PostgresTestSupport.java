package org.newsflow.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL server of the tests (see {@link TestPostgres}: {@code NEWSFLOW_TEST_PG_URL}, else one started
 * from Maven artifacts); each test class works in its own schema, dropped first.
 */
public final class PostgresTestSupport {
    /** {@code host:port} of the server. */
    public static final String HOST = TestPostgres.server().hostPort();
    public static final String USER = TestPostgres.server().user();

    private PostgresTestSupport() {}

    /** A store URL for a fresh, empty schema. */
    public static String freshSchemaUrl(String schema) {
        TestPostgres.Server server = TestPostgres.server();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server.hostPort() + " (database " + server.database()
                    + ", user " + USER + ") is needed by this test: " + e.getMessage(), e);
        }
        return server.storeUrl(schema);
    }
}
