package io.vocmonitor.aggregates;

import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.InstrumentDefinition.Respondents;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanRole;

/**
 * The two segment columns of a bucket (SPEC §4, §2.4), as writer and readers agree on them: for customers'
 * instruments the {@code channel} and the {@code touchpoint}; for the Service Excellence Scan, which has neither,
 * the respondent's role in {@code channel} ({@link #NO_ROLE} when none) and the unit in {@code touchpoint}
 * ({@link Touchpoints#of}). A selection by role or unit thus stays one range of the bucket's primary key.
 */
public final class BucketSegments {

    /** The role segment of scan responses that name no role. */
    public static final String NO_ROLE = "";

    private BucketSegments() {
    }

    /** What the response's bucket holds in its {@code channel} column. */
    public static String channelColumn(ResponseSubmitted response) {
        if (InstrumentDefinition.of(response.instrument()).respondents() == Respondents.STAFF) {
            return response.role() == null ? NO_ROLE : response.role().name();
        }
        return response.channel().name();
    }

    /** The role a scan bucket's {@code channel} column names; null for {@link #NO_ROLE}. */
    public static ScanRole role(String channelColumn) {
        return NO_ROLE.equals(channelColumn) ? null : ScanRole.valueOf(channelColumn);
    }
}
