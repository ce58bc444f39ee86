package io.vocmonitor.dashboard.listener;

import io.vocmonitor.dashboard.service.ScoreUpdates;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.UnreadableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Receives {@code voc.score-updates} (every instance with its own consumer group) and passes them to the streams.
 * The one consumer outside the {@code FailurePolicy}: a notice is a hint with no database work to wait for, and
 * every instance reads every notice, so an unreadable one is logged and skipped rather than parked once per
 * instance; the score versions in the database stay the truth.
 */
@ApplicationScoped
public class ScoreUpdateListener {

    public static final String CHANNEL = "score-updates";

    private static final Logger LOG = Logger.getLogger(ScoreUpdateListener.class);

    private final ScoreUpdates updates;

    public ScoreUpdateListener(ScoreUpdates updates) {
        this.updates = updates;
    }

    @Incoming(CHANNEL)
    public void receive(String value) {
        try {
            updates.publish(EventCodec.decodeScoreUpdate(value));
        } catch (UnreadableEventException e) {
            LOG.warnf("ignoring an unreadable score update: %s", e.getMessage());
        }
    }
}
