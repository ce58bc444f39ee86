package io.vocmonitor.runtime.consumer;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Which database failures pass by themselves, so that a consumer waits for them instead of giving a record up. */
public final class Transience {

    private Transience() {
    }

    /**
     * Connection loss, server shutdown, resource shortage, serialisation conflicts and deadlocks, anywhere in the
     * cause chain; a failure without an SQL state (a pool that could not hand out a connection in time) too.
     * Constraint violations, syntax errors and everything that is not a database failure are not.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null
                        || state.startsWith("08") // connection exception
                        || state.startsWith("40") // transaction rollback: serialisation failure, deadlock
                        || state.startsWith("53") // insufficient resources
                        || state.startsWith("57"); // operator intervention: admin shutdown, cannot connect now
            }
        }
        return false;
    }
}
