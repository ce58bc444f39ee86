package io.vocmonitor.scoring.service;

import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The bucket a response is counted in: organisation, instrument, UTC day of answering, channel, touchpoint (SPEC §4). */
public record BucketKey(String organisationId, Instrument instrument, LocalDate day, Channel channel, String touchpoint) {

    public static BucketKey of(ResponseSubmitted response) {
        return new BucketKey(response.organisationId(), response.instrument(),
                LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC), response.channel(),
                Touchpoints.normalise(response.touchpoint()));
    }
}
