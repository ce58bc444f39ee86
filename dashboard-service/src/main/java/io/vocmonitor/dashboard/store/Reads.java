package io.vocmonitor.dashboard.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the dashboard reads scores, organisations and keys: the datasource {@code reads}, a streaming replica when
 * {@code VOC_DB_READ_URL} names one, else the primary — and the primary too (the datasource {@code fallback}, whose
 * sessions are read-only like those of {@code reads}) while that replica fails ({@link ReadReplica#onPrimary}).
 * Alerts and their acknowledgements, which the dashboard writes, stay on the primary ({@link AlertInbox}).
 *
 * <p>Inside {@link #snapshot} every read of the thread shares one {@code REPEATABLE READ READ ONLY} transaction: the
 * score versions an ETag names and the buckets its body is computed from come from the same snapshot, so a tag is
 * never newer (or older) than its answer, however the replica's replay or the primary's commits move on between two
 * statements.
 */
@ApplicationScoped
public class Reads {

    /** A read that may throw what JDBC throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final AgroalDataSource primary;
    private final ReadReplica replica;
    private final ThreadLocal<Connection> shared = new ThreadLocal<>();

    public Reads(@DataSource("reads") AgroalDataSource dataSource, @DataSource("fallback") AgroalDataSource primary,
            ReadReplica replica) {
        this.dataSource = dataSource;
        this.primary = primary;
        this.replica = replica;
    }

    /**
     * A connection to read with, to be closed after use: within {@link #snapshot} the snapshot's (closing it then
     * leaves it open for the snapshot's next read), else one of its own.
     */
    public Connection connection() throws SQLException {
        Connection connection = shared.get();
        return connection == null ? source().getConnection() : unclosable(connection);
    }

    /** Runs the work with every read on one snapshot; nested, on the enclosing one. */
    public <T> T snapshot(Work<T> work) throws SQLException {
        if (shared.get() != null) {
            return work.run();
        }
        try (Connection connection = source().getConnection()) {
            // both read pools' sessions are REPEATABLE READ and READ ONLY from the start (application.properties): the
            // driver sends BEGIN with the first statement, so a snapshot costs one round trip more, its ROLLBACK
            connection.setAutoCommit(false);
            shared.set(connection);
            try {
                return work.run();
            } finally {
                shared.remove();
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private AgroalDataSource source() {
        return replica.onPrimary() ? primary : dataSource;
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
