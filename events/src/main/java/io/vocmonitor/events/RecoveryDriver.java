package io.vocmonitor.events;

/**
 * The Service Recovery Proof drivers, each one agreement statement on the 1..5 scale (SPEC §2.2).
 * The declaration order is the tie-break order of the key-driver ranking.
 */
public enum RecoveryDriver {
    RECEPTIVENESS, RESPONSIVENESS, RESONANCE, RESOLUTION, RELIANCE, LEARNING
}
