package io.vocmonitor.survey.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.InstrumentDefinition.Respondents;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Violation;
import io.vocmonitor.runtime.Refusal;
import io.vocmonitor.survey.QuestionnaireLink;
import io.vocmonitor.survey.messaging.BrokerUnavailable;
import io.vocmonitor.survey.messaging.ResponsePublisher;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.security.Caller;
import io.vocmonitor.survey.security.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one ingest path, for a single response, a JSON batch and a CSV import alike (a single response is a batch of
 * one): the caller's access to the organisation, then per item parse → pseudonymise, then every valid response
 * handed to the broker at once, then the count. Invalid items do not hold back the valid ones; each item gets its
 * own outcome, in the order of the request. A refusal of the whole request (no access, a body that cannot be
 * read) fails the returned {@link Uni} instead.
 */
@ApplicationScoped
public class IngestService {

    /** The fields of a response that a questionnaire link sets, or that its form does not ask. */
    private static final List<String> LINK_FIELDS = List.of("instrument", "channel", "touchpoint", "unit", "answeredAt",
            "respondentRef");

    /** Most responses in one batch or import. */
    public static final int MAX_ITEMS = 1000;

    /**
     * One item to ingest: its position in the request (index, and the CSV line when it came from a file), and
     * either the response's JSON or why it was refused before it could be read.
     */
    public record Item(int index, Integer line, JsonNode response, InvalidInput refused) {
    }

    /** What became of one item: accepted under its responseId, or refused (invalid, or the broker did not take it). */
    public record ItemOutcome(int index, Integer line, UUID responseId, Refusal refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    /** What became of every item of a request, in request order. */
    public record Outcome(List<ItemOutcome> items) {

        public int accepted() {
            return (int) items.stream().filter(ItemOutcome::accepted).count();
        }

        /** Whether the broker failed to take some valid item: the request may be sent again as it was. */
        public boolean brokerFailed() {
            return items.stream().anyMatch(i -> i.refusal() instanceof BrokerUnavailable);
        }
    }

    private final Authenticator authenticator;
    private final ResponseParser parser;
    private final Pseudonymiser pseudonymiser;
    private final ResponsePublisher publisher;
    private final IngestMetrics metrics;

    public IngestService(Authenticator authenticator, ResponseParser parser, Pseudonymiser pseudonymiser,
            ResponsePublisher publisher, IngestMetrics metrics) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.pseudonymiser = pseudonymiser;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** One posted response. */
    public Uni<Outcome> submit(Caller caller, String organisationId, byte[] body) {
        return ingest(caller, organisationId, () -> List.of(new Item(0, null, parser.readJson(body), null)));
    }

    /** A JSON array of 1..{@value #MAX_ITEMS} responses. */
    public Uni<Outcome> batch(Caller caller, String organisationId, byte[] body) {
        return ingest(caller, organisationId, () -> {
            JsonNode array = parser.readJson(body);
            if (!array.isArray()) {
                throw new InvalidInput("body", "must be a JSON array of responses");
            }
            if (array.isEmpty() || array.size() > MAX_ITEMS) {
                throw new InvalidInput("body", "must hold 1.." + MAX_ITEMS + " responses, not " + array.size()
                        + "; split larger batches");
            }
            List<Item> items = new ArrayList<>(array.size());
            for (int index = 0; index < array.size(); index++) {
                items.add(new Item(index, null, array.get(index), null));
            }
            return items;
        });
    }

    /**
     * One response filled in on the hosted form of a questionnaire link: the link authorises its organisation and
     * instrument, and sets what the respondent does not (the instrument, the unit or touchpoint, the web channel);
     * fields the link decides, or the form has not, are refused by name.
     */
    public Uni<Outcome> submitThroughLink(QuestionnaireLink link, byte[] body) {
        return ingest(authenticator.requireActive(link.organisationId), () -> {
            JsonNode response = parser.readJson(body);
            if (!response.isObject()) {
                throw new InvalidInput("body", "must be a JSON object (one response)");
            }
            List<Violation> violations = new ArrayList<>();
            for (String field : LINK_FIELDS) {
                if (response.has(field)) {
                    violations.add(new Violation(field, "set by the questionnaire link, not by the form"));
                }
            }
            if (response.has("role") && !link.askRole) {
                violations.add(new Violation("role", "this questionnaire does not ask the role"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            ObjectNode completed = ((ObjectNode) response).put("instrument", link.instrument.name());
            if (InstrumentDefinition.of(link.instrument).respondents() == Respondents.CUSTOMERS) {
                completed.put("channel", Channel.WEB.name());
                if (link.touchpoint != null) {
                    completed.put("touchpoint", link.touchpoint);
                }
            } else if (link.unit != null) {
                completed.put("unit", link.unit);
            }
            return List.of(new Item(0, null, completed, null));
        });
    }

    /** A CSV file of 1..{@value #MAX_ITEMS} responses, one per row ({@link CsvImport}). */
    public Uni<Outcome> importCsv(Caller caller, String organisationId, byte[] body) {
        return ingest(caller, organisationId, () -> CsvImport.items(body));
    }

    /** Publishes the retraction of a response of the organisation (SPEC §3); answers its id. */
    public Uni<UUID> retract(Caller caller, String organisationId, String responseId) {
        return authenticator.requireIngest(caller, organisationId).chain(organisation -> {
            UUID id;
            try {
                id = UUID.fromString(responseId);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("responseId", "must be a UUID");
            }
            return publisher.publish(ResponseRetracted.of(id, organisationId, Instant.now())).replaceWith(id);
        });
    }

    private Uni<Outcome> ingest(Caller caller, String organisationId, Supplier<List<Item>> read) {
        return ingest(authenticator.requireIngest(caller, organisationId), read);
    }

    /** The path every response takes once the organisation it is for has been granted. */
    private Uni<Outcome> ingest(Uni<Directory.OrganisationInfo> granted, Supplier<List<Item>> read) {
        return granted.chain(organisation -> {
            Instant receivedAt = Instant.now();
            List<Item> items = read.get();
            ItemOutcome[] outcomes = new ItemOutcome[items.size()];
            List<ResponseSubmitted> valid = new ArrayList<>(items.size());
            List<Integer> positions = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                try {
                    if (item.refused() != null) {
                        throw item.refused();
                    }
                    valid.add(prepare(organisation, item.response(), receivedAt));
                    positions.add(i);
                } catch (InvalidInput invalid) {
                    outcomes[i] = new ItemOutcome(item.index(), item.line(), null, invalid);
                }
            }
            Uni<ResponsePublisher.Publication> published = valid.isEmpty()
                    ? Uni.createFrom().item(new ResponsePublisher.Publication(new boolean[0]))
                    : publisher.publishAll(valid);
            return published.map(publication -> {
                for (int v = 0; v < valid.size(); v++) {
                    Item item = items.get(positions.get(v));
                    outcomes[positions.get(v)] = new ItemOutcome(item.index(), item.line(), valid.get(v).responseId(),
                            publication.acknowledged(v) ? null : ResponsePublisher.notAcknowledged());
                }
                Outcome outcome = new Outcome(List.of(outcomes));
                count(outcome, valid, publication);
                return outcome;
            });
        });
    }

    private ResponseSubmitted prepare(Directory.OrganisationInfo organisation, JsonNode response, Instant receivedAt) {
        return pseudonymiser.apply(organisation, parser.parse(organisation.id(), response, receivedAt));
    }

    /** One increment per instrument and reason for the whole request, not one per response. */
    private void count(Outcome outcome, List<ResponseSubmitted> valid, ResponsePublisher.Publication publication) {
        Map<Instrument, Integer> accepted = new EnumMap<>(Instrument.class);
        for (int v = 0; v < valid.size(); v++) {
            if (publication.acknowledged(v)) {
                accepted.merge(valid.get(v).instrument(), 1, Integer::sum);
            }
        }
        accepted.forEach(metrics::accepted);
        Map<String, Integer> rejected = new HashMap<>();
        outcome.items().stream().filter(i -> !i.accepted()).forEach(i -> rejected.merge(i.refusal().reason(), 1, Integer::sum));
        rejected.forEach(metrics::rejected);
    }
}
