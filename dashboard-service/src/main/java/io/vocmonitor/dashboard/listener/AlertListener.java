package io.vocmonitor.dashboard.listener;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.service.AlertInbox;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.UnreadableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Fills the alert inbox from {@code voc.alerts}, a batch of records at a time in one transaction; the offsets
 * move on only after it is committed.
 */
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
    public void receive(List<String> values) throws InterruptedException {
        List<AlertEvent> events = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                events.add(EventCodec.decodeAlertEvent(value));
            } catch (UnreadableEventException e) {
                LOG.warnf("skipping an unreadable alert record: %s", e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // a database outage is waited out: skipping the records would lose the alerts
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                inbox.apply(events);
                return;
            } catch (SQLException e) {
                LOG.warnf("%d alerts not stored yet (%s); retrying in %d ms", events.size(), e.getMessage(),
                        backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
