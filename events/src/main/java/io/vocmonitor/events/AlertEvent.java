package io.vocmonitor.events;

import java.util.UUID;

/** An event on {@link Topics#ALERTS}: an alert raised, or withdrawn because its response was retracted. */
public sealed interface AlertEvent permits AlertRaised, AlertWithdrawn {

    int SCHEMA_VERSION = 1;

    /** One alert per response: its id follows from the response's, so a repeat is recognisable anywhere. */
    static UUID alertIdOf(UUID responseId) {
        return UUID.nameUUIDFromBytes(("alert:" + responseId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    int schemaVersion();

    String type();

    UUID alertId();

    UUID responseId();

    String organisationId();
}
