package io.vocmonitor.runtime;

/**
 * A request the platform refuses for a reason of its domain (bad credentials, an unknown organisation, invalid
 * input, a broker that is down…). Services and security classes throw their own kinds; each service maps them to
 * an {@code application/problem+json} answer in one place in its {@code rest} package, and its metrics count the
 * {@link #reason()}. Refusals are expected outcomes, so they carry no stack trace.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String detail) {
        super(detail, null, false, false);
    }

    /** The reason as metrics count it: lower snake case, one of a closed set per service. */
    public abstract String reason();
}
