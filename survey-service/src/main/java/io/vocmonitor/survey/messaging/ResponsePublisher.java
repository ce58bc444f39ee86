package io.vocmonitor.survey.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.Topics;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes response events to {@code voc.responses}, keyed by organisation, and completes only when the
 * broker has acknowledged them (acks=all); fails with 503 when the broker cannot take them in time, or at
 * once while the {@link BrokerGate} knows it is down.
 *
 * <p>Records go straight to the channel's Kafka producer (configured under
 * {@code mp.messaging.outgoing.responses}), with one callback each and one completion for a whole batch: the
 * ingest path costs a few microseconds per response beyond the producer's own work.
 */
@ApplicationScoped
public class ResponsePublisher {

    /** The outgoing channel bound to {@code voc.responses}. */
    public static final String CHANNEL = "responses";

    private static final Logger LOG = Logger.getLogger(ResponsePublisher.class);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(5);

    private final KafkaClientService clients;
    private final SurveyConfig config;
    private final BrokerGate gate;
    private volatile Producer<String, String> producer;

    /** The emitter is not used to send; it declares the channel, so that the connector creates its producer. */
    public ResponsePublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients,
            SurveyConfig config, BrokerGate gate) {
        this.clients = clients;
        this.config = config;
        this.gate = gate;
    }

    public Uni<Void> publish(ResponseEvent event) {
        return publishAll(List.of(event)).map(failures -> {
            if (failures[0] != null) {
                throw failures[0];
            }
            return null;
        });
    }

    /**
     * Hands every event to the producer before any acknowledgement is awaited, so they travel together. The
     * answer holds, per event, null when the broker acknowledged it, else the 503 to give for it. Throws 503
     * at once while the broker is known to be down.
     */
    public Uni<ProblemException[]> publishAll(List<? extends ResponseEvent> events) {
        gate.admit();
        ProblemException[] failures = new ProblemException[events.size()];
        CompletableFuture<ProblemException[]> all = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(events.size());
        Producer<String, String> kafka = producer();
        for (int i = 0; i < events.size(); i++) {
            ResponseEvent event = events.get(i);
            int index = i;
            try {
                kafka.send(new ProducerRecord<>(Topics.RESPONSES, event.organisationId(), EventCodec.encode(event)),
                        (metadata, error) -> {
                            if (error != null) {
                                failures[index] = unavailable(event, error);
                            }
                            if (pending.decrementAndGet() == 0) {
                                all.complete(failures);
                            }
                        });
            } catch (RuntimeException e) {
                // the producer refuses at once when it cannot take the record (no metadata in time, closed)
                failures[index] = unavailable(event, e);
                if (pending.decrementAndGet() == 0) {
                    all.complete(failures);
                }
            }
        }
        // the producer gives up within delivery.timeout.ms; this bound only guards against a callback never run
        return Uni.createFrom().completionStage(all.completeOnTimeout(null, config.publishTimeout().toMillis(),
                TimeUnit.MILLISECONDS)).map(outcome -> {
                    ProblemException[] answer = outcome != null ? outcome : timedOut(events);
                    if (Arrays.stream(answer).anyMatch(f -> f != null)) {
                        gate.failed();
                    } else {
                        gate.succeeded();
                    }
                    return answer;
                });
    }

    /**
     * Fetches the topic's metadata before the first request: the producer is configured never to wait for it
     * in {@code send} ({@code max.block.ms=0}), so without it the first responses would be refused. Gives up
     * after {@link #METADATA_WAIT} when the broker is down; requests are then refused until it is back.
     */
    void fetchMetadata(@Observes StartupEvent event) throws InterruptedException {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                producer().partitionsFor(Topics.RESPONSES);
                return;
            } catch (KafkaException notYet) {
                // the failed call asked the producer's network thread for the metadata
                if (System.nanoTime() > deadline) {
                    LOG.warnf("no metadata for %s after %d s: %s", Topics.RESPONSES, METADATA_WAIT.toSeconds(),
                            notYet.toString());
                    return;
                }
                Thread.sleep(50);
            }
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            current = clients.<String, String>getProducer(CHANNEL).unwrap();
            producer = current;
        }
        return current;
    }

    private static ProblemException[] timedOut(List<? extends ResponseEvent> events) {
        return events.stream().map(event -> unavailable(event, null)).toArray(ProblemException[]::new);
    }

    private static ProblemException unavailable(ResponseEvent event, Throwable cause) {
        LOG.warnf("response %s not acknowledged by the broker: %s", event.responseId(),
                cause == null ? "timed out" : cause.toString());
        return ProblemException.brokerUnavailable(
                "the event broker did not acknowledge the response; nothing was stored, try again");
    }
}
