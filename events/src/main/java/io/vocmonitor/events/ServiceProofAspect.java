package io.vocmonitor.events;

/** The seven SERVICE aspects of ServiceProof, each one agreement statement on the 1..5 scale (SPEC §2.1). */
public enum ServiceProofAspect {
    SENSING(Construct.SER),
    EMPATHY(Construct.SER),
    RESONANCE(Construct.SER),
    VALUE(Construct.V),
    INDIVIDUALIZE(Construct.ICE),
    COMMITMENT(Construct.ICE),
    ENGAGEMENT(Construct.ICE);

    private final Construct construct;

    ServiceProofAspect(Construct construct) {
        this.construct = construct;
    }

    public Construct construct() {
        return construct;
    }
}
