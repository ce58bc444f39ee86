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

    Privacy privacy();

    Directory directory();

    RateLimit rateLimit();

    Limits limits();

    /** How personal data is kept. */
    interface Privacy {
        /**
         * The secret of the keyed hash that pseudonymises respondentRef ({@code VOC_PSEUDONYM_KEY}, at least
         * 32 characters). Keep it stable: a new key gives the same respondent a new pseudonym.
         */
        String pseudonymKey();
    }

    /** The in-memory copy of keys and organisations the ingest path uses. */
    interface Directory {
        /** How long a key or organisation is used without asking the database again. */
        @WithDefault("5s")
        Duration freshFor();

        /** How long a known entry is still used while the database does not answer. */
        @WithDefault("10m")
        Duration usableFor();
    }

    /** Requests per API key; the admin token is not limited. */
    interface RateLimit {
        /** Sustained requests per second per key. */
        @WithDefault("100")
        double perSecond();

        /** Requests a key may make at once after being idle. */
        @WithDefault("500")
        int burst();
    }

    /** Body sizes, refused with 413 when a request announces more. */
    interface Limits {
        /** Largest JSON body: one response or a batch. */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize jsonBody();

        /** Largest CSV import. */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize csvBody();
    }
}
