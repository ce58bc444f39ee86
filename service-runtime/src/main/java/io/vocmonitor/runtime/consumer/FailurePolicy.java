package io.vocmonitor.runtime.consumer;

import io.vocmonitor.events.UnreadableEventException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one failure policy of the platform's Kafka consumers: a transient database failure is waited out with
 * backoff, so no record is skipped or committed meanwhile; anything else puts the record concerned in the
 * consumer's dead-letter topic with its reason, and the consumer moves on, so one bad record never blocks its
 * partition. Records are applied a batch at a time; when a batch fails for a reason that does not pass, its
 * records are applied one by one to find the one that cannot be.
 */
public final class FailurePolicy {

    /** Reads a record's value into an event, or says why it cannot. */
    @FunctionalInterface
    public interface Decoder<E> {
        E decode(String value) throws UnreadableEventException;
    }

    /** Applies events in one transaction, all or nothing, and answers what that changed. */
    @FunctionalInterface
    public interface Applier<E, R> {
        R apply(List<Decoded<E>> events) throws Exception;
    }

    /** Where records go that cannot be read or applied; answers once the record is safely there. */
    @FunctionalInterface
    public interface DeadLetterSink {
        void park(ConsumerRecord<String, String> record, String reason, String detail) throws InterruptedException;
    }

    /** A record with its decoded event. */
    public record Decoded<E>(ConsumerRecord<String, String> record, E event) {
    }

    /** The dead-letter reason of a record that could be read but not applied. */
    public static final String UNPROCESSABLE = "unprocessable";

    private static final Logger LOG = Logger.getLogger(FailurePolicy.class);

    private final DeadLetterSink deadLetters;
    private final Patience patience;

    public FailurePolicy(DeadLetterSink deadLetters, Patience patience) {
        this.deadLetters = deadLetters;
        this.patience = patience;
    }

    /**
     * Decodes the records, parks the unreadable ones, and applies the others in one go, waiting out transient
     * failures; should that fail otherwise, applies them one at a time and parks each that fails on its own.
     * Answers the result of every application that succeeded, in record order; returns only once every record is
     * applied or parked, so the caller may commit the batch's offsets.
     */
    public <E, R> List<R> consume(Iterable<ConsumerRecord<String, String>> records, Decoder<E> decoder,
            Applier<E, R> applier) throws InterruptedException {
        List<Decoded<E>> decoded = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                decoded.add(new Decoded<>(record, decoder.decode(record.value())));
            } catch (UnreadableEventException e) {
                deadLetters.park(record, e.reason(), e.getMessage());
            } catch (RuntimeException e) {
                deadLetters.park(record, "invalid", e.toString());
            }
        }
        if (decoded.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(applyPatiently(applier, decoded));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception batchFailure) {
            LOG.warnf("a batch of %d failed (%s); applying its records one by one", decoded.size(), batchFailure.toString());
        }
        List<R> results = new ArrayList<>();
        for (Decoded<E> one : decoded) {
            try {
                results.add(applyPatiently(applier, List.of(one)));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception failure) {
                deadLetters.park(one.record(), UNPROCESSABLE, "could not be applied: " + failure);
            }
        }
        return results;
    }

    private <E, R> R applyPatiently(Applier<E, R> applier, List<Decoded<E>> events) throws Exception {
        return patience.await("applying " + events.size() + " record(s)", () -> applier.apply(events),
                Transience::isTransient);
    }
}
