package io.vocmonitor.aggregates;

import java.util.Locale;

/**
 * The normal form of a touchpoint label as a bucket dimension: trimmed, inner white space collapsed to one
 * space, lower case; no touchpoint is the empty label. "Billing ", "billing" and "BILLING" are one touchpoint.
 */
public final class Touchpoints {

    /** The bucket label of responses without a touchpoint. */
    public static final String NONE = "";

    private Touchpoints() {
    }

    public static String normalise(String touchpoint) {
        if (touchpoint == null) {
            return NONE;
        }
        return touchpoint.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
