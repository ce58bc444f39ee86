package io.vocmonitor.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recent answers, keyed by what was asked and the score versions they were computed at. A change of scores
 * bumps the version, so a cached answer is never stale: it is simply no longer asked for, and falls out when
 * the least recently used entries make room. Dashboards poll the same questions again and again; between two
 * changes, each is computed once.
 */
@ApplicationScoped
public class AnswerCache {

    /** Most answers kept; a few kilobytes each. */
    static final int CAPACITY = 10_000;

    /** What was asked: the endpoint, the organisation, the parameters, and the versions in the ETag. */
    public record Key(String endpoint, String organisationId, Object parameters, String versions) {
    }

    private final Map<Key, Object> answers = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CAPACITY;
        }
    });

    /** The answer to the key, computed when it is not cached. */
    public Object answer(Key key, Supplier<Object> compute) {
        Object cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        Object computed = compute.get();
        answers.put(key, computed);
        return computed;
    }
}
