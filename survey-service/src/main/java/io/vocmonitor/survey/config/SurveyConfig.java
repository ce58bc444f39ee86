package io.vocmonitor.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
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

    Limits limits();

    Links links();

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
        /** Age after which a known key or organisation is reloaded from the database, in the background. */
        @WithDefault("5s")
        Duration freshFor();

        /** How long a known entry is still used while it cannot be reloaded (the database does not answer). */
        @WithDefault("10m")
        Duration usableFor();
    }

    /** Questionnaire links and the hosted form. */
    interface Links {
        /**
         * The address respondents reach the survey-service at, for the links' URLs ({@code VOC_PUBLIC_URL}, e.g.
         * https://survey.example.org); without it, the address the link was asked for at.
         */
        Optional<String> publicUrl();

        /** A link's lifetime when its request names no expiry. */
        @WithDefault("30d")
        Duration defaultLifetime();

        /** The longest lifetime a link may be given. */
        @WithDefault("366d")
        Duration maxLifetime();

        /** Submissions and form loads per second one link may make on average… */
        @WithDefault("2")
        double perSecond();

        /** …and at once: a room full of employees opening the link after a meeting. */
        @WithDefault("60")
        int burst();
    }

    /** Body sizes, refused with 413 when a request announces more. */
    interface Limits {
        /** Largest JSON body: one response or a batch. */
        @WithDefault("1M")
        MemorySize jsonBody();

        /** Largest CSV import. */
        @WithDefault("10M")
        MemorySize csvBody();
    }
}
