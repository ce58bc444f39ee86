package io.vocmonitor.dashboard.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.webhook.AddressPolicy;
import io.vocmonitor.dashboard.webhook.WebhookEvents;
import io.vocmonitor.dashboard.webhook.WebhookRefusal;
import io.vocmonitor.dashboard.webhook.WebhookSignature;
import io.vocmonitor.dashboard.webhook.WebhookStore;
import io.vocmonitor.dashboard.webhook.Webhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An organisation's webhooks (its read key or the admin token): subscriptions to alert.raised, alert.withdrawn,
 * alert.acknowledged and scores.changed, signed by the Standard Webhooks convention with a secret shown once, and
 * each subscription's delivery log.
 */
@Tag(name = "webhooks", description = "Signed deliveries of alerts and score changes to the organisation's endpoints")
@Path("/api/v1/organisations/{org}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@APIResponse(responseCode = "400", description = "A URL the rules refuse, or an unknown event type",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Another organisation's key, or an ingest key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such webhook",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {

    static final int DESCRIPTION_LIMIT = 200;
    static final int LOG_LIMIT = 50;

    /** What a subscription is made or changed with; in a change, what is left out stays. */
    public record WebhookRequest(String url, List<String> events, String description,
            @Schema(description = "on a change: true pauses deliveries, false resumes them") Boolean paused) {
    }

    /** A subscription; its secret is shown once, when made or replaced. */
    public record WebhookView(UUID id, String url, List<String> events, String description, boolean paused,
            @Schema(description = "why deliveries are paused: by the owner, or after failures in a row, with the last")
            String pausedReason, int consecutiveFailures, Instant createdAt, Instant updatedAt) {

        static WebhookView of(WebhookStore.Subscription s) {
            return new WebhookView(s.id(), s.url(), s.events(), s.description(), s.paused(), s.pausedReason(),
                    s.consecutiveFailures(), s.createdAt(), s.updatedAt());
        }
    }

    /** A new subscription, with the signing secret in clear: shown this once. */
    public record CreatedWebhook(@JsonUnwrapped WebhookView webhook,
            @Schema(description = "whsec_…: verify webhook-signature with it; shown only now") String secret) {
    }

    public record WebhookList(List<WebhookView> webhooks,
            @Schema(description = "The most subscriptions the organisation may have") int limit,
            @Schema(description = "Whether plain http URLs are taken here (VOC_WEBHOOK_ALLOW_HTTP); https only if not")
            boolean httpAllowed) {
    }

    public record NewSecret(@Schema(description = "whsec_…: signs every delivery from now on") String secret,
            @Schema(description = "Until when the replaced secret signs too, beside the new one "
                    + "(VOC_WEBHOOK_PREVIOUS_SECRET_FOR, 24 h by default); null when it signs no more")
            Instant previousSignsUntil) {
    }

    /** A delivery queued, or made due again: its id is the webhook-id it is sent with. */
    public record QueuedDelivery(UUID deliveryId) {
    }

    public record DeliveryLog(List<WebhookStore.Delivery> deliveries) {
    }

    private final ReadAccess access;
    private final CurrentCredentials credentials;
    private final WebhookStore store;
    private final Webhooks webhooks;
    private final WebhookEvents events;
    private final int limit;
    private final boolean httpAllowed;
    private final Duration previousSecretFor;

    public WebhookResource(ReadAccess access, CurrentCredentials credentials, WebhookStore store, Webhooks webhooks,
            WebhookEvents events, DashboardConfig config) {
        this.access = access;
        this.credentials = credentials;
        this.store = store;
        this.webhooks = webhooks;
        this.events = events;
        this.limit = config.webhook().maxPerOrganisation();
        this.httpAllowed = config.webhook().allowHttp();
        this.previousSecretFor = config.webhook().previousSecretFor();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint to events",
            description = "url: https (http only where VOC_WEBHOOK_ALLOW_HTTP=true), resolving to public addresses "
                    + "unless on VOC_WEBHOOK_ALLOWED_HOSTS; events: alert.raised, alert.withdrawn, alert.acknowledged, "
                    + "scores.changed; description: up to 200 characters. The answer holds the signing secret, once.")
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in the answer",
            content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "409", description = "The organisation has as many webhooks as it may",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createWebhook(@RestPath String org, WebhookRequest request) throws SQLException {
        access.requireRead(credentials.get(), org);
        if (request == null) {
            throw WebhookRefusal.invalid("a JSON body is required: {url, events, description}");
        }
        String url = url(request.url());
        List<String> types = events(request.events());
        String description = description(request.description());
        String secret = WebhookSignature.newSecret();
        WebhookStore.Subscription created = store.create(org, url, types, description, webhooks.box().seal(secret), limit)
                .orElseThrow(() -> WebhookRefusal.tooMany(limit));
        return Response.status(201).entity(new CreatedWebhook(WebhookView.of(created), secret)).build();
    }

    @GET
    @Operation(summary = "The organisation's webhooks", description = "Oldest first; no secrets.")
    @APIResponse(responseCode = "200", description = "The subscriptions and how many the organisation may have",
            content = @Content(schema = @Schema(implementation = WebhookList.class)))
    public WebhookList webhooks(@RestPath String org) throws SQLException {
        access.requireRead(credentials.get(), org);
        return new WebhookList(store.list(org).stream().map(WebhookView::of).toList(), limit, httpAllowed);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook", description = "Its URL, events, description, and whether and why it is "
            + "paused; not its secret.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public WebhookView webhook(@RestPath String org, @RestPath String id) throws SQLException {
        access.requireRead(credentials.get(), org);
        return WebhookView.of(owned(org, id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a webhook: url, events, description; pause or resume it",
            description = "What is left out stays. Resuming clears the failures in a row and sends what waited at once.")
    @APIResponse(responseCode = "200", description = "The changed subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public WebhookView updateWebhook(@RestPath String org, @RestPath String id, WebhookRequest request)
            throws SQLException {
        access.requireRead(credentials.get(), org);
        UUID webhookId = id(id, org);
        if (request == null) {
            throw WebhookRefusal.invalid("a JSON body is required: any of url, events, description, paused");
        }
        String url = request.url() == null ? null : url(request.url());
        List<String> types = request.events() == null ? null : events(request.events());
        String description = request.description() == null ? null : description(request.description());
        return WebhookView.of(store.update(org, webhookId, url, types, description, request.paused())
                .orElseThrow(() -> WebhookRefusal.unknown(id, org)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook, with what waits to be delivered and its log",
            description = "Deliveries not yet made are dropped; nothing more is sent to the URL.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteWebhook(@RestPath String org, @RestPath String id) throws SQLException {
        access.requireRead(credentials.get(), org);
        if (!store.delete(org, id(id, org))) {
            throw WebhookRefusal.unknown(id, org);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Replace the signing secret", description = "The new secret signs every delivery from now on, "
            + "retries of earlier events too; it is shown this once. The replaced one signs beside it until "
            + "previousSignsUntil (webhook-signature then holds both signatures, space-separated), so that a receiver "
            + "can switch to the new one without refusing deliveries meanwhile.")
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(schema = @Schema(implementation = NewSecret.class)))
    public NewSecret rotateWebhookSecret(@RestPath String org, @RestPath String id) throws SQLException {
        access.requireRead(credentials.get(), org);
        String secret = WebhookSignature.newSecret();
        WebhookStore.Replaced replaced = store.replaceSecret(org, id(id, org), webhooks.box().seal(secret),
                previousSecretFor).orElseThrow(() -> WebhookRefusal.unknown(id, org));
        return new NewSecret(secret, replaced.previousSignsUntil());
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test event (type webhook.test)", description = "Queued like any delivery: its outcome "
            + "shows in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = QueuedDelivery.class)))
    public Response testWebhook(@RestPath String org, @RestPath String id) throws SQLException {
        access.requireRead(credentials.get(), org);
        WebhookStore.Subscription subscription = owned(org, id);
        UUID delivery = store.enqueueOne(subscription.id(), WebhookEvents.TEST,
                events.test(org, subscription.id().toString()));
        return Response.accepted(new QueuedDelivery(delivery)).build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a delivery again now", description = "For a delivery that waits for its next attempt "
            + "or was given up after its 24 hours of retries: one more attempt at once, with the same webhook-id. One "
            + "that was given up and fails again stays given up; one that waits goes on with its retries. A delivered "
            + "one, one being sent at this moment, or one of a paused subscription, is a 409.")
    @APIResponse(responseCode = "202", description = "Due now; its outcome shows in the delivery log",
            content = @Content(schema = @Schema(implementation = QueuedDelivery.class)))
    public Response retryWebhookDelivery(@RestPath String org, @RestPath String id, @RestPath String deliveryId)
            throws SQLException {
        access.requireRead(credentials.get(), org);
        WebhookStore.Subscription subscription = owned(org, id);
        UUID delivery;
        try {
            delivery = UUID.fromString(deliveryId);
        } catch (IllegalArgumentException e) {
            throw WebhookRefusal.unknownDelivery(deliveryId, id);
        }
        if (subscription.paused()) {
            throw WebhookRefusal.notToSend("the webhook is paused: resume it, and what waits is sent");
        }
        return switch (store.sendAgain(subscription.id(), delivery)
                .orElseThrow(() -> WebhookRefusal.unknownDelivery(deliveryId, id))) {
            case DUE -> Response.accepted(new QueuedDelivery(delivery)).build();
            case DELIVERED -> throw WebhookRefusal.notToSend("delivery " + deliveryId + " was delivered already");
            case SENDING -> throw WebhookRefusal.notToSend("delivery " + deliveryId
                    + " is being sent now; its outcome shows in the log");
        };
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log: the latest deliveries, newest first, with every attempt",
            description = "Each attempt has its time, HTTP status (none when no answer came), duration, error and at "
                    + "most 256 characters of the answer. limit 1..200, default 50.")
    @APIResponse(responseCode = "200", description = "The latest deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryLog.class)))
    public DeliveryLog webhookDeliveries(@RestPath String org, @RestPath String id, @RestQuery String limit)
            throws SQLException {
        access.requireRead(credentials.get(), org);
        WebhookStore.Subscription subscription = owned(org, id);
        return new DeliveryLog(store.log(subscription.id(), logLimit(limit)));
    }

    /** The organisation's subscription of that id; 404 when it has none. */
    private WebhookStore.Subscription owned(String org, String id) throws SQLException {
        return store.find(org, id(id, org)).orElseThrow(() -> WebhookRefusal.unknown(id, org));
    }

    private String url(String url) {
        try {
            return webhooks.policy().check(url).toString();
        } catch (AddressPolicy.Refused refused) {
            throw WebhookRefusal.invalid(refused.getMessage());
        }
    }

    private static List<String> events(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw WebhookRefusal.invalid("events: at least one of " + WebhookEvents.TYPES);
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(requested));
        for (String type : types) {
            if (!WebhookEvents.TYPES.contains(type)) {
                throw WebhookRefusal.invalid("events: unknown '" + type + "'; one of " + WebhookEvents.TYPES);
            }
        }
        return types;
    }

    private static String description(String description) {
        if (description != null && description.length() > DESCRIPTION_LIMIT) {
            throw WebhookRefusal.invalid("description: at most " + DESCRIPTION_LIMIT + " characters");
        }
        return description;
    }

    private static UUID id(String id, String org) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw WebhookRefusal.unknown(id, org);
        }
    }

    private static int logLimit(String limit) {
        if (limit == null) {
            return LOG_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 200) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw WebhookRefusal.invalid("limit: 1..200");
    }
}
