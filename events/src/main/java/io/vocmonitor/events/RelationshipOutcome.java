package io.vocmonitor.events;

/** What a handled problem did to the customer relationship, with its impact score (SPEC §2.2). */
public enum RelationshipOutcome {
    STRENGTHENED(1),
    FLATTENED(0),
    WEAKENED(-1),
    BROKEN(-2);

    private final int impact;

    RelationshipOutcome(int impact) {
        this.impact = impact;
    }

    /** The impact score: +1, 0, −1 or −2. */
    public int impact() {
        return impact;
    }
}
