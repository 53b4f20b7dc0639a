package org.newsflow.sink.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.newsflow.contract.Secrets;

/** Running a read query with bound parameters; a failure becomes a (retryable) {@link StoreException}. */
final class Sql {
    private Sql() {}

    @FunctionalInterface
    interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    static void query(DataSource dataSource, String what, String sql, List<Object> params, Rows rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + Secrets.message(e), false, e);
        }
    }

    static long count(DataSource dataSource, String what, String sql, List<Object> params) {
        long[] n = {0};
        query(dataSource, what, sql, params, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(ps, i + 1, params.get(i));
        }
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Long n) {
            ps.setLong(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("unsupported column value " + value.getClass());
        }
    }

    /** {@code (?, ?, ?)} for n values. */
    static String placeholders(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }
}
