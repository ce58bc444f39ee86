package io.vocmonitor.events;

import java.time.Instant;
import java.util.UUID;

/** A request to take a response out of every aggregate and the archive: GDPR erasure or a correction (SPEC §3). */
public record ResponseRetracted(
        int schemaVersion,
        String type,
        UUID responseId,
        String organisationId,
        Instant retractedAt) implements ResponseEvent {

    public static final String TYPE = "ResponseRetracted";

    public static ResponseRetracted of(UUID responseId, String organisationId, Instant retractedAt) {
        return new ResponseRetracted(SCHEMA_VERSION, TYPE, responseId, organisationId, retractedAt);
    }
}
