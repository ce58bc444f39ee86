package io.vocmonitor.runtime.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A consumer's dead-letter topic: the record as it was, under its key, with the reason, a detail and the record's
 * origin in headers. {@link #park} returns only once the broker has the record, waiting out a broker outage, so
 * the consumer commits past a record only when it is safely parked. Counts {@code voc_dead_letters_total}.
 * Each consuming service binds a subclass to its outgoing channel {@value #CHANNEL}.
 */
public abstract class DeadLetterChannel implements FailurePolicy.DeadLetterSink {

    /** The outgoing channel every consuming service configures with its dead-letter topic. */
    public static final String CHANNEL = "dead-letters";
    /** Why: {@code not-json}, {@code unknown-type}, {@code unsupported-schema-version}, {@code invalid}, {@code unprocessable}. */
    public static final String REASON_HEADER = "voc-dlq-reason";
    public static final String DETAIL_HEADER = "voc-dlq-detail";
    /** Where the record was: topic-partition@offset. */
    public static final String ORIGIN_HEADER = "voc-dlq-origin";

    private static final Logger LOG = Logger.getLogger(DeadLetterChannel.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DETAIL = 1000;

    private final MutinyEmitter<String> emitter;
    private final Counter parked;
    private final Patience patience;

    protected DeadLetterChannel(MutinyEmitter<String> emitter, MeterRegistry registry, Patience patience) {
        this.emitter = emitter;
        this.patience = patience;
        this.parked = Counter.builder("voc.dead.letters")
                .description("Records that could not be read or applied, sent to the dead-letter topic")
                .register(registry);
    }

    protected DeadLetterChannel(MutinyEmitter<String> emitter, MeterRegistry registry) {
        this(emitter, registry, new Patience());
    }

    @Override
    public void park(ConsumerRecord<String, String> record, String reason, String detail) throws InterruptedException {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        String shortDetail = abbreviate(detail == null ? "" : detail);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DETAIL_HEADER, shortDetail.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
        try {
            // every failure to hand the record over is the broker's; waiting for it loses nothing
            patience.await("parking " + origin, () -> emitter.sendMessage(message).await().atMost(ACK_TIMEOUT),
                    failure -> true);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("not reached: every failure is waited out", e);
        }
        parked.increment();
        LOG.warnf("record %s parked in the dead-letter topic: %s (%s)", origin, reason, shortDetail);
    }

    private static String abbreviate(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }
}
