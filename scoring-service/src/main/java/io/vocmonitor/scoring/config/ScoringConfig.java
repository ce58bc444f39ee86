package io.vocmonitor.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the scoring-service; defaults work for {@code ./voc up}. */
@ConfigMapping(prefix = "voc")
public interface ScoringConfig {

    Touchpoints touchpoints();

    Alerts alerts();

    /** Touchpoints as a bucket dimension. */
    interface Touchpoints {
        /** Distinct touchpoint labels per organisation; responses with new labels past this count as "other". */
        @WithDefault("200")
        int maxPerOrganisation();
    }

    /** The alert outbox. */
    interface Alerts {
        /** How often alerts left behind by a failed publication are tried again; the relay's schedule reads it. */
        @WithDefault("5s")
        Duration sweepInterval();
    }
}
