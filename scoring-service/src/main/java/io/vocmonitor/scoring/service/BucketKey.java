package io.vocmonitor.scoring.service;

import io.vocmonitor.aggregates.BucketSegments;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

/**
 * The bucket a response is counted in: organisation, instrument, UTC day of answering, and two segments (SPEC §4,
 * {@link BucketSegments}) — for customers' instruments the channel and the touchpoint, for the Service Excellence
 * Scan the respondent's role and unit, bounded like touchpoints.
 *
 * @param channel the channel's name, or the scan respondent's role
 * @param touchpoint the touchpoint's label, or the scan respondent's unit (see TouchpointLabels)
 */
public record BucketKey(String organisationId, Instrument instrument, LocalDate day, String channel, String touchpoint)
        implements Comparable<BucketKey> {

    private static final Comparator<BucketKey> ORDER = Comparator.comparing(BucketKey::organisationId)
            .thenComparing(BucketKey::instrument).thenComparing(BucketKey::day).thenComparing(BucketKey::channel)
            .thenComparing(BucketKey::touchpoint);

    /** The order buckets are locked in: the same in every instance, so concurrent batches cannot deadlock. */
    @Override
    public int compareTo(BucketKey other) {
        return ORDER.compare(this, other);
    }

    /** The bucket of a response whose touchpoint is kept under {@code touchpointLabel} (see TouchpointLabels). */
    public static BucketKey of(ResponseSubmitted response, String touchpointLabel) {
        return new BucketKey(response.organisationId(), response.instrument(),
                LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC), BucketSegments.channelColumn(response),
                touchpointLabel);
    }
}
