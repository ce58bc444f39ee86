package io.vocmonitor.aggregates;

/** A confidence interval. */
public record Interval(double low, double high) {
}
