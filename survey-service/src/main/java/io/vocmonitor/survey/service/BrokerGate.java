package io.vocmonitor.survey.service;

import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fails fast while the broker is known to be down, so that an outage costs each client a quick 503 instead of
 * a worker thread held for the whole publish timeout. After a failed publication the gate stays shut for a
 * moment; then one request at a time is let through as a probe, and the first success opens it again.
 */
@ApplicationScoped
public class BrokerGate {

    /** How long the gate stays shut after a failure before it lets a probe through. */
    static final Duration COOL_DOWN = Duration.ofSeconds(2);

    private volatile long shutUntil;
    private volatile boolean shut;
    private final AtomicBoolean probing = new AtomicBoolean();

    /** Lets a publication through, or refuses it with 503 while the broker is known to be down. */
    public void admit() {
        if (!shut) {
            return;
        }
        if (System.nanoTime() - shutUntil >= 0 && probing.compareAndSet(false, true)) {
            return;
        }
        throw ProblemException.brokerUnavailable("the event broker is unavailable; nothing was stored, try again");
    }

    public void succeeded() {
        shut = false;
        probing.set(false);
    }

    public void failed() {
        shutUntil = System.nanoTime() + COOL_DOWN.toNanos();
        shut = true;
        probing.set(false);
    }
}
