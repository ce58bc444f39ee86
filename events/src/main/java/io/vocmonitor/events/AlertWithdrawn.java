package io.vocmonitor.events;

import java.time.Instant;
import java.util.UUID;

/** The alert of a retracted response: inboxes delete it, comment and all. */
public record AlertWithdrawn(
        int schemaVersion,
        String type,
        UUID alertId,
        UUID responseId,
        String organisationId,
        Instant withdrawnAt) implements AlertEvent {

    public static final String TYPE = "AlertWithdrawn";

    public static AlertWithdrawn of(UUID responseId, String organisationId, Instant withdrawnAt) {
        return new AlertWithdrawn(SCHEMA_VERSION, TYPE, AlertEvent.alertIdOf(responseId), responseId, organisationId,
                withdrawnAt);
    }
}
