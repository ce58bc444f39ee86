package io.vocmonitor.events;

/** The survey instruments a response can belong to (SPEC §2). */
public enum Instrument {
    /** How the customer experiences the service: seven aspects, SPEC §2.1. */
    SERVICEPROOF,
    /** How the organisation handled a problem or complaint, SPEC §2.2. */
    SERVICE_RECOVERY,
    /** The organisation's self-assessment by its employees and managers, SPEC §2.4. */
    SERVICE_EXCELLENCE_SCAN
}
