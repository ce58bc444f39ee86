package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Sector;
import io.vocmonitor.survey.rest.Problem.FieldError;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.service.OrganisationService;
import io.vocmonitor.survey.service.ResponseParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

/** Admin: registers organisations and hands out their keys, once. */
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class OrganisationResource {

    /** SPEC §5: lowercase letters, digits and hyphens, 2..63 characters, not starting with a hyphen. */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("id", "name", "sector");

    /** The organisation as registered, with its keys in clear: store them now, they are not shown again. */
    public record Created(String id, String name, Sector sector, Instant createdAt, String ingestKey, String readKey) {
    }

    private final Authenticator authenticator;
    private final OrganisationService organisations;
    private final ResponseParser parser;

    public OrganisationResource(Authenticator authenticator, OrganisationService organisations, ResponseParser parser) {
        this.authenticator = authenticator;
        this.organisations = organisations;
        this.parser = parser;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Register an organisation (admin)",
            description = "Answers 201 with the organisation's ingest key (for survey-service) and read key (for "
                    + "dashboard-service). The keys are shown only in this answer; 409 when the id is taken.")
    @RequestBody(description = "{\"id\": \"acme\", \"name\": \"Acme Insurance\", \"sector\": \"FINANCIALS\"}")
    public Created register(@RestHeader("Authorization") String authorization, @RestHeader("X-Api-Key") String apiKey,
            byte[] body) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey));
        JsonNode node = parser.readJson(body);
        List<FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object {id, name, sector}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "unknown field; the fields are id, name, sector"));
            }
        }
        String id = node.path("id").isTextual() ? node.path("id").textValue() : null;
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "required: 2..63 lowercase letters, digits or hyphens, not starting "
                    + "with a hyphen"));
        }
        String name = node.path("name").isTextual() ? node.path("name").textValue().strip() : null;
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "required: 1.." + MAX_NAME_LENGTH + " characters, no control characters"));
        }
        Sector sector = null;
        String sectorText = node.path("sector").isTextual() ? node.path("sector").textValue() : null;
        try {
            sector = sectorText == null ? null : Sector.valueOf(sectorText);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (sector == null) {
            errors.add(new FieldError("sector", "required: one of " + Arrays.toString(Sector.values())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OrganisationService.Registered registered = organisations.register(id, name, sector);
        return new Created(id, name, sector, registered.organisation().createdAt,
                registered.keys().get(KeyScope.INGEST), registered.keys().get(KeyScope.READ));
    }
}
