package io.vocmonitor.dashboard.webhook;

import io.vocmonitor.runtime.Refusal;

/** A webhook request refused, with the HTTP status that says why: 400, 404, 409 or 503. */
public class WebhookRefusal extends Refusal {

    private final int status;
    private final String reason;

    private WebhookRefusal(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    public static WebhookRefusal invalid(String message) {
        return new WebhookRefusal(400, "invalid_webhook", message);
    }

    public static WebhookRefusal unknown(String id, String organisationId) {
        return new WebhookRefusal(404, "unknown_webhook", "no webhook '" + id + "' for " + organisationId);
    }

    public static WebhookRefusal tooMany(int limit) {
        return new WebhookRefusal(409, "too_many_webhooks", "an organisation has at most " + limit
                + " webhooks; delete one first");
    }

    public static WebhookRefusal unknownDelivery(String id, String webhookId) {
        return new WebhookRefusal(404, "unknown_delivery", "no delivery '" + id + "' of webhook " + webhookId);
    }

    /** A delivery that cannot be sent again now: delivered already, or its subscription is paused. */
    public static WebhookRefusal notToSend(String why) {
        return new WebhookRefusal(409, "delivery_not_sendable", why);
    }

    public static WebhookRefusal notConfigured() {
        return new WebhookRefusal(503, "webhooks_not_configured",
                "webhooks are not configured on this service: VOC_WEBHOOK_SECRET_KEY is not set");
    }

    public int status() {
        return status;
    }

    @Override
    public String reason() {
        return reason;
    }
}
