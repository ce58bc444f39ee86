package io.vocmonitor.scoring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.testing.VocInfrastructure;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbox is published by one relay at a time: a second one waits, and never publishes the same alerts. */
@QuarkusTest
@TestProfile(AlertOutboxTest.NoSweep.class)
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_scoring"))
class AlertOutboxTest {

    /** Only the test publishes: the relay's sweep stays off. */
    public static class NoSweep implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    AlertOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSecondPublisherWaitsForTheFirstAndFindsItsAlertsGone() throws Exception {
        List<AlertEvent> queued = enqueue(3);
        List<UUID> first = new CopyOnWriteArrayList<>();
        List<UUID> second = new CopyOnWriteArrayList<>();
        CountDownLatch firstPublishing = new CountDownLatch(1);
        CountDownLatch brokerAcknowledges = new CountDownLatch(1);

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> publish(first, alerts -> {
            firstPublishing.countDown();
            brokerAcknowledges.await(30, TimeUnit.SECONDS);
        }));
        assertThat(firstPublishing.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> publish(second, alerts -> { }));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !two.isDone());
        brokerAcknowledges.countDown();
        one.get(30, TimeUnit.SECONDS);
        two.get(30, TimeUnit.SECONDS);

        assertThat(first).containsExactlyElementsOf(queued.stream().map(AlertEvent::alertId).toList());
        assertThat(second).as("nothing published twice").isEmpty();

        List<AlertEvent> later = enqueue(2);
        publish(second, alerts -> { });
        assertThat(second).containsExactlyElementsOf(later.stream().map(AlertEvent::alertId).toList());
    }

    /** A publisher that records what it was handed, in order, once it returns. */
    private interface Step {
        void run(List<AlertOutbox.Pending> alerts) throws Exception;
    }

    private void publish(List<UUID> published, Step step) {
        try {
            outbox.publishOldest(500, alerts -> {
                step.run(alerts);
                alerts.forEach(a -> published.add(UUID.fromString(a.payload().replaceAll(".*\"alertId\":\"([^\"]+)\".*", "$1"))));
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AlertEvent> enqueue(int count) {
        List<AlertEvent> alerts = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> (AlertEvent) AlertWithdrawn.of(UUID.randomUUID(), "outbox-org", Instant.now()))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                outbox.enqueue(c, alerts);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return alerts;
    }
}
