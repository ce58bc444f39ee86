package io.vocmonitor.events;

/**
 * What a handled problem did to the customer relationship, with its impact score (SPEC §2.2).
 *
 * <p>Each outcome has a fixed {@link #code()}: the bucket arrays count outcomes by it, so it must never change,
 * whatever order the constants are declared in. A new outcome takes the next free code.
 */
public enum RelationshipOutcome {
    STRENGTHENED(1, 0, new Text("strengthened", "versterkt")),
    FLATTENED(0, 1, new Text("flattened", "vervlakt")),
    WEAKENED(-1, 2, new Text("weakened", "verzwakt")),
    BROKEN(-2, 3, new Text("broken", "verbroken"));

    private final int impact;
    private final int code;
    private final Text label;

    RelationshipOutcome(int impact, int code, Text label) {
        this.impact = impact;
        this.code = code;
        this.label = label;
    }

    /** The impact score: +1, 0, −1 or −2. */
    public int impact() {
        return impact;
    }

    /** The stored code of the outcome, 0..3; stable for ever. */
    public int code() {
        return code;
    }

    public Text label() {
        return label;
    }
}
