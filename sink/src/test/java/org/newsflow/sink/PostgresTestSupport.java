package org.newsflow.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL server the tests use: 127.0.0.1:5432, database {@code test}, trust auth. The user is
 * {@code NEWSFLOW_TEST_PG_USER} (default postgres); each test class works in its own schema, dropped first.
 */
public final class PostgresTestSupport {
    public static final String HOST = System.getenv().getOrDefault("NEWSFLOW_TEST_PG_HOST", "127.0.0.1:5432");
    public static final String USER = System.getenv().getOrDefault("NEWSFLOW_TEST_PG_USER", "postgres");

    private PostgresTestSupport() {}

    /** A store URL for a fresh, empty schema. */
    public static String freshSchemaUrl(String schema) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/test?user=" + USER);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + HOST + " (database test, user " + USER
                    + ") is needed by this test: " + e.getMessage(), e);
        }
        return "postgresql://" + HOST + "/test?user=" + USER + "&currentSchema=" + schema;
    }
}
