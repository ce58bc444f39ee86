package io.vocmonitor.survey.security;

import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the requests of each API key with a token bucket: {@code burst} requests at once, refilled at
 * {@code perSecond}. Past that, 429 with Retry-After. A batch or an import is one request.
 */
@ApplicationScoped
public class RateLimiter {

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

    private final SurveyConfig.RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(SurveyConfig config) {
        this.limit = config.rateLimit();
    }

    /** Counts one request of the key (by its hash); 429 when the key is over its limit. */
    public void acquire(String keyHash) {
        long now = System.nanoTime();
        double wait = buckets.computeIfAbsent(keyHash, k -> new Bucket(limit.burst(), now))
                .take(limit.perSecond(), limit.burst(), now);
        if (wait > 0) {
            throw ProblemException.tooManyRequests((long) Math.ceil(wait));
        }
    }
}
