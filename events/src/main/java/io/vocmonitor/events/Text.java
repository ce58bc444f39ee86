package io.vocmonitor.events;

/** A statement, question or label in the languages the platform speaks. */
public record Text(String en, String nl) {
}
