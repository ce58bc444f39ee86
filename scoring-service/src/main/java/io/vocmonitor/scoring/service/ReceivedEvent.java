package io.vocmonitor.scoring.service;

import io.vocmonitor.events.ResponseEvent;

/** A decoded response event with the JSON it was read from, which the archive keeps as received. */
public record ReceivedEvent<E extends ResponseEvent>(E event, String json) {
}
