package io.vocmonitor.bench;

import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ServiceProofAspect;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic responses for the benchmarks, the same mix as {@code bench/wrk/responses.lua}: 70 % ServiceProof,
 * 30 % Service Recovery Proof, answers around a respondent's mood, six channels, five touchpoints, NPS, CES and
 * CSAT questions, a comment on unhappy recoveries.
 */
final class Responses {

    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.WEB, Channel.STORE,
            Channel.SOCIAL};
    private static final String[] TOUCHPOINTS = {"billing", "delivery", "onboarding", "support", "returns"};

    private final Random random;

    Responses(long seed) {
        this.random = new Random(seed);
    }

    /** A response answered at a random moment of the last {@code days} days before {@code now}. */
    ResponseSubmitted next(String organisationId, int days, Instant now) {
        int mood = 1 + random.nextInt(5);
        Instant answeredAt = now.minus(Duration.ofSeconds(random.nextLong(Math.max(1, days) * 86_400L)));
        Map<String, Integer> answers = new LinkedHashMap<>();
        boolean recovery = random.nextInt(10) >= 7;
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(organisationId)
                .answeredAt(answeredAt)
                .receivedAt(now)
                .channel(CHANNELS[random.nextInt(CHANNELS.length)])
                .touchpoint(TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)])
                .respondentRef("c-" + (1 + random.nextInt(99_999)))
                .recommend(Math.min(10, Math.max(0, mood * 2 + random.nextInt(4) - 2)))
                .effort(1 + random.nextInt(7))
                .satisfaction(agreement(mood));
        if (recovery) {
            for (RecoveryDriver driver : RecoveryDriver.values()) {
                answers.put(driver.name(), agreement(mood));
            }
            int outcome = Math.max(0, Math.min(3, 5 - mood - random.nextInt(2)));
            builder.instrument(Instrument.SERVICE_RECOVERY).brandEffect(agreement(mood))
                    .relationship(RelationshipOutcome.values()[outcome]);
            if (mood <= 2) {
                builder.comment("The problem took far too long to sort out.");
            }
        } else {
            for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
                answers.put(aspect.name(), agreement(mood));
            }
            builder.instrument(Instrument.SERVICEPROOF);
        }
        answers.forEach(builder::answer);
        return builder.build();
    }

    private int agreement(int mood) {
        return Math.max(1, Math.min(5, mood + random.nextInt(3) - 1));
    }
}
