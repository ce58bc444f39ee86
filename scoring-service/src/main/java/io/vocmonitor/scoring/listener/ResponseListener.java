package io.vocmonitor.scoring.listener;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.runtime.consumer.FailurePolicy;
import io.vocmonitor.runtime.consumer.Patience;
import io.vocmonitor.scoring.messaging.AlertRelay;
import io.vocmonitor.scoring.messaging.DeadLetters;
import io.vocmonitor.scoring.messaging.ScoreUpdatePublisher;
import io.vocmonitor.scoring.metrics.ScoringMetrics;
import io.vocmonitor.scoring.service.BatchOutcome;
import io.vocmonitor.scoring.service.ReceivedEvent;
import io.vocmonitor.scoring.service.ScoringService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code voc.responses} in batches and applies each batch in one database transaction
 * ({@link ScoringService}); the batch's offsets are committed only once it is applied or parked (the method
 * returning acknowledges the batch). Failures follow the platform's one {@link FailurePolicy}: a database that is
 * unavailable is waited for, unreadable or unprocessable records go to {@code voc.responses.dlq}. Score-update
 * notices and queued alerts are published after the transaction.
 */
@ApplicationScoped
public class ResponseListener {

    public static final String CHANNEL = "responses";

    private final ScoringService scoring;
    private final FailurePolicy policy;
    private final ScoreUpdatePublisher scoreUpdates;
    private final ScoringMetrics metrics;
    private final AlertRelay alertRelay;

    public ResponseListener(ScoringService scoring, DeadLetters deadLetters, ScoreUpdatePublisher scoreUpdates,
            ScoringMetrics metrics, AlertRelay alertRelay) {
        this.scoring = scoring;
        this.policy = new FailurePolicy(deadLetters, new Patience());
        this.scoreUpdates = scoreUpdates;
        this.metrics = metrics;
        this.alertRelay = alertRelay;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        BatchOutcome outcome = policy.<ResponseEvent, BatchOutcome>consume(records, EventCodec::decodeResponseEvent,
                        events -> scoring.apply(events.stream()
                                .map(e -> new ReceivedEvent<>(e.event(), e.record().value())).toList()))
                .stream().reduce(BatchOutcome.NOTHING, BatchOutcome::plus);
        metrics.batch(records.count(), outcome, Instant.now());
        scoreUpdates.announce(outcome.updates());
        if (outcome.alerts() > 0) {
            alertRelay.publishPendingSoon();
        }
    }
}
