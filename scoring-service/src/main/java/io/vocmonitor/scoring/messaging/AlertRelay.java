package io.vocmonitor.scoring.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vocmonitor.events.AlertKind;
import io.vocmonitor.scoring.metrics.ScoringMetrics;
import io.vocmonitor.scoring.store.AlertOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the {@link AlertOutbox} to {@code voc.alerts}: right after each batch that queued alerts, off the
 * consumer's thread so that it goes on with the next batch meanwhile, and every few seconds for whatever a broker
 * outage or a crash left behind.
 */
@ApplicationScoped
public class AlertRelay {

    public static final String CHANNEL = "alerts";

    private static final Logger LOG = Logger.getLogger(AlertRelay.class);
    private static final int CHUNK = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final ThreadContext WITHOUT_TRANSACTION = ThreadContext.builder()
            .cleared(ThreadContext.TRANSACTION).propagated(ThreadContext.ALL_REMAINING).unchanged().build();

    private final AlertOutbox outbox;
    private final MutinyEmitter<String> emitter;
    private final ScoringMetrics metrics;

    public AlertRelay(AlertOutbox outbox, @Channel(CHANNEL) MutinyEmitter<String> emitter, ScoringMetrics metrics) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /**
     * Has the pending alerts published soon, without waiting for it. One run at a time, and one more waiting: a
     * request while one waits is refused, because the waiting run will publish what it asks for.
     */
    @Asynchronous
    @Bulkhead(value = 1, waitingTaskQueue = 1)
    public CompletionStage<Void> publishPendingSoon() {
        publishPending();
        return CompletableFuture.completedFuture(null);
    }

    @Scheduled(every = "${voc.alerts.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        publishPendingSoon();
    }

    /** Publishes every pending alert, oldest first; what fails stays pending for the next run. */
    void publishPending() {
        try {
            List<AlertOutbox.Pending> published;
            do {
                published = outbox.publishOldest(CHUNK, this::send);
                published.stream().filter(a -> a.kind() != null)
                        .forEach(a -> metrics.alertEmitted(AlertKind.valueOf(a.kind())));
            } while (published.size() == CHUNK); // more may be waiting
        } catch (Exception e) {
            LOG.warnf("alerts not published yet, will retry: %s", e.toString());
        }
    }

    /**
     * Sends and waits for the acknowledgements with the outbox's transaction suspended: the broker's callbacks run
     * on the producer's thread, and a transaction propagated to them would be active on two threads when the outbox
     * commits, which the transaction manager refuses.
     */
    private void send(List<AlertOutbox.Pending> alerts) {
        WITHOUT_TRANSACTION.contextualRunnable(() -> {
            List<Uni<Void>> acks = new ArrayList<>(alerts.size());
            for (AlertOutbox.Pending alert : alerts) {
                acks.add(emitter.sendMessage(Message.of(alert.payload()).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.organisationId()).build())));
            }
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        }).run();
    }
}
