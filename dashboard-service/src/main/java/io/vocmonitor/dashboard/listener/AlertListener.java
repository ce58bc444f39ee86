package io.vocmonitor.dashboard.listener;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.service.AlertInbox;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.UnreadableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Fills the alert inbox from {@code voc.alerts}; the offset moves on only after the row is written. */
@ApplicationScoped
public class AlertListener {

    public static final String CHANNEL = "alerts";

    private static final Logger LOG = Logger.getLogger(AlertListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final AlertInbox inbox;

    public AlertListener(AlertInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void receive(String value) throws InterruptedException {
        AlertEvent event;
        try {
            event = EventCodec.decodeAlertEvent(value);
        } catch (UnreadableEventException e) {
            LOG.warnf("skipping an unreadable alert record: %s", e.getMessage());
            return;
        }
        // a database outage is waited out: skipping the record would lose the alert
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                if (event instanceof AlertRaised raised) {
                    inbox.store(raised);
                } else if (event instanceof AlertWithdrawn withdrawn) {
                    inbox.withdraw(withdrawn);
                }
                return;
            } catch (SQLException e) {
                LOG.warnf("alert %s not stored yet (%s); retrying in %d ms", event.alertId(), e.getMessage(),
                        backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
