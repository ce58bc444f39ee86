package io.vocmonitor.dashboard.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vocmonitor.runtime.consumer.DeadLetterChannel;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * {@code voc.alerts.dlq}: the records of {@code voc.alerts} that could not be read or stored in the inbox. Its
 * producer's health check is also what makes this service not ready while no broker answers.
 */
@Singleton
@Startup // its counter is exported from the start, so that the first dead letter is an increase
public class DeadLetters extends DeadLetterChannel {

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, MeterRegistry registry) {
        super(emitter, registry);
    }
}
