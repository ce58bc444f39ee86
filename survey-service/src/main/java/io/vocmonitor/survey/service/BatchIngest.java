package io.vocmonitor.survey.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.survey.security.Directory;
import io.vocmonitor.survey.rest.Problem;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates many responses at once and publishes the valid ones together: every record is handed to the
 * producer before any acknowledgement is awaited, so the broker sees one batch, not a round trip per item.
 * Invalid items do not hold back the valid ones; each item gets its own result, in the order of the request.
 */
@ApplicationScoped
public class BatchIngest {

    /** Most responses in one batch or import. */
    public static final int MAX_ITEMS = 1000;

    /**
     * One item to ingest: its position in the request (index, and the CSV line when it came from a file), and
     * either the response or why it was refused before validation.
     */
    public record Item(int index, Integer line, JsonNode response, ProblemException refused) {

        public Item(int index, Integer line, JsonNode response) {
            this(index, line, response, null);
        }
    }

    /** The outcome of one item: 202 with its responseId, 400 with the problem, or 503 when the broker failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, Integer line, int status, UUID responseId, Problem problem) {
    }

    /** The outcome of a whole batch. */
    public record Result(int accepted, int rejected, List<ItemResult> results) {

        public boolean brokerFailed() {
            return results.stream().anyMatch(r -> r.status() == 503);
        }
    }

    private final ResponseParser parser;
    private final ResponsePublisher publisher;
    private final IngestMetrics metrics;
    private final Pseudonymiser pseudonymiser;

    public BatchIngest(ResponseParser parser, ResponsePublisher publisher, IngestMetrics metrics,
            Pseudonymiser pseudonymiser) {
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.pseudonymiser = pseudonymiser;
    }

    public Uni<Result> ingest(Directory.OrganisationInfo organisation, List<Item> items, String instance) {
        Instant receivedAt = Instant.now();
        List<ItemResult> refused = new ArrayList<>();
        List<Item> valid = new ArrayList<>();
        List<ResponseSubmitted> responses = new ArrayList<>();
        for (Item item : items) {
            try {
                if (item.refused() != null) {
                    throw item.refused();
                }
                responses.add(pseudonymiser.apply(organisation, parser.parse(organisation.id(), item.response(), receivedAt)));
                valid.add(item);
            } catch (ProblemException e) {
                metrics.rejected(e, 1);
                refused.add(new ItemResult(item.index(), item.line(), e.status(), null,
                        new Problem("about:blank", e.title(), e.status(), e.getMessage(), instance, e.errors())));
            }
        }
        Uni<ProblemException[]> published;
        try {
            published = responses.isEmpty() ? Uni.createFrom().item(new ProblemException[0])
                    : publisher.publishAll(responses);
        } catch (ProblemException unavailable) {
            ProblemException[] all = new ProblemException[responses.size()];
            Arrays.fill(all, unavailable);
            published = Uni.createFrom().item(all);
        }
        return published.map(failures -> {
            List<ItemResult> results = new ArrayList<>(items.size());
            results.addAll(refused);
            int accepted = 0;
            Map<Instrument, Integer> acceptedByInstrument = new EnumMap<>(Instrument.class);
            for (int i = 0; i < responses.size(); i++) {
                Item item = valid.get(i);
                ResponseSubmitted response = responses.get(i);
                ProblemException failure = failures[i];
                if (failure == null) {
                    accepted++;
                    acceptedByInstrument.merge(response.instrument(), 1, Integer::sum);
                    results.add(new ItemResult(item.index(), item.line(), 202, response.responseId(), null));
                } else {
                    metrics.rejected(failure, 1);
                    results.add(new ItemResult(item.index(), item.line(), 503, response.responseId(),
                            new Problem("about:blank", "Service Unavailable", 503, failure.getMessage(), instance, null)));
                }
            }
            acceptedByInstrument.forEach(metrics::accepted);
            results.sort(Comparator.comparingInt(ItemResult::index));
            return new Result(accepted, results.size() - accepted, results);
        });
    }
}
