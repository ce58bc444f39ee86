package io.vocmonitor.runtime.access;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits the requests of each API key with a token bucket: {@code burst} requests at once, refilled at
 * {@code perSecond}; past that, {@link RateLimited} with the seconds until the next request is allowed. Per
 * service instance and in memory: cheap, and generous enough by default that only a runaway client meets it.
 * As a bean it takes its budget from {@link RateLimits}.
 */
@Singleton
public final class RateLimiter {

    /** One key's bucket; synchronised, a key's requests rarely contend. */
    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes a token, or answers the seconds until one is there. */
        synchronized double take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }
    }

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoClock a monotonic clock in nanoseconds, such as {@link System#nanoTime} */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    @Inject
    public RateLimiter(RateLimits limits) {
        this(limits.perSecond(), limits.burst(), System::nanoTime);
    }

    /** Counts one request of the key (by its hash). */
    public void acquire(String keyHash) {
        long now = nanoClock.getAsLong();
        double wait = buckets.computeIfAbsent(keyHash, k -> new Bucket(burst, now)).take(perSecond, burst, now);
        if (wait > 0) {
            throw new RateLimited(Math.max(1, (long) Math.ceil(wait)));
        }
    }
}
