package io.vocmonitor.dashboard.service;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.events.AlertKind;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The alert inbox in schema {@code dashboard}: stored from voc.alerts, listed newest first, acknowledged. */
@ApplicationScoped
public class AlertInbox {

    /** Open alerts await a follow-up; acknowledged ones have had it. */
    public enum Status {
        OPEN, ACKNOWLEDGED
    }

    /** One alert as the API shows it. */
    public record Alert(UUID id, AlertKind kind, UUID responseId, Channel channel, String touchpoint, String comment,
            Instant answeredAt, String status, Instant acknowledgedAt) {
    }

    /** Where the next page starts: after this alert in newest-first order. */
    public record Position(Instant answeredAt, UUID alertId) {
    }

    /** One page of alerts and where the next one starts (null when this is the last). */
    public record Page(List<Alert> alerts, Position next) {
    }

    private static final String COLUMNS = "alert_id, kind, response_id, channel, touchpoint, comment, answered_at, acknowledged_at";

    private final AgroalDataSource dataSource;

    public AlertInbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a raised alert; a repeat of one already stored changes nothing. */
    public void store(AlertRaised alert) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO dashboard.alert (alert_id, organisation_id, kind, response_id, channel, touchpoint, comment,
                    answered_at, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_id) DO NOTHING
                """)) {
            s.setObject(1, alert.alertId());
            s.setString(2, alert.organisationId());
            s.setString(3, alert.kind().name());
            s.setObject(4, alert.responseId());
            s.setString(5, alert.channel().name());
            s.setString(6, alert.touchpoint());
            s.setString(7, alert.comment());
            s.setTimestamp(8, Timestamp.from(alert.answeredAt()));
            s.setTimestamp(9, Timestamp.from(alert.raisedAt() == null ? Instant.now() : alert.raisedAt()));
            s.executeUpdate();
        }
    }

    /** Deletes the alert of a retracted response. */
    public void withdraw(AlertWithdrawn withdrawal) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "DELETE FROM dashboard.alert WHERE alert_id = ? AND organisation_id = ?")) {
            s.setObject(1, withdrawal.alertId());
            s.setString(2, withdrawal.organisationId());
            s.executeUpdate();
        }
    }

    public Page page(String organisationId, AlertKind kind, Status status, int limit, Position after) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dashboard.alert WHERE organisation_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(organisationId));
        if (kind != null) {
            sql.append(" AND kind = ?");
            parameters.add(kind.name());
        }
        if (status == Status.OPEN) {
            sql.append(" AND acknowledged_at IS NULL");
        } else if (status == Status.ACKNOWLEDGED) {
            sql.append(" AND acknowledged_at IS NOT NULL");
        }
        if (after != null) {
            sql.append(" AND (answered_at, alert_id) < (?, ?)");
            parameters.add(Timestamp.from(after.answeredAt()));
            parameters.add(after.alertId());
        }
        sql.append(" ORDER BY answered_at DESC, alert_id DESC LIMIT ?");
        parameters.add(limit + 1);
        List<Alert> alerts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    alerts.add(alert(rows));
                }
            }
        }
        if (alerts.size() <= limit) {
            return new Page(alerts, null);
        }
        List<Alert> page = alerts.subList(0, limit);
        Alert last = page.get(limit - 1);
        return new Page(List.copyOf(page), new Position(last.answeredAt(), last.id()));
    }

    /** Marks an alert of the organisation as followed up; the first acknowledgement's time stays. */
    public Optional<Alert> acknowledge(String organisationId, UUID alertId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE dashboard.alert SET acknowledged_at = coalesce(acknowledged_at, now()) "
                        + "WHERE alert_id = ? AND organisation_id = ? RETURNING " + COLUMNS)) {
            s.setObject(1, alertId);
            s.setString(2, organisationId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(alert(rows)) : Optional.empty();
            }
        }
    }

    private static Alert alert(ResultSet row) throws SQLException {
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new Alert(row.getObject("alert_id", UUID.class), AlertKind.valueOf(row.getString("kind")),
                row.getObject("response_id", UUID.class), Channel.valueOf(row.getString("channel")),
                row.getString("touchpoint"), row.getString("comment"), row.getTimestamp("answered_at").toInstant(),
                acknowledged == null ? "open" : "acknowledged", acknowledged == null ? null : acknowledged.toInstant());
    }
}
