package io.vocmonitor.dashboard.listener;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.messaging.DeadLetters;
import io.vocmonitor.dashboard.webhook.WebhookEvents;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.runtime.consumer.FailurePolicy;
import io.vocmonitor.runtime.consumer.Patience;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Queues the scores.changed webhooks from {@code voc.score-updates}: one consumer group for all dashboard instances
 * (each notice is queued once), a batch at a time in one transaction, the offsets moving on only once it is queued.
 * Failures follow the platform's {@link FailurePolicy}: a database outage is waited out.
 */
@ApplicationScoped
public class ScoreChangeWebhookListener {

    public static final String CHANNEL = "score-updates-webhooks";

    private final AgroalDataSource dataSource;
    private final WebhookEvents webhooks;
    private final FailurePolicy policy;

    public ScoreChangeWebhookListener(AgroalDataSource dataSource, WebhookEvents webhooks, DeadLetters deadLetters) {
        this.dataSource = dataSource;
        this.webhooks = webhooks;
        this.policy = new FailurePolicy(deadLetters, new Patience());
    }

    @Incoming(CHANNEL)
    @Blocking
    public void receive(ConsumerRecords<String, String> records) throws InterruptedException {
        policy.<ScoreUpdate, Integer>consume(records, EventCodec::decodeScoreUpdate, updates -> {
            List<ScoreUpdate> notices = updates.stream().map(FailurePolicy.Decoded::event).toList();
            try (Connection c = dataSource.getConnection()) {
                webhooks.scoresChanged(c, notices);
            }
            return notices.size();
        });
    }
}
