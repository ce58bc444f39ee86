package io.vocmonitor.events;

/** The ServiceProof constructs the seven aspects roll up into (SPEC §2.1). */
public enum Construct {
    /** Sensing, Empathy, Resonance. */
    SER,
    /** Value. */
    V,
    /** Individualize, Commitment, Engagement. */
    ICE
}
