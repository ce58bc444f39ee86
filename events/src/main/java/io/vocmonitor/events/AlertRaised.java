package io.vocmonitor.events;

import java.time.Instant;
import java.util.UUID;

/** A response that needs a follow-up: relationship broken or weakened, or a detractor with a comment. */
public record AlertRaised(
        int schemaVersion,
        String type,
        UUID alertId,
        AlertKind kind,
        UUID responseId,
        String organisationId,
        Channel channel,
        String touchpoint,
        String comment,
        Instant answeredAt,
        Instant raisedAt) implements AlertEvent {

    public static final String TYPE = "AlertRaised";

    public static AlertRaised of(AlertKind kind, ResponseSubmitted response, Instant raisedAt) {
        return new AlertRaised(SCHEMA_VERSION, TYPE, AlertEvent.alertIdOf(response.responseId()), kind,
                response.responseId(), response.organisationId(), response.channel(), response.touchpoint(),
                response.comment(), response.answeredAt(), raisedAt);
    }
}
