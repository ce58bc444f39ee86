package io.vocmonitor.dashboard.webhook;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.dashboard.store.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook tables of schema {@code dashboard}, on the primary: subscriptions, the deliveries queued for them, and
 * each delivery's attempts.
 */
@ApplicationScoped
public class WebhookStore {

    /** A subscription as its owner sees it; its secret is never read back. */
    public record Subscription(UUID id, String organisationId, String url, List<String> events, String description,
            boolean paused, String pausedReason, int consecutiveFailures, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A delivery to be made: what to send, where, signed with which (sealed) secret, and with the replaced one too while
     * it still signs (null otherwise).
     */
    public record Due(UUID id, UUID webhookId, String organisationId, String eventType, String body, int attempt,
            Instant createdAt, String url, byte[] sealedSecret, byte[] sealedPreviousSecret) {
    }

    /** A delivery to queue for a subscription. */
    public record Queued(UUID webhookId, String eventType, String eventKey, String body) {
    }

    /** One attempt of a delivery, for the delivery log. */
    public record Attempt(int attempt, Instant at, Integer status, int durationMs, String error, String excerpt) {
    }

    /** A delivery with its attempts, newest first in the log. */
    public record Delivery(UUID id, String type, String state, int attempts, Instant createdAt, Instant nextAttemptAt,
            Instant finishedAt, List<Attempt> log) {
    }

    /** A subscription whose last deliveries failed, or that is paused: what its owner or the operators should see. */
    public record Failing(String organisationId, UUID webhookId, boolean paused, int consecutiveFailures) {
    }

    private static final String COLUMNS = "webhook_id, organisation_id, url, events, description, paused, paused_reason, "
            + "consecutive_failures, created_at, updated_at";

    private final AgroalDataSource dataSource;

    public WebhookStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new subscription unless the organisation has {@code limit} already; empty then. */
    public Optional<Subscription> create(String organisationId, String url, List<String> events, String description,
            byte[] sealedSecret, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO dashboard.webhook (webhook_id, organisation_id, url, events, description, secret, created_at,
                    updated_at)
                SELECT ?, ?, ?, ?, ?, ?, now(), now()
                WHERE (SELECT count(*) FROM dashboard.webhook WHERE organisation_id = ?) < ?
                RETURNING\s""" + COLUMNS)) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, organisationId);
            s.setString(3, url);
            s.setArray(4, c.createArrayOf("text", events.toArray()));
            s.setString(5, description);
            s.setBytes(6, sealedSecret);
            s.setString(7, organisationId);
            s.setInt(8, limit);
            return one(s);
        }
    }

    public List<Subscription> list(String organisationId) throws SQLException {
        List<Subscription> subscriptions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM dashboard.webhook WHERE organisation_id = ? ORDER BY created_at, webhook_id")) {
            s.setString(1, organisationId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    subscriptions.add(subscription(rows));
                }
            }
        }
        return subscriptions;
    }

    public Optional<Subscription> find(String organisationId, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM dashboard.webhook WHERE organisation_id = ? AND webhook_id = ?")) {
            s.setString(1, organisationId);
            s.setObject(2, id);
            return one(s);
        }
    }

    /**
     * Changes what is given (null: unchanged). Resuming a paused subscription clears its failures; its pending
     * deliveries are sent again from now.
     */
    public Optional<Subscription> update(String organisationId, UUID id, String url, List<String> events,
            String description, Boolean paused) throws SQLException {
        return Transactions.answer(dataSource, c -> {
            Optional<Subscription> updated;
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE dashboard.webhook SET url = coalesce(?, url), events = coalesce(?, events),
                        description = coalesce(?, description), paused = coalesce(?, paused),
                        paused_reason = CASE WHEN ? THEN NULL WHEN ? THEN 'paused by its owner' ELSE paused_reason END,
                        consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,
                        updated_at = now()
                    WHERE organisation_id = ? AND webhook_id = ?
                    RETURNING\s""" + COLUMNS)) {
                boolean resumed = Boolean.FALSE.equals(paused);
                s.setString(1, url);
                s.setArray(2, events == null ? null : c.createArrayOf("text", events.toArray()));
                s.setString(3, description);
                s.setObject(4, paused);
                s.setBoolean(5, resumed);
                s.setBoolean(6, Boolean.TRUE.equals(paused));
                s.setBoolean(7, resumed);
                s.setString(8, organisationId);
                s.setObject(9, id);
                updated = one(s);
            }
            if (updated.isPresent() && Boolean.FALSE.equals(paused)) {
                try (PreparedStatement s = c.prepareStatement("UPDATE dashboard.webhook_delivery SET "
                        + "next_attempt_at = now() WHERE webhook_id = ? AND state = 'pending'")) {
                    s.setObject(1, id);
                    s.executeUpdate();
                }
            }
            return updated;
        });
    }

    /** A secret replaced: until when the replaced one signs too (null: not at all). */
    public record Replaced(Instant previousSignsUntil) {
    }

    /**
     * Puts a new secret in place; the one it replaces signs beside it for {@code keepPrevious} (not at all when that is
     * zero). Empty if there is no such subscription.
     */
    public Optional<Replaced> replaceSecret(String organisationId, UUID id, byte[] sealedSecret, Duration keepPrevious)
            throws SQLException {
        boolean keep = !keepPrevious.isZero() && !keepPrevious.isNegative();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE dashboard.webhook SET previous_secret = CASE WHEN ? THEN secret END, secret = ?,
                    previous_secret_until = CASE WHEN ? THEN now() + ? * interval '1 millisecond' END,
                    updated_at = now()
                WHERE organisation_id = ? AND webhook_id = ?
                RETURNING previous_secret_until""")) {
            s.setBoolean(1, keep);
            s.setBytes(2, sealedSecret);
            s.setBoolean(3, keep);
            s.setLong(4, keepPrevious.toMillis());
            s.setString(5, organisationId);
            s.setObject(6, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp until = rows.getTimestamp(1);
                return Optional.of(new Replaced(until == null ? null : until.toInstant()));
            }
        }
    }

    /** Forgets the replaced secrets whose time to sign is over. */
    public void forgetPreviousSecrets() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE dashboard.webhook SET previous_secret = NULL, previous_secret_until = NULL "
                        + "WHERE previous_secret_until < now()")) {
            s.executeUpdate();
        }
    }

    /** Deletes the subscription with its queued deliveries and their log. */
    public boolean delete(String organisationId, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM dashboard.webhook WHERE organisation_id = ? AND webhook_id = ?")) {
            s.setString(1, organisationId);
            s.setObject(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /** The subscriptions of these organisations to the event type, paused ones too (they keep their queue). */
    public List<Subscription> subscribers(Connection c, Collection<String> organisationIds, String eventType)
            throws SQLException {
        List<Subscription> subscribers = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM dashboard.webhook "
                + "WHERE organisation_id = ANY (?) AND ? = ANY (events)")) {
            s.setArray(1, c.createArrayOf("text", organisationIds.toArray()));
            s.setString(2, eventType);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    subscribers.add(subscription(rows));
                }
            }
        }
        return subscribers;
    }

    /**
     * Queues deliveries in the caller's transaction. An event already queued for a subscription is not queued again;
     * {@code scores.changed} joins the subscription's pending one not yet attempted (its body the latest), and a new
     * one waits a second after the last one sent began: at most one a second.
     */
    public void enqueue(Connection c, List<Queued> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement once = c.prepareStatement("""
                INSERT INTO dashboard.webhook_delivery (delivery_id, webhook_id, event_type, event_key, body, state,
                    created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 'pending', now(), now())
                ON CONFLICT (webhook_id, event_type, event_key) WHERE event_type <> 'scores.changed' DO NOTHING
                """);
             PreparedStatement coalesced = c.prepareStatement("""
                INSERT INTO dashboard.webhook_delivery (delivery_id, webhook_id, event_type, event_key, body, state,
                    created_at, next_attempt_at)
                VALUES (?, ?, 'scores.changed', ?, ?, 'pending', now(), greatest(now(), coalesce(
                    (SELECT max(next_attempt_at) FROM dashboard.webhook_delivery
                     WHERE webhook_id = ? AND event_type = 'scores.changed' AND attempts > 0), '-infinity')
                    + interval '1 second'))
                ON CONFLICT (webhook_id) WHERE event_type = 'scores.changed' AND state = 'pending' AND attempts = 0
                DO UPDATE SET body = excluded.body, event_key = excluded.event_key
                """)) {
            for (Queued delivery : deliveries) {
                if (delivery.eventType().equals("scores.changed")) {
                    coalesced.setObject(1, UUID.randomUUID());
                    coalesced.setObject(2, delivery.webhookId());
                    coalesced.setString(3, delivery.eventKey());
                    coalesced.setString(4, delivery.body());
                    coalesced.setObject(5, delivery.webhookId());
                    coalesced.addBatch();
                } else {
                    once.setObject(1, UUID.randomUUID());
                    once.setObject(2, delivery.webhookId());
                    once.setString(3, delivery.eventType());
                    once.setString(4, delivery.eventKey());
                    once.setString(5, delivery.body());
                    once.addBatch();
                }
            }
            once.executeBatch();
            coalesced.executeBatch();
        }
    }

    /** Queues one delivery of an event of its own (the test event); answers its id. */
    public UUID enqueueOne(UUID webhookId, String eventType, String body) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO dashboard.webhook_delivery (delivery_id, webhook_id, event_type, event_key, body, state,
                    created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 'pending', now(), now())""")) {
            s.setObject(1, id);
            s.setObject(2, webhookId);
            s.setString(3, eventType);
            s.setString(4, id.toString());
            s.setString(5, body);
            s.executeUpdate();
        }
        return id;
    }

    /**
     * Claims up to {@code limit} deliveries that are due, of subscriptions not paused, for {@code lease}: counted as
     * attempted from now. A sender that dies before it records the outcome leaves the claim to expire, and the
     * delivery is made again, with the same id.
     */
    public List<Due> claim(int limit, Duration lease) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE dashboard.webhook_delivery d
                SET leased_until = now() + ? * interval '1 millisecond', attempts = d.attempts + 1
                FROM dashboard.webhook w
                WHERE w.webhook_id = d.webhook_id AND d.delivery_id IN (
                    SELECT d2.delivery_id FROM dashboard.webhook_delivery d2
                    JOIN dashboard.webhook w2 ON w2.webhook_id = d2.webhook_id AND NOT w2.paused
                    WHERE d2.state = 'pending' AND d2.next_attempt_at <= now()
                      AND (d2.leased_until IS NULL OR d2.leased_until < now())
                    ORDER BY d2.next_attempt_at
                    LIMIT ?
                    FOR UPDATE OF d2 SKIP LOCKED)
                RETURNING d.delivery_id, d.webhook_id, w.organisation_id, d.event_type, d.body, d.attempts,
                    d.created_at, w.url, w.secret,
                    CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END
                """)) {
            s.setLong(1, lease.toMillis());
            s.setInt(2, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getTimestamp(7).toInstant(),
                            rows.getString(8), rows.getBytes(9), rows.getBytes(10)));
                }
            }
        }
        return due;
    }

    /** Records a delivered attempt: the delivery is done, the subscription's failures are cleared. */
    public void delivered(Due delivery, int status, int durationMs, String excerpt) throws SQLException {
        Transactions.run(dataSource, c -> {
            attempt(c, delivery, status, durationMs, null, excerpt);
            try (PreparedStatement s = c.prepareStatement("UPDATE dashboard.webhook_delivery SET state = "
                    + "'delivered', finished_at = now(), leased_until = NULL WHERE delivery_id = ?")) {
                s.setObject(1, delivery.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE dashboard.webhook SET consecutive_failures = 0 WHERE webhook_id = ? AND consecutive_failures > 0")) {
                s.setObject(1, delivery.webhookId());
                s.executeUpdate();
            }
        });
    }

    /**
     * Records a failed attempt: the delivery is tried again at {@code retryAt}, or given up when that is null; the
     * subscription is paused, with the reason, once it has failed {@code pauseAfter} times in a row. Answers whether
     * this attempt paused it.
     */
    public boolean failed(Due delivery, Integer status, int durationMs, String error, String excerpt, Instant retryAt,
            int pauseAfter) throws SQLException {
        return Transactions.answer(dataSource, c -> {
            attempt(c, delivery, status, durationMs, error, excerpt);
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE dashboard.webhook_delivery SET leased_until = NULL,
                        state = CASE WHEN ?::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                        next_attempt_at = coalesce(?::timestamptz, next_attempt_at),
                        finished_at = CASE WHEN ?::timestamptz IS NULL THEN now() END
                    WHERE delivery_id = ?""")) {
                Timestamp at = retryAt == null ? null : Timestamp.from(retryAt);
                s.setTimestamp(1, at);
                s.setTimestamp(2, at);
                s.setTimestamp(3, at);
                s.setObject(4, delivery.id());
                s.executeUpdate();
            }
            boolean paused;
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE dashboard.webhook SET consecutive_failures = consecutive_failures + 1,
                        paused = paused OR consecutive_failures + 1 >= ?,
                        paused_reason = CASE WHEN NOT paused AND consecutive_failures + 1 >= ? THEN ? ELSE paused_reason END
                    WHERE webhook_id = ?
                    RETURNING paused AND consecutive_failures = ?""")) {
                s.setInt(1, pauseAfter);
                s.setInt(2, pauseAfter);
                s.setString(3, "paused after " + pauseAfter + " failed deliveries in a row; the last: "
                        + (error != null ? error : "HTTP " + status));
                s.setObject(4, delivery.webhookId());
                s.setInt(5, pauseAfter);
                try (ResultSet rows = s.executeQuery()) {
                    paused = rows.next() && rows.getBoolean(1);
                }
            }
            return paused;
        });
    }

    /** What asking to send a delivery again did. */
    public enum Resend {
        /** It waited or was given up: it is due now. */
        DUE,
        /** It was delivered already: left as it is. */
        DELIVERED,
        /** An attempt is under way (its claim runs): left as it is. */
        SENDING
    }

    /**
     * Makes a delivery that is waiting or was given up due now, for one more attempt (its id unchanged); empty when the
     * subscription has no such delivery.
     */
    public Optional<Resend> sendAgain(UUID webhookId, UUID deliveryId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH asked AS (
                    SELECT delivery_id, CASE WHEN state = 'delivered' THEN 'DELIVERED'
                        WHEN leased_until > now() THEN 'SENDING' ELSE 'DUE' END AS resend
                    FROM dashboard.webhook_delivery WHERE webhook_id = ? AND delivery_id = ? FOR UPDATE),
                made_due AS (
                    UPDATE dashboard.webhook_delivery d SET state = 'pending', next_attempt_at = now(), finished_at = NULL
                    FROM asked WHERE d.delivery_id = asked.delivery_id AND asked.resend = 'DUE')
                SELECT resend FROM asked""")) {
            s.setObject(1, webhookId);
            s.setObject(2, deliveryId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(Resend.valueOf(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /** Every subscription that failed its last delivery or is paused. */
    public List<Failing> failing() throws SQLException {
        List<Failing> failing = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT organisation_id, webhook_id, paused, consecutive_failures FROM dashboard.webhook
                WHERE consecutive_failures > 0 OR paused""");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                failing.add(new Failing(rows.getString(1), rows.getObject(2, UUID.class), rows.getBoolean(3),
                        rows.getInt(4)));
            }
        }
        return failing;
    }

    /** The subscription's latest deliveries, newest first, each with its attempts. */
    public List<Delivery> log(UUID webhookId, int limit) throws SQLException {
        List<Delivery> deliveries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT d.delivery_id, d.event_type, d.state, d.attempts, d.created_at, d.next_attempt_at, d.finished_at,
                    coalesce(array_agg(a.attempt ORDER BY a.attempt DESC) FILTER (WHERE a.attempt IS NOT NULL), '{}'),
                    array_agg(a.attempted_at ORDER BY a.attempt DESC), array_agg(a.status ORDER BY a.attempt DESC),
                    array_agg(a.duration_ms ORDER BY a.attempt DESC), array_agg(a.error ORDER BY a.attempt DESC),
                    array_agg(a.excerpt ORDER BY a.attempt DESC)
                FROM (SELECT * FROM dashboard.webhook_delivery WHERE webhook_id = ? ORDER BY created_at DESC LIMIT ?) d
                LEFT JOIN dashboard.webhook_attempt a ON a.delivery_id = d.delivery_id
                GROUP BY d.delivery_id, d.event_type, d.state, d.attempts, d.created_at, d.next_attempt_at, d.finished_at
                ORDER BY d.created_at DESC""")) {
            s.setObject(1, webhookId);
            s.setInt(2, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Integer[] numbers = array(rows.getArray(8), Integer[].class);
                    Timestamp[] times = array(rows.getArray(9), Timestamp[].class);
                    Integer[] statuses = array(rows.getArray(10), Integer[].class);
                    Integer[] durations = array(rows.getArray(11), Integer[].class);
                    String[] errors = array(rows.getArray(12), String[].class);
                    String[] excerpts = array(rows.getArray(13), String[].class);
                    List<Attempt> attempts = new ArrayList<>();
                    for (int i = 0; i < numbers.length; i++) {
                        attempts.add(new Attempt(numbers[i], times[i].toInstant(), statuses[i], durations[i], errors[i],
                                excerpts[i]));
                    }
                    Timestamp finished = rows.getTimestamp(7);
                    deliveries.add(new Delivery(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getInt(4), rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant(),
                            finished == null ? null : finished.toInstant(), attempts));
                }
            }
        }
        return deliveries;
    }

    private static void attempt(Connection c, Due delivery, Integer status, int durationMs, String error,
            String excerpt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO dashboard.webhook_attempt (delivery_id, attempt, attempted_at, status, duration_ms, error,
                    excerpt)
                VALUES (?, ?, now(), ?, ?, ?, ?) ON CONFLICT (delivery_id, attempt) DO NOTHING""")) {
            s.setObject(1, delivery.id());
            s.setInt(2, delivery.attempt());
            s.setObject(3, status);
            s.setInt(4, durationMs);
            s.setString(5, error);
            s.setString(6, excerpt);
            s.executeUpdate();
        }
    }

    private static <T> T array(Array array, Class<T> type) throws SQLException {
        return type.cast(array.getArray());
    }

    private static Optional<Subscription> one(PreparedStatement s) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            return rows.next() ? Optional.of(subscription(rows)) : Optional.empty();
        }
    }

    private static Subscription subscription(ResultSet rows) throws SQLException {
        return new Subscription(rows.getObject("webhook_id", UUID.class), rows.getString("organisation_id"),
                rows.getString("url"), List.of((String[]) rows.getArray("events").getArray()),
                rows.getString("description"), rows.getBoolean("paused"), rows.getString("paused_reason"),
                rows.getInt("consecutive_failures"), rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("updated_at").toInstant());
    }
}
