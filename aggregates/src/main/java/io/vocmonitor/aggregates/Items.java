package io.vocmonitor.aggregates;

/**
 * Names of the bucket items besides the aspects and drivers, which are stored under their own enum names.
 * Items are per instrument, so a name like RESONANCE means the ServiceProof aspect in a SERVICEPROOF bucket
 * and the recovery driver in a SERVICE_RECOVERY bucket.
 */
public final class Items {
    /** Counts the responses themselves ({@code n} only). */
    public static final String RESPONSES = "RESPONSES";
    /** Recommend 0..10 (NPS). */
    public static final String RECOMMEND = "RECOMMEND";
    /** Effort 1..7 (CES). */
    public static final String EFFORT = "EFFORT";
    /** Satisfaction 1..5 (CSAT). */
    public static final String SATISFACTION = "SATISFACTION";
    /** Brand effect 1..5, as a score −2..+2. */
    public static final String BRAND_EFFECT = "BRAND_EFFECT";
    /** The relationship outcome, as its impact score; counts by the outcome's stored code. */
    public static final String RELATIONSHIP = "RELATIONSHIP";

    private Items() {
    }
}
