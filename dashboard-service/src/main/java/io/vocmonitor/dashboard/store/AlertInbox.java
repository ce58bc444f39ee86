package io.vocmonitor.dashboard.store;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.dashboard.webhook.WebhookEvents;
import io.vocmonitor.events.AlertEvent;
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
    private final WebhookEvents webhooks;

    public AlertInbox(AgroalDataSource dataSource, WebhookEvents webhooks) {
        this.dataSource = dataSource;
        this.webhooks = webhooks;
    }

    /**
     * Applies alert events in their order, in one transaction: raised alerts are stored (a repeat of one already
     * stored changes nothing), withdrawn ones deleted. Consecutive raised alerts are stored in one statement. The
     * webhook deliveries of the events are queued in the same transaction.
     */
    public void apply(List<AlertEvent> events) throws SQLException {
        Transactions.run(dataSource, c -> {
            List<AlertRaised> raised = new ArrayList<>();
            List<AlertRaised> allRaised = new ArrayList<>();
            List<AlertWithdrawn> withdrawn = new ArrayList<>();
            for (AlertEvent event : events) {
                if (event instanceof AlertRaised alert) {
                    raised.add(alert);
                    allRaised.add(alert);
                } else if (event instanceof AlertWithdrawn withdrawal) {
                    store(c, raised);
                    raised.clear();
                    withdraw(c, withdrawal);
                    withdrawn.add(withdrawal);
                }
            }
            store(c, raised);
            webhooks.raised(c, allRaised);
            webhooks.withdrawn(c, withdrawn);
        });
    }

    private static void store(Connection c, List<AlertRaised> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        int size = alerts.size();
        UUID[] ids = new UUID[size];
        String[] organisations = new String[size];
        String[] kinds = new String[size];
        UUID[] responses = new UUID[size];
        String[] channels = new String[size];
        String[] touchpoints = new String[size];
        String[] comments = new String[size];
        String[] answeredAt = new String[size];
        String[] raisedAt = new String[size];
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            AlertRaised alert = alerts.get(i);
            ids[i] = alert.alertId();
            organisations[i] = alert.organisationId();
            kinds[i] = alert.kind().name();
            responses[i] = alert.responseId();
            channels[i] = alert.channel().name();
            touchpoints[i] = alert.touchpoint();
            comments[i] = alert.comment();
            answeredAt[i] = alert.answeredAt().toString();
            raisedAt[i] = (alert.raisedAt() == null ? now : alert.raisedAt()).toString();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO dashboard.alert (alert_id, organisation_id, kind, response_id, channel, touchpoint, comment,
                    answered_at, raised_at)
                SELECT id, org, kind, response, channel, touchpoint, comment, answered::timestamptz, raised::timestamptz
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[]) AS t(id, org, kind, response, channel, touchpoint, comment, answered, raised)
                ON CONFLICT (alert_id) DO NOTHING
                """)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("text", organisations));
            s.setArray(3, c.createArrayOf("text", kinds));
            s.setArray(4, c.createArrayOf("uuid", responses));
            s.setArray(5, c.createArrayOf("text", channels));
            s.setArray(6, c.createArrayOf("text", touchpoints));
            s.setArray(7, c.createArrayOf("text", comments));
            s.setArray(8, c.createArrayOf("text", answeredAt));
            s.setArray(9, c.createArrayOf("text", raisedAt));
            s.executeUpdate();
        }
    }

    /** Deletes the alert of a retracted response. */
    private static void withdraw(Connection c, AlertWithdrawn withdrawal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
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

    /**
     * Marks an alert of the organisation as followed up; the first acknowledgement's time stays, and only the first
     * queues the webhook deliveries of alert.acknowledged, in the same transaction.
     */
    public Optional<Alert> acknowledge(String organisationId, UUID alertId) throws SQLException {
        return Transactions.answer(dataSource, c -> {
            Optional<Alert> first;
            try (PreparedStatement s = c.prepareStatement("UPDATE dashboard.alert SET acknowledged_at = now() "
                    + "WHERE alert_id = ? AND organisation_id = ? AND acknowledged_at IS NULL RETURNING " + COLUMNS)) {
                s.setObject(1, alertId);
                s.setString(2, organisationId);
                try (ResultSet rows = s.executeQuery()) {
                    first = rows.next() ? Optional.of(alert(rows)) : Optional.empty();
                }
            }
            Optional<Alert> alert = first;
            if (first.isPresent()) {
                webhooks.acknowledged(c, organisationId, first.get());
            } else {
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM dashboard.alert WHERE alert_id = ? AND organisation_id = ?")) {
                    s.setObject(1, alertId);
                    s.setString(2, organisationId);
                    try (ResultSet rows = s.executeQuery()) {
                        alert = rows.next() ? Optional.of(alert(rows)) : Optional.empty();
                    }
                }
            }
            return alert;
        });
    }

    private static Alert alert(ResultSet row) throws SQLException {
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new Alert(row.getObject("alert_id", UUID.class), AlertKind.valueOf(row.getString("kind")),
                row.getObject("response_id", UUID.class), Channel.valueOf(row.getString("channel")),
                row.getString("touchpoint"), row.getString("comment"), row.getTimestamp("answered_at").toInstant(),
                acknowledged == null ? "open" : "acknowledged", acknowledged == null ? null : acknowledged.toInstant());
    }
}
