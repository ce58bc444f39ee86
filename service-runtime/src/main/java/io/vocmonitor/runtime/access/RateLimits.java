package io.vocmonitor.runtime.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The per-key request budget of one service instance ({@code voc.rate-limit.*}); the admin token is not limited. */
@ConfigMapping(prefix = "voc.rate-limit")
public interface RateLimits {

    /** Sustained requests per second per key. */
    @WithDefault("100")
    double perSecond();

    /** Requests a key may make at once after being idle. */
    @WithDefault("500")
    int burst();
}
