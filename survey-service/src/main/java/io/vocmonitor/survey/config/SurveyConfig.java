package io.vocmonitor.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the survey-service; defaults work for {@code ./voc up}. */
@ConfigMapping(prefix = "voc")
public interface SurveyConfig {

    /** The admin bearer token ({@code VOC_ADMIN_TOKEN}); without it, admin endpoints refuse every caller. */
    Optional<String> adminToken();

    /** Longest wait for the broker's acknowledgement before a response is refused with 503. */
    @WithDefault("5s")
    Duration publishTimeout();

    /** How far in the future {@code answeredAt} may lie, for clock skew between systems. */
    @WithDefault("5m")
    Duration maxClockSkew();
}
