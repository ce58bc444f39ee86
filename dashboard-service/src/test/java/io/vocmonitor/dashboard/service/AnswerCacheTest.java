package io.vocmonitor.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private final AnswerCache cache = new AnswerCache();
    private final AtomicInteger computed = new AtomicInteger();

    private Object answer(String organisation, String versions) {
        return cache.answer(new AnswerCache.Key("serviceproof", organisation, Selection.ALL, versions),
                () -> organisation + "@" + versions + "#" + computed.incrementAndGet());
    }

    @Test
    void theSameQuestionAtTheSameVersionsIsComputedOnce() {
        assertThat(answer("acme", "sp1.m5")).isEqualTo("acme@sp1.m5#1");
        assertThat(answer("acme", "sp1.m5")).isEqualTo("acme@sp1.m5#1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void newVersionsAreComputedAfresh() {
        answer("acme", "sp1.m5");
        assertThat(answer("acme", "sp2.m5")).isEqualTo("acme@sp2.m5#2");
        assertThat(answer("other", "sp2.m5")).isEqualTo("other@sp2.m5#3");
    }

    @Test
    void theCacheStaysWithinItsBoundAndKeepsTheQuestionsPolledMost() {
        // a busy cache: full of answers asked once, and one question a dashboard keeps polling
        for (int i = 0; i < AnswerCache.CAPACITY; i++) {
            answer("warm-" + i, "sp1.m5");
        }
        cache.cleanUp();
        for (int i = 0; i < 20; i++) {
            answer("polled", "sp1.m5");
        }
        cache.cleanUp();
        for (int i = 0; i < 2 * AnswerCache.CAPACITY; i++) {
            answer("once-" + i, "sp1.m5");
            cache.cleanUp();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(AnswerCache.CAPACITY);

        int before = computed.get();
        answer("polled", "sp1.m5");
        assertThat(computed).as("a dashboard's poll outlives a flood of one-off questions").hasValue(before);
    }
}
