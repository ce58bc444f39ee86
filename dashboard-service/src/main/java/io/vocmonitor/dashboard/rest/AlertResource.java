package io.vocmonitor.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.service.UnknownAlert;
import io.vocmonitor.dashboard.store.AlertInbox;
import io.vocmonitor.events.AlertKind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The closed-loop alert inbox of an organisation (read key or admin token). */
@Tag(name = "alerts", description = "The closed-loop alert inbox of an organisation")
@Path("/api/v1/organisations/{org}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AlertResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** A page of alerts, newest first; {@code next} is the cursor of the following page, or null. */
    public record AlertList(List<AlertInbox.Alert> alerts, String next) {
    }

    private final ReadAccess access;
    private final CurrentCredentials credentials;
    private final AlertInbox inbox;

    public AlertResource(ReadAccess access, CurrentCredentials credentials, AlertInbox inbox) {
        this.access = access;
        this.credentials = credentials;
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "Alerts, newest first (by answeredAt)",
            description = "Filters: kind (RELATIONSHIP_BROKEN, RELATIONSHIP_WEAKENED, DETRACTOR_COMMENT), status "
                    + "(open, acknowledged); limit 1..500, default 50; cursor from the previous page's next.")
    public AlertList alerts(@RestPath String org, @RestQuery String kind, @RestQuery String status,
            @RestQuery String limit, @RestQuery String cursor) throws SQLException {
        access.requireRead(credentials.get(), org);
        AlertInbox.Page page = inbox.page(org, kind(kind), status(status), limit(limit), position(cursor));
        return new AlertList(page.alerts(), page.next() == null ? null : encode(page.next()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Mark an alert as followed up", description = "Idempotent; answers the alert.")
    public AlertInbox.Alert acknowledge(@RestPath String org, @RestPath String id) throws SQLException {
        access.requireRead(credentials.get(), org);
        UUID alertId;
        try {
            alertId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownAlert(id, org);
        }
        return inbox.acknowledge(org, alertId).orElseThrow(() -> new UnknownAlert(id, org));
    }

    private static AlertKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return AlertKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("kind: one of " + Arrays.toString(AlertKind.values()));
        }
    }

    private static AlertInbox.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AlertInbox.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("status: open or acknowledged");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQuery("limit: an integer 1.." + MAX_LIMIT);
    }

    /** The cursor is opaque to clients: base64url of "epoch-microseconds/alert-id". */
    private static String encode(AlertInbox.Position position) {
        long micros = position.answeredAt().getEpochSecond() * 1_000_000 + position.answeredAt().getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "/" + position.alertId()).getBytes(StandardCharsets.UTF_8));
    }

    private static AlertInbox.Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("/", 2);
            long micros = Long.parseLong(parts[0]);
            return new AlertInbox.Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidQuery("cursor: not a cursor this service gave out");
        }
    }
}
