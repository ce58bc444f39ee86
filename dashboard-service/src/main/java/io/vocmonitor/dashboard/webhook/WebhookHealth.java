package io.vocmonitor.dashboard.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.vocmonitor.runtime.Daemons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Looks after the subscriptions every {@value #EVERY_SECONDS} s. Which are failing, for the operators: one
 * {@code voc_webhook_subscription_failures{organisation, webhook, paused}} series per subscription whose last delivery
 * failed or that is paused, valued at its failed deliveries in a row. A subscription that delivers has no series, so
 * the number of series stays that of the failing ones; the alert rule VocWebhookSubscriptionFailing watches them. And
 * replaced secrets whose time to sign is over are forgotten.
 */
@ApplicationScoped
public class WebhookHealth {

    static final int EVERY_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(WebhookHealth.class);

    private final WebhookStore store;
    private final MultiGauge failures;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("webhook-health"));

    public WebhookHealth(WebhookStore store, MeterRegistry registry) {
        this.store = store;
        this.failures = MultiGauge.builder("voc.webhook.subscription.failures")
                .description("Failed deliveries in a row of each webhook subscription that is failing or paused "
                        + "(a subscription that delivers has no series)")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer.scheduleWithFixedDelay(this::measure, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Looks at the subscriptions now; while the database does not answer, the last look stands. */
    public void measure() {
        try {
            failures.register(store.failing().stream()
                    .<MultiGauge.Row<?>>map(failing -> MultiGauge.Row.of(Tags.of("organisation", failing.organisationId(),
                            "webhook", failing.webhookId().toString(), "paused", Boolean.toString(failing.paused())),
                            failing.consecutiveFailures()))
                    .toList(), true);
            store.forgetPreviousSecrets();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("cannot look at the webhook subscriptions now: %s", e.getMessage());
        }
    }
}
