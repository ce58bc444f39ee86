package io.vocmonitor.dashboard.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.ScanRole;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which buckets an answer sums (SPEC §4): days from..to inclusive (UTC; null means open), and segments — for
 * customers' instruments the channels (empty means all) and one touchpoint (null means all, otherwise its normalised
 * label), for the Service Excellence Scan the roles and one unit, likewise. Every score answer states the
 * selection it answers for.
 */
public record Selection(LocalDate from, LocalDate to, Set<Channel> channels, String touchpoint,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Set<ScanRole> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) String unit) {

    public static final Selection ALL = new Selection(null, null, Set.of(), null, Set.of(), null);

    /** The same segments over other days. */
    public Selection between(LocalDate from, LocalDate to) {
        return new Selection(from, to, channels, touchpoint, roles, unit);
    }
}
