package io.vocmonitor.scoring.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vocmonitor.events.UnreadableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Moves records that cannot be read to {@code voc.responses.dlq}, with the reason and the record's origin in
 * headers, and waits for the broker's acknowledgement: the consumer commits past a record only once it is
 * safely parked.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "dead-letters";
    public static final String REASON_HEADER = "voc-dlq-reason";
    public static final String DETAIL_HEADER = "voc-dlq-detail";
    public static final String ORIGIN_HEADER = "voc-dlq-origin";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DETAIL = 1000;

    private final MutinyEmitter<String> emitter;
    private final ScoringMetrics metrics;

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, ScoringMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /** Parks the record; blocks until the broker has it. */
    public void park(ConsumerRecord<String, String> record, UnreadableEventException problem) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        String detail = problem.getMessage() == null ? "" : problem.getMessage();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, problem.reason().getBytes(StandardCharsets.UTF_8));
        headers.add(DETAIL_HEADER, abbreviate(detail).getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
        emitter.sendMessage(message).await().atMost(ACK_TIMEOUT);
        metrics.deadLetter();
        LOG.warnf("record %s parked in the dead-letter topic: %s (%s)", origin, problem.reason(), abbreviate(detail));
    }

    private static String abbreviate(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }
}
