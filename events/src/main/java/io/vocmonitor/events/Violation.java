package io.vocmonitor.events;

/**
 * One rule a response breaks: the field, as a path into the posted JSON ({@code answers.SENSING},
 * {@code relationship}), and what is wrong with it.
 */
public record Violation(String field, String detail) {

    @Override
    public String toString() {
        return field + ": " + detail;
    }
}
