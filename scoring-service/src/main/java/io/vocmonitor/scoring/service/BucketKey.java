package io.vocmonitor.scoring.service;

import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

/** The bucket a response is counted in: organisation, instrument, UTC day of answering, channel, touchpoint (SPEC §4). */
public record BucketKey(String organisationId, Instrument instrument, LocalDate day, Channel channel, String touchpoint)
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
                LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC), response.channel(), touchpointLabel);
    }
}
