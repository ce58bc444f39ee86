package io.vocmonitor.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the dashboard-service; defaults work for {@code ./voc up}. */
@ConfigMapping(prefix = "voc")
public interface DashboardConfig {

    /** The admin bearer token ({@code VOC_ADMIN_TOKEN}), which reads every organisation. */
    Optional<String> adminToken();

    /** Fewer responses than this in a selection and only counts are shown (SPEC §4). */
    @WithDefault("5")
    int minimumSampleSize();

    /** Interval of the keep-alive comment on score streams. */
    @WithDefault("15s")
    Duration streamHeartbeat();
}
