package io.vocmonitor.scoring.store;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert outbox ({@code scoring.alert_outbox}): alerts are queued in the transaction of the batch that raised
 * or withdrew them, and leave it only once the broker has them, so none is lost between the database and Kafka.
 * One scoring instance at a time publishes (a transaction-scoped advisory lock): alerts of one organisation are
 * published in the order they were queued, whichever instance queued them, so a withdrawal never overtakes the
 * alert it withdraws.
 */
@ApplicationScoped
public class AlertOutbox {

    /** An alert waiting to be published; {@code kind} is null for a withdrawal. */
    public record Pending(long id, String organisationId, String kind, String payload) {
    }

    /** Hands alerts to the broker and returns once it has acknowledged all of them. */
    @FunctionalInterface
    public interface Publisher {
        void publish(List<Pending> alerts) throws Exception;
    }

    // one lock for the outbox, whoever holds it publishes; the number is arbitrary but the same everywhere
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('scoring.alert_outbox'))";

    private final AgroalDataSource dataSource;

    public AlertOutbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues alert events for publication, in the caller's transaction, in one statement. */
    public void enqueue(Connection connection, List<AlertEvent> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO scoring.alert_outbox (alert_id, organisation_id, kind, payload)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                """)) {
            statement.setArray(1, connection.createArrayOf("uuid", alerts.stream().map(AlertEvent::alertId).toArray()));
            statement.setArray(2, connection.createArrayOf("text",
                    alerts.stream().map(AlertEvent::organisationId).toArray(String[]::new)));
            statement.setArray(3, connection.createArrayOf("text", alerts.stream()
                    .map(a -> a instanceof AlertRaised raised ? raised.kind().name() : null).toArray(String[]::new)));
            statement.setArray(4, connection.createArrayOf("text",
                    alerts.stream().map(EventCodec::encode).toArray(String[]::new)));
            statement.executeUpdate();
        }
    }

    /**
     * Publishes the oldest {@code limit} pending alerts: waits for the outbox's lock (another instance may be
     * publishing), hands them to {@code publisher}, deletes them once it returns, and commits. Should publishing
     * fail, the transaction rolls back and the alerts stay for the next try. Answers the alerts published.
     */
    @Transactional(rollbackOn = Exception.class)
    public List<Pending> publishOldest(int limit, Publisher publisher) throws Exception {
        List<Pending> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                lock.execute();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, organisation_id, kind, payload FROM scoring.alert_outbox ORDER BY id LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                    }
                }
            }
            if (pending.isEmpty()) {
                return pending;
            }
            publisher.publish(pending);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM scoring.alert_outbox WHERE id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("bigint", pending.stream().map(Pending::id).toArray(Long[]::new)));
                s.executeUpdate();
            }
        }
        return pending;
    }
}
