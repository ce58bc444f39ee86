package io.vocmonitor.events;

import java.util.UUID;

/** An event on {@link Topics#RESPONSES}: a response submitted or retracted. */
public sealed interface ResponseEvent permits ResponseSubmitted, ResponseRetracted {

    /** The version of the event's JSON shape; readers refuse versions they do not know. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    String type();

    UUID responseId();

    String organisationId();
}
