package io.vocmonitor.dashboard.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Recent answers, keyed by what was asked and the score versions they were computed at (Caffeine, bounded). A
 * change of scores bumps the version, so a cached answer is never stale: it is simply no longer asked for, and
 * falls out when the least used entries make room. Dashboards poll the same questions again and again; between
 * two changes, each is computed about once.
 */
@ApplicationScoped
public class AnswerCache {

    /** Most answers kept; a few kilobytes each. */
    static final int CAPACITY = 10_000;

    /** What was asked: the endpoint, the organisation, the parameters, and the versions in the ETag. */
    public record Key(String endpoint, String organisationId, Object parameters, String versions) {
    }

    private final Cache<Key, Object> answers = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    /**
     * The answer to the key, computed when it is not cached. Two requests asking the same new question at once may
     * both compute it (the answers are equal); the computation, which reads the database, never runs inside the
     * cache's own locks.
     */
    public Object answer(Key key, Supplier<Object> compute) {
        Object cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Object computed = compute.get();
        answers.put(key, computed);
        return computed;
    }

    /** Runs the cache's pending upkeep (eviction) now; tests use it to see the bound. */
    void cleanUp() {
        answers.cleanUp();
    }

    long size() {
        return answers.estimatedSize();
    }
}
