package io.vocmonitor.runtime.consumer;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/** Repeats work that failed for a passing reason, with exponential backoff, until it succeeds or fails otherwise. */
public final class Patience {

    /** How a wait is spent; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(Patience.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Sleeper sleeper;

    public Patience(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    public Patience() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * The work's result; failures that {@code passing} accepts are waited out (200 ms, doubling up to 10 s), any
     * other failure is thrown.
     */
    public <T> T await(String what, Callable<T> work, Predicate<Exception> passing) throws Exception {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return work.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!passing.test(e)) {
                    throw e;
                }
                LOG.warnf("%s failed (%s); trying again in %d ms", what, e.toString(), backoff.toMillis());
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
