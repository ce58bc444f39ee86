package io.vocmonitor.survey.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes response events to {@code voc.responses}, keyed by organisation, and completes only when the
 * broker has acknowledged them (acks=all); fails with 503 when the broker cannot take them in time.
 */
@ApplicationScoped
public class ResponsePublisher {

    /** The outgoing channel bound to {@code voc.responses}. */
    public static final String CHANNEL = "responses";

    private static final Logger LOG = Logger.getLogger(ResponsePublisher.class);

    private final MutinyEmitter<String> emitter;
    private final SurveyConfig config;

    public ResponsePublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<String> emitter, SurveyConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public Uni<Void> publish(ResponseEvent event) {
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.organisationId()).build());
        Uni<Void> sent;
        try {
            sent = emitter.sendMessage(message);
        } catch (RuntimeException e) {
            // the emitter refuses at once when its buffer is full
            return Uni.createFrom().failure(unavailable(event, e));
        }
        return sent
                .ifNoItem().after(config.publishTimeout()).failWith(() -> unavailable(event, null))
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> unavailable(event, e));
    }

    private static ProblemException unavailable(ResponseEvent event, Throwable cause) {
        LOG.warnf("response %s not acknowledged by the broker: %s", event.responseId(),
                cause == null ? "timed out" : cause.toString());
        return ProblemException.brokerUnavailable(
                "the event broker did not acknowledge the response; nothing was stored, try again");
    }
}
