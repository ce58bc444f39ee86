package io.vocmonitor.scoring.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vocmonitor.runtime.consumer.DeadLetterChannel;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** {@code voc.responses.dlq}: the records of {@code voc.responses} that could not be read or applied. */
@Singleton
@Startup // its counter is exported from the start, so that the first dead letter is an increase
public class DeadLetters extends DeadLetterChannel {

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, MeterRegistry registry) {
        super(emitter, registry);
    }
}
