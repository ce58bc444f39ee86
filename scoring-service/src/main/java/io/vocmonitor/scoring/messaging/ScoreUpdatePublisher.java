package io.vocmonitor.scoring.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ScoreUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Announces committed score changes on {@code voc.score-updates}. A notice is a hint for pushing and caching;
 * the version in the database stays the truth, so a notice lost to a broker outage delays a push but never
 * leaves a stale score.
 */
@ApplicationScoped
public class ScoreUpdatePublisher {

    public static final String CHANNEL = "score-updates";

    private static final Logger LOG = Logger.getLogger(ScoreUpdatePublisher.class);

    private final MutinyEmitter<String> emitter;

    public ScoreUpdatePublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void announce(List<ScoreUpdate> updates) {
        for (ScoreUpdate update : updates) {
            Message<String> message = Message.of(EventCodec.encode(update))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(update.organisationId()).build());
            emitter.sendMessage(message).subscribe().with(
                    ignored -> { },
                    failure -> LOG.warnf("score update of %s not announced: %s", update.organisationId(), failure));
        }
    }
}
