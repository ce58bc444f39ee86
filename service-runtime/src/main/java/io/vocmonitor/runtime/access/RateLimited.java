package io.vocmonitor.runtime.access;

import io.vocmonitor.runtime.Refusal;

/** A key over its request rate; it may come back after {@link #retryAfterSeconds()}. */
public class RateLimited extends Refusal {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
        super("this key is over its request rate; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String reason() {
        return "rate_limited";
    }
}
