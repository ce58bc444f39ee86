package io.vocmonitor.events;

import java.time.Instant;

/**
 * Notice on {@link Topics#SCORE_UPDATES} that an organisation's scores of one instrument changed (SPEC §3).
 *
 * @param version the organisation's score version for the instrument, increasing with every applied batch
 */
public record ScoreUpdate(
        int schemaVersion,
        String organisationId,
        Instrument instrument,
        long version,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static ScoreUpdate of(String organisationId, Instrument instrument, long version, Instant updatedAt) {
        return new ScoreUpdate(SCHEMA_VERSION, organisationId, instrument, version, updatedAt);
    }
}
