package io.vocmonitor.survey.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.Topics;
import io.vocmonitor.survey.config.SurveyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes response events to {@code voc.responses}, keyed by organisation, and completes only when the
 * broker has acknowledged them (acks=all) or given up on them. Records go straight to the channel's Kafka
 * producer (configured under {@code mp.messaging.outgoing.responses}), one callback each and one completion for a
 * whole batch, so the ingest path costs a few microseconds per response beyond the producer's own work.
 *
 * <p>A circuit breaker fails fast while the broker is known to be down: after a publication the broker did not
 * acknowledge, events are refused at once for 2 s, then one publication at a time is let through as a probe, and
 * the first acknowledged one closes the breaker. An outage thus costs each client a quick 503.
 */
@ApplicationScoped
public class ResponsePublisher {

    /** The outgoing channel bound to {@code voc.responses}. */
    public static final String CHANNEL = "responses";

    /** What the broker did with a publication: per event, whether it acknowledged it. */
    public record Publication(boolean[] acknowledged) {

        public boolean acknowledged(int index) {
            return acknowledged[index];
        }

        boolean complete() {
            for (boolean ack : acknowledged) {
                if (!ack) {
                    return false;
                }
            }
            return true;
        }

        static Publication refused(int events) {
            return new Publication(new boolean[events]);
        }
    }

    /** A publication the broker did not fully acknowledge: a failure for the circuit breaker, with what it did. */
    private static final class NotAcknowledged extends RuntimeException {
        private final Publication publication;

        NotAcknowledged(Publication publication) {
            super(null, null, false, false);
            this.publication = publication;
        }
    }

    private static final Logger LOG = Logger.getLogger(ResponsePublisher.class);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(5);

    private final KafkaClientService clients;
    private final SurveyConfig config;
    private final TypedGuard<Uni<Publication>> breaker = TypedGuard.create(new TypeLiteral<Uni<Publication>>() {
            })
            .withCircuitBreaker()
            .requestVolumeThreshold(1)
            .failureRatio(1.0)
            .delay(2, ChronoUnit.SECONDS)
            .successThreshold(1)
            .done()
            .build();
    private volatile Producer<String, String> producer;

    /** The emitter is not used to send; it declares the channel, so that the connector creates its producer. */
    public ResponsePublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients,
            SurveyConfig config) {
        this.clients = clients;
        this.config = config;
    }

    /** Publishes one event; fails with {@link BrokerUnavailable} when the broker does not acknowledge it. */
    public Uni<Void> publish(ResponseEvent event) {
        return publishAll(List.of(event)).map(publication -> {
            if (!publication.acknowledged(0)) {
                throw notAcknowledged();
            }
            return null;
        });
    }

    /**
     * Hands every event to the producer before any acknowledgement is awaited, so they travel together; answers
     * which ones the broker acknowledged. While the broker is known to be down, none is sent.
     */
    public Uni<Publication> publishAll(List<? extends ResponseEvent> events) {
        return breaker.get(() -> send(events))
                .onFailure(NotAcknowledged.class).recoverWithItem(e -> ((NotAcknowledged) e).publication)
                .onFailure(CircuitBreakerOpenException.class).recoverWithItem(() -> Publication.refused(events.size()));
    }

    /** The detail of every refusal: nothing of a refused response was stored anywhere. */
    public static BrokerUnavailable notAcknowledged() {
        return new BrokerUnavailable("the event broker did not acknowledge the response; nothing was stored, try again");
    }

    private Uni<Publication> send(List<? extends ResponseEvent> events) {
        boolean[] acknowledged = new boolean[events.size()];
        CompletableFuture<Publication> all = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(events.size());
        Producer<String, String> kafka = producer();
        for (int i = 0; i < events.size(); i++) {
            ResponseEvent event = events.get(i);
            int index = i;
            try {
                kafka.send(new ProducerRecord<>(Topics.RESPONSES, event.organisationId(), EventCodec.encode(event)),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged[index] = true;
                            } else {
                                LOG.warnf("response %s not acknowledged by the broker: %s", event.responseId(), error);
                            }
                            if (pending.decrementAndGet() == 0) {
                                all.complete(new Publication(acknowledged));
                            }
                        });
            } catch (RuntimeException e) {
                // the producer refuses at once when it cannot take the record (no metadata in time, closed)
                LOG.warnf("response %s refused by the producer: %s", event.responseId(), e);
                if (pending.decrementAndGet() == 0) {
                    all.complete(new Publication(acknowledged));
                }
            }
        }
        // the producer gives up within delivery.timeout.ms; this bound only guards against a callback never run
        return Uni.createFrom().completionStage(all.completeOnTimeout(Publication.refused(events.size()),
                config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)).map(publication -> {
                    if (!publication.complete()) {
                        throw new NotAcknowledged(publication);
                    }
                    return publication;
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
}
