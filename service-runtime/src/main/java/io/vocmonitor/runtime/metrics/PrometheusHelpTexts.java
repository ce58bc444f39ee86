package io.vocmonitor.runtime.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Metric help texts without double quotes: the Prometheus registry escapes them as {@code \"}, which the text
 * exposition format does not allow in a HELP line, so {@code promtool check metrics} and Prometheus' own parser
 * refuse the page. Some Kafka client metrics have quotes in their descriptions; every service has Kafka clients.
 */
public class PrometheusHelpTexts {

    @Produces
    @Singleton
    MeterFilter withoutDoubleQuotes() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || description.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        description.replace('"', '\''), id.getType());
            }
        };
    }
}
