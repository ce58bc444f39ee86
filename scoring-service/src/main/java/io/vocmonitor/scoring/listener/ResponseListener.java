package io.vocmonitor.scoring.listener;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.UnreadableEventException;
import io.vocmonitor.scoring.service.AlertRelay;
import io.vocmonitor.scoring.service.BatchOutcome;
import io.vocmonitor.scoring.service.DeadLetters;
import io.vocmonitor.scoring.service.ReceivedEvent;
import io.vocmonitor.scoring.service.ScoreUpdatePublisher;
import io.vocmonitor.scoring.service.ScoringMetrics;
import io.vocmonitor.scoring.service.ScoringService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code voc.responses} in batches. Unreadable records go to the dead-letter topic; the rest are
 * applied in one database transaction; the batch's offsets are committed only after that transaction (the
 * method returning acknowledges the batch). Score-update notices and queued alerts are published after it.
 *
 * <p>A database that is unavailable is waited for, with backoff, rather than skipping records. A batch that
 * fails for another reason is applied again record by record, and a record that fails on its own is parked
 * in the dead-letter topic, so one bad record cannot block its partition.
 */
@ApplicationScoped
public class ResponseListener {

    public static final String CHANNEL = "responses";

    private static final Logger LOG = Logger.getLogger(ResponseListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** A record with its decoded event. */
    private record Decoded(ConsumerRecord<String, String> record, ResponseEvent event) {
        ReceivedEvent<ResponseEvent> received() {
            return new ReceivedEvent<>(event, record.value());
        }
    }

    private final ScoringService scoring;
    private final DeadLetters deadLetters;
    private final ScoreUpdatePublisher scoreUpdates;
    private final ScoringMetrics metrics;
    private final AlertRelay alertRelay;

    public ResponseListener(ScoringService scoring, DeadLetters deadLetters, ScoreUpdatePublisher scoreUpdates,
            ScoringMetrics metrics, AlertRelay alertRelay) {
        this.scoring = scoring;
        this.deadLetters = deadLetters;
        this.scoreUpdates = scoreUpdates;
        this.metrics = metrics;
        this.alertRelay = alertRelay;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<Decoded> decoded = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                decoded.add(new Decoded(record, EventCodec.decodeResponseEvent(record.value())));
            } catch (UnreadableEventException e) {
                deadLetters.park(record, e);
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        BatchOutcome outcome;
        try {
            outcome = applyPatiently(decoded.stream().map(Decoded::received).toList());
        } catch (Exception e) {
            LOG.warnf("a batch of %d failed (%s); applying its records one by one", decoded.size(), e.toString());
            outcome = BatchOutcome.NOTHING;
            for (Decoded one : decoded) {
                try {
                    outcome = outcome.plus(applyPatiently(List.of(one.received())));
                } catch (Exception failure) {
                    deadLetters.park(one.record(), new UnreadableEventException("unprocessable",
                            "could not be applied: " + failure, failure));
                }
            }
        }
        metrics.batch(records.count(), outcome, Instant.now());
        scoreUpdates.announce(outcome.updates());
        if (outcome.alerts() > 0) {
            alertRelay.publishPendingSoon();
        }
    }

    /** Applies the events in one transaction, waiting out transient database failures. */
    private BatchOutcome applyPatiently(List<ReceivedEvent<ResponseEvent>> events)
            throws InterruptedException, SQLException {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return scoring.apply(events);
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("database unavailable (%s); retrying the batch of %d in %d ms", e.getMessage(),
                        events.size(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Connection loss, server shutdown, resource shortage, serialization conflicts: worth waiting for. */
    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException) {
            return true;
        }
        String state = e.getSQLState();
        return state == null
                || state.startsWith("08") // connection exception
                || state.startsWith("40") // transaction rollback: serialization failure, deadlock
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57"); // operator intervention: admin shutdown, cannot connect now
    }
}
