package io.vocmonitor.dashboard.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.store.AlertInbox;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.events.ScoreUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What webhooks say, and queuing it for every subscription that asked, in the transaction that records the event:
 * the alert inbox's batch, an acknowledgement, a batch of score-update notices. The body is JSON:
 * {@code {"type", "timestamp", "data"}}, the data what a receiver needs to act without calling back.
 */
@ApplicationScoped
public class WebhookEvents {

    public static final String ALERT_RAISED = "alert.raised";
    public static final String ALERT_WITHDRAWN = "alert.withdrawn";
    public static final String ALERT_ACKNOWLEDGED = "alert.acknowledged";
    public static final String SCORES_CHANGED = "scores.changed";
    public static final String TEST = "webhook.test";
    /** The event types a subscription may ask for. */
    public static final List<String> TYPES = List.of(ALERT_RAISED, ALERT_WITHDRAWN, ALERT_ACKNOWLEDGED, SCORES_CHANGED);

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final WebhookStore store;
    private final String dashboardUrl;

    public WebhookEvents(WebhookStore store, DashboardConfig config) {
        this.store = store;
        this.dashboardUrl = config.webhook().dashboardUrl().replaceAll("/+$", "");
    }

    /** Queues alert.raised for each alert's subscribers. */
    public void raised(Connection c, List<AlertRaised> alerts) throws SQLException {
        queue(c, alerts, ALERT_RAISED, AlertRaised::organisationId, alert -> alert.alertId().toString(), alert -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organisationId", alert.organisationId());
            data.put("alertId", alert.alertId());
            data.put("kind", alert.kind());
            data.put("responseId", alert.responseId());
            data.put("channel", alert.channel());
            data.put("touchpoint", alert.touchpoint());
            data.put("comment", alert.comment());
            data.put("answeredAt", alert.answeredAt());
            data.put("raisedAt", alert.raisedAt());
            data.put("link", alertsLink());
            return data;
        });
    }

    /** Queues alert.withdrawn (the alert's response was retracted; its comment is gone with it). */
    public void withdrawn(Connection c, List<AlertWithdrawn> withdrawals) throws SQLException {
        queue(c, withdrawals, ALERT_WITHDRAWN, AlertWithdrawn::organisationId, w -> w.alertId().toString(), w -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organisationId", w.organisationId());
            data.put("alertId", w.alertId());
            data.put("responseId", w.responseId());
            data.put("link", alertsLink());
            return data;
        });
    }

    /** Queues alert.acknowledged, once per alert: a second acknowledgement changes nothing. */
    public void acknowledged(Connection c, String organisationId, AlertInbox.Alert alert) throws SQLException {
        queue(c, List.of(alert), ALERT_ACKNOWLEDGED, a -> organisationId, a -> a.id().toString(), a -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organisationId", organisationId);
            data.put("alertId", a.id());
            data.put("kind", a.kind());
            data.put("responseId", a.responseId());
            data.put("acknowledgedAt", a.acknowledgedAt());
            data.put("link", alertsLink());
            return data;
        });
    }

    /** Queues scores.changed, coalesced per subscription (at most one a second), with the latest notice. */
    public void scoresChanged(Connection c, List<ScoreUpdate> updates) throws SQLException {
        Map<String, ScoreUpdate> latest = new LinkedHashMap<>();
        updates.forEach(update -> latest.put(update.organisationId() + "/" + update.instrument(), update));
        queue(c, new ArrayList<>(latest.values()), SCORES_CHANGED, ScoreUpdate::organisationId,
                ScoreUpdate::organisationId, update -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("organisationId", update.organisationId());
                    data.put("instrument", update.instrument());
                    data.put("version", update.version());
                    data.put("updatedAt", update.updatedAt());
                    data.put("summary", "/api/v1/organisations/" + update.organisationId() + "/summary");
                    data.put("link", dashboardUrl + "/");
                    return data;
                });
    }

    /** The body of a test delivery. */
    public String test(String organisationId, String webhookId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organisationId", organisationId);
        data.put("webhookId", webhookId);
        data.put("message", "a test delivery, sent on request");
        return body(TEST, data);
    }

    private <E> void queue(Connection c, List<E> events, String type, Function<E, String> organisation,
            Function<E, String> key, Function<E, Map<String, Object>> data) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Set<String> organisations = new TreeSet<>();
        events.forEach(event -> organisations.add(organisation.apply(event)));
        List<WebhookStore.Subscription> subscribers = store.subscribers(c, organisations, type);
        if (subscribers.isEmpty()) {
            return;
        }
        List<WebhookStore.Queued> queued = new ArrayList<>();
        for (E event : events) {
            String body = null;
            for (WebhookStore.Subscription subscription : subscribers) {
                if (subscription.organisationId().equals(organisation.apply(event))) {
                    body = body != null ? body : body(type, data.apply(event));
                    queued.add(new WebhookStore.Queued(subscription.id(), type, key.apply(event), body));
                }
            }
        }
        store.enqueue(c, queued);
    }

    private String alertsLink() {
        return dashboardUrl + "/?view=alerts";
    }

    static String body(String type, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", Instant.now());
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body of maps, strings and times is always JSON", e);
        }
    }
}
