package io.vocmonitor.scoring.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Metric settings: help texts without double quotes, which the Prometheus exposition escapes invalidly. */
public class MetricsConfig {

    @Produces
    @Singleton
    MeterFilter plainHelpTexts() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || description.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(), description.replace('"', '\''), id.getType());
            }
        };
    }
}
