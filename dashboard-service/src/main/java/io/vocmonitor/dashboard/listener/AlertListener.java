package io.vocmonitor.dashboard.listener;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.messaging.DeadLetters;
import io.vocmonitor.dashboard.store.AlertInbox;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.runtime.consumer.FailurePolicy;
import io.vocmonitor.runtime.consumer.Patience;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Fills the alert inbox from {@code voc.alerts}, a batch of records at a time in one transaction; the offsets
 * move on only once the batch is stored or parked. Failures follow the platform's one {@link FailurePolicy}, as
 * for responses: a database outage is waited out, so no alert is skipped; an alert that cannot be read or stored
 * goes to {@code voc.alerts.dlq} with its reason, so it cannot block its partition.
 */
@ApplicationScoped
public class AlertListener {

    public static final String CHANNEL = "alerts";

    private final AlertInbox inbox;
    private final FailurePolicy policy;

    public AlertListener(AlertInbox inbox, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.policy = new FailurePolicy(deadLetters, new Patience());
    }

    @Incoming(CHANNEL)
    @Blocking
    public void receive(ConsumerRecords<String, String> records) throws InterruptedException {
        policy.<AlertEvent, Integer>consume(records, EventCodec::decodeAlertEvent, events -> {
            inbox.apply(events.stream().map(FailurePolicy.Decoded::event).toList());
            return events.size();
        });
    }
}
