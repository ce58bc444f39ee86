package io.vocmonitor.dashboard.service;

import io.vocmonitor.events.Channel;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which buckets an answer sums (SPEC §4): days from..to inclusive (UTC; null means open), the channels (empty
 * means all) and one touchpoint (null means all, otherwise its normalised label). Every score answer states
 * the selection it answers for.
 */
public record Selection(LocalDate from, LocalDate to, Set<Channel> channels, String touchpoint) {

    public static final Selection ALL = new Selection(null, null, Set.of(), null);
}
