package io.vocmonitor.dashboard.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.runtime.Daemons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the queued webhook deliveries, off every request and consumer thread: a loop claims the due ones (a lease,
 * so that several dashboard instances share the queue and a crashed one's claims expire), checks the address anew,
 * signs (Standard Webhooks) and posts each, and records the outcome. 2xx is delivered; anything else — another
 * status, a redirect (never followed), a timeout, a refused address — is retried with exponential backoff and
 * jitter until {@code voc.webhook.retry-for} has passed since the event, and a subscription that fails
 * {@code pause-after-failures} times in a row is paused with the reason.
 */
@ApplicationScoped
public class WebhookSender {

    /** How many deliveries one look at the queue claims. */
    static final int BATCH = 16;
    /** At most this much of a receiver's answer is kept in the delivery log. */
    static final int EXCERPT = 256;
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookStore store;
    private final Webhooks webhooks;
    private final DashboardConfig.Webhook config;
    private final HttpClient http;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("webhook-queue"));
    private final ExecutorService senders = Executors.newFixedThreadPool(4, Daemons.named("webhook-sender"));
    private final Map<String, Counter> outcomes;
    private final Timer latency;
    private volatile boolean queueUnavailable;

    public WebhookSender(WebhookStore store, Webhooks webhooks, DashboardConfig config, MeterRegistry registry) {
        this.store = store;
        this.webhooks = webhooks;
        this.config = config.webhook();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.connectTimeout()).build();
        this.outcomes = Map.of("delivered", outcome(registry, "delivered"), "retry", outcome(registry, "retry"),
                "failed", outcome(registry, "failed"), "refused", outcome(registry, "refused"));
        this.latency = Timer.builder("voc.webhook.delivery")
                .description("Time from a webhook event to its delivery (2xx), retries included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(24))
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        long every = config.pollInterval().toMillis();
        loop.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        loop.shutdownNow();
        senders.shutdownNow();
    }

    /** Claims what is due and sends it, until nothing is. */
    void sendDue() {
        try {
            List<WebhookStore.Due> due;
            do {
                due = store.claim(BATCH, lease());
                List<Future<?>> sending = new ArrayList<>();
                for (WebhookStore.Due delivery : due) {
                    sending.add(senders.submit(() -> deliver(delivery)));
                }
                for (Future<?> each : sending) {
                    each.get();
                }
            } while (due.size() == BATCH);
            if (queueUnavailable) {
                LOG.info("the webhook queue is readable again");
                queueUnavailable = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!queueUnavailable) {
                LOG.warnf("the webhook queue cannot be read; deliveries wait: %s", e.getMessage());
                queueUnavailable = true;
            }
        }
    }

    /** One attempt of one delivery, its outcome recorded. */
    void deliver(WebhookStore.Due delivery) {
        long started = System.nanoTime();
        try {
            URI target;
            try {
                target = webhooks.policy().check(delivery.url());
            } catch (AddressPolicy.Refused refused) {
                fail(delivery, null, started, "refused: " + refused.getMessage(), null, "refused");
                return;
            }
            long timestamp = Instant.now().getEpochSecond();
            String id = delivery.id().toString();
            // after a new secret, the replaced one signs beside it for a while: receivers switch without refusals
            List<String> secrets = new ArrayList<>(List.of(webhooks.box().open(delivery.sealedSecret())));
            if (delivery.sealedPreviousSecret() != null) {
                secrets.add(webhooks.box().open(delivery.sealedPreviousSecret()));
            }
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(config.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "VoC-Monitor-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(secrets, id, timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> answer;
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                fail(delivery, null, started, "timed out after " + config.readTimeout().toSeconds() + " s", null, null);
                return;
            } catch (IOException e) {
                fail(delivery, null, started, "could not connect or send: " + describe(e), null, null);
                return;
            }
            String excerpt = excerpt(answer.body());
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                store.delivered(delivery, status, millis(started), excerpt);
                outcomes.get("delivered").increment();
                latency.record(Duration.between(delivery.createdAt(), Instant.now()));
            } else {
                fail(delivery, status, started, status >= 300 && status < 400
                        ? "HTTP " + status + ": redirects are not followed" : "HTTP " + status, excerpt, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            // the outcome could not be recorded: the lease expires and the delivery is made again, same id
            LOG.warnf("delivery %s: %s", delivery.id(), e.toString());
        }
    }

    private void fail(WebhookStore.Due delivery, Integer status, long started, String error, String excerpt,
            String outcome) throws SQLException {
        Instant giveUp = delivery.createdAt().plus(config.retryFor());
        Instant retryAt = Instant.now().plus(backoff(delivery.attempt()));
        boolean last = retryAt.isAfter(giveUp);
        boolean paused = store.failed(delivery, status, millis(started), error, excerpt, last ? null : retryAt,
                config.pauseAfterFailures());
        outcomes.get(outcome != null ? outcome : last ? "failed" : "retry").increment();
        if (paused) {
            LOG.warnf("webhook %s of %s paused after %d failed deliveries in a row; the last: %s", delivery.webhookId(),
                    delivery.organisationId(), config.pauseAfterFailures(), error);
        }
    }

    /** The delay before attempt {@code attempt + 1}: the base doubled per attempt, at most an hour, 50–100 % of it. */
    Duration backoff(int attempt) {
        long base = config.retryBase().toMillis();
        long doubled = base << Math.min(attempt - 1, 20);
        long capped = Math.min(doubled, LONGEST_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private Duration lease() {
        return config.connectTimeout().plus(config.readTimeout()).plus(config.leaseMargin());
    }

    private static String excerpt(InputStream body) {
        try (InputStream in = body) {
            byte[] start = in.readNBytes(EXCERPT * 4);
            String text = new String(start, StandardCharsets.UTF_8);
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The exception's kind and the first message along its causes ("ConnectException: Connection refused"); a
     * ConnectException without one is said to be refused or unreachable.
     */
    static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && !message.equals(String.valueOf(cause.getCause()))) {
                return e.getClass().getSimpleName() + ": " + message;
            }
        }
        // the HTTP client says no more than this when the receiver's port or host does not take the connection
        return e.getClass().getSimpleName() + (e instanceof ConnectException ? ": refused or unreachable" : "");
    }

    private static int millis(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("voc.webhook.deliveries")
                .description("Webhook delivery attempts by outcome: delivered (2xx), retry (failed, tried again), "
                        + "failed (given up after the retry period), refused (the address is not allowed)")
                .tag("outcome", outcome)
                .register(registry);
    }
}
