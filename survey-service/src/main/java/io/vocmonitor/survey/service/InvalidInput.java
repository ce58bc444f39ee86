package io.vocmonitor.survey.service;

import io.vocmonitor.events.Violation;
import io.vocmonitor.runtime.Refusal;
import java.util.List;

/** Input that breaks the rules, with one violation per field: nothing of it is published or stored. */
public class InvalidInput extends Refusal {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(String.join("; ", violations.stream().map(Violation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String detail) {
        this(List.of(new Violation(field, detail)));
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String reason() {
        return "validation";
    }
}
