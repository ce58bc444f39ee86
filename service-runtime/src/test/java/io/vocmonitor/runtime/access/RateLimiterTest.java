package io.vocmonitor.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket against a clock the test moves by hand. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void aKeyMayBurstThenWaitsForTheRefill() {
        limiter.acquire("a");
        limiter.acquire("a");
        limiter.acquire("a");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOfSatisfying(RateLimited.class,
                refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));

        advance(499);
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimited.class);
        advance(1); // two tokens a second: the next one is there after 500 ms
        limiter.acquire("a");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimited.class);
    }

    @Test
    void keysHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("busy");
        }
        assertThatThrownBy(() -> limiter.acquire("busy")).isInstanceOf(RateLimited.class);
        limiter.acquire("quiet");
    }

    @Test
    void anIdleKeyGetsNoMoreThanItsBurst() {
        advance(3_600_000);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimited.class);
    }

    @Test
    void retryAfterCountsWholeSecondsUntilTheNextToken() {
        RateLimiter slow = new RateLimiter(0.1, 1, now::get);
        slow.acquire("a");
        assertThatThrownBy(() -> slow.acquire("a")).isInstanceOfSatisfying(RateLimited.class,
                refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(10));
        advance(2_500);
        assertThatThrownBy(() -> slow.acquire("a")).isInstanceOfSatisfying(RateLimited.class,
                refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(8));
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
