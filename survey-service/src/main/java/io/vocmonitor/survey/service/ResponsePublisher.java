package io.vocmonitor.survey.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes response events to {@code voc.responses}, keyed by organisation, and completes only when the
 * broker has acknowledged them (acks=all); fails with 503 when the broker cannot take them in time, or at
 * once while the {@link BrokerGate} knows it is down.
 */
@ApplicationScoped
public class ResponsePublisher {

    /** The outgoing channel bound to {@code voc.responses}. */
    public static final String CHANNEL = "responses";

    private static final Logger LOG = Logger.getLogger(ResponsePublisher.class);

    private final MutinyEmitter<String> emitter;
    private final SurveyConfig config;
    private final BrokerGate gate;

    public ResponsePublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<String> emitter, SurveyConfig config, BrokerGate gate) {
        this.emitter = emitter;
        this.config = config;
        this.gate = gate;
    }

    public Uni<Void> publish(ResponseEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Hands every event to the producer before any acknowledgement is awaited, so they travel together; one
     * outcome per event. Throws 503 at once while the broker is known to be down.
     */
    public List<Uni<Void>> publishAll(List<? extends ResponseEvent> events) {
        gate.admit();
        List<Uni<Void>> outcomes = new ArrayList<>(events.size());
        for (ResponseEvent event : events) {
            outcomes.add(send(event).memoize().indefinitely());
        }
        // subscribe now: the records go to the producer even before the caller waits for them
        outcomes.forEach(outcome -> outcome.subscribe().with(ignored -> { }, failure -> { }));
        return outcomes;
    }

    private Uni<Void> send(ResponseEvent event) {
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.organisationId()).build());
        Uni<Void> sent;
        try {
            sent = emitter.sendMessage(message);
        } catch (RuntimeException e) {
            // the emitter refuses at once when its buffer is full
            gate.failed();
            return Uni.createFrom().failure(unavailable(event, e));
        }
        return sent
                .ifNoItem().after(config.publishTimeout()).failWith(() -> unavailable(event, null))
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> unavailable(event, e))
                .onItem().invoke(gate::succeeded)
                .onFailure().invoke(gate::failed);
    }

    private static ProblemException unavailable(ResponseEvent event, Throwable cause) {
        LOG.warnf("response %s not acknowledged by the broker: %s", event.responseId(),
                cause == null ? "timed out" : cause.toString());
        return ProblemException.brokerUnavailable(
                "the event broker did not acknowledge the response; nothing was stored, try again");
    }
}
