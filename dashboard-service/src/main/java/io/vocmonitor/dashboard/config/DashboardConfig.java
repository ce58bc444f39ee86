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

    /** Webhooks: where they may go, how many, how long deliveries are tried. */
    Webhook webhook();

    /** Settings of webhooks ({@code voc.webhook.*}, from the {@code VOC_WEBHOOK_*} variables). */
    interface Webhook {

        /** Plain http URLs too (for local receivers); https only by default. */
        @WithDefault("false")
        boolean allowHttp();

        /** {@code host:port} entries that may be delivered to although they resolve to non-public addresses. */
        Optional<String> allowedHosts();

        /** Most subscriptions an organisation may have. */
        @WithDefault("10")
        int maxPerOrganisation();

        /**
         * The key that encrypts the signing secrets in the database (any string of 32 characters or more; the AES
         * key is derived from it). Without it, no subscription can be made.
         */
        Optional<String> secretKey();

        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a receiver may take to answer one delivery. */
        @WithDefault("10s")
        Duration readTimeout();

        /** How long a delivery is retried before it is given up. */
        @WithDefault("24h")
        Duration retryFor();

        /** How long a replaced signing secret still signs, beside the new one. */
        @WithDefault("24h")
        Duration previousSecretFor();

        /** The first retry's delay; each next one doubles it (at most an hour), with jitter. */
        @WithDefault("5s")
        Duration retryBase();

        /**
         * How much longer than the connect and read timeouts a sender's claim on a delivery lasts: after a crash, the
         * delivery is made again once the claim has run out.
         */
        @WithDefault("30s")
        Duration leaseMargin();

        /** How often the queue is looked at for deliveries that are due. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Failed deliveries in a row after which a subscription is paused. */
        @WithDefault("20")
        int pauseAfterFailures();

        /** The dashboard's address as receivers' users open it, for links in payloads. */
        @WithDefault("http://127.0.0.1:8083")
        String dashboardUrl();
    }
}
