package io.vocmonitor.aggregates;

import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.ResponseSubmitted;
import java.util.Locale;

/**
 * The normal form of a touchpoint label as a bucket dimension: trimmed, inner white space collapsed to one
 * space, lower case; no touchpoint is the empty label. "Billing ", "billing" and "BILLING" are one touchpoint.
 * A scan's unit is normalised the same way and kept in the same dimension.
 */
public final class Touchpoints {

    /** The bucket label of responses without a touchpoint. */
    public static final String NONE = "";

    private Touchpoints() {
    }

    /**
     * The label a response is bucketed under before any limit applies: its touchpoint, or on an instrument its
     * staff answer (the scan) its unit, which takes the touchpoint's place (SPEC §2.4).
     */
    public static String of(ResponseSubmitted response) {
        return normalise(InstrumentDefinition.of(response.instrument()).respondents()
                == InstrumentDefinition.Respondents.STAFF ? response.unit() : response.touchpoint());
    }

    public static String normalise(String touchpoint) {
        if (touchpoint == null) {
            return NONE;
        }
        return touchpoint.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
