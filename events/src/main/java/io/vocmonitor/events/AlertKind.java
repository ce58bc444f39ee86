package io.vocmonitor.events;

/** Why a response needs a follow-up from the organisation (closed-loop alerts, SPEC §3). */
public enum AlertKind {
    /** A handled problem broke the relationship. */
    RELATIONSHIP_BROKEN,
    /** A handled problem weakened the relationship. */
    RELATIONSHIP_WEAKENED,
    /** A detractor (recommend ≤ 6) who left a comment. */
    DETRACTOR_COMMENT
}
