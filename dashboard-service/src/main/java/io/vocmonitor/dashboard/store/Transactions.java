package io.vocmonitor.dashboard.store;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction on a connection of a data source whose pool leaves transactions to the code (the dashboard's
 * pools have JTA off): committed when the work returns, rolled back when it throws, the connection's auto-commit
 * restored either way.
 */
public final class Transactions {

    /** Work on the transaction's connection, with an answer. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface Steps {
        void run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T answer(AgroalDataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    public static void run(AgroalDataSource dataSource, Steps steps) throws SQLException {
        answer(dataSource, c -> {
            steps.run(c);
            return null;
        });
    }
}
