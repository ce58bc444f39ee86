package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.Sector;
import io.vocmonitor.survey.rest.Problem.FieldError;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.security.Directory;
import io.vocmonitor.survey.service.OrganisationService;
import io.vocmonitor.survey.service.ResponseParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Admin: registers and administers organisations and hands out their keys, once. */
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrganisationResource {

    /** SPEC §5: lowercase letters, digits and hyphens, 2..63 characters, not starting with a hyphen. */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final int MAX_NAME_LENGTH = 200;
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;
    private static final String PSEUDONYMISE = "pseudonymiseRespondentRefs";

    /** An organisation as the admin sees it. */
    public record OrganisationView(String id, String name, Sector sector, boolean active,
            boolean pseudonymiseRespondentRefs, Instant createdAt, Instant deactivatedAt) {

        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id, o.name, o.sector, o.active, o.pseudonymiseRespondentRefs, o.createdAt,
                    o.deactivatedAt);
        }
    }

    /** The organisation with its keys in clear: store them now, they are not shown again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithKeys(String id, String name, Sector sector, boolean pseudonymiseRespondentRefs, Instant createdAt,
            String ingestKey, String readKey) {

        static WithKeys of(OrganisationService.Issued issued) {
            Organisation o = issued.organisation();
            return new WithKeys(o.id, o.name, o.sector, o.pseudonymiseRespondentRefs, o.createdAt,
                    issued.keys().get(KeyScope.INGEST), issued.keys().get(KeyScope.READ));
        }
    }

    /** A page of organisations; {@code next} is the {@code after} of the following page, or null. */
    public record OrganisationList(List<OrganisationView> organisations, String next) {
    }

    private final Authenticator authenticator;
    private final OrganisationService organisations;
    private final ResponseParser parser;
    private final Directory directory;

    public OrganisationResource(Authenticator authenticator, OrganisationService organisations, ResponseParser parser,
            Directory directory) {
        this.authenticator = authenticator;
        this.organisations = organisations;
        this.parser = parser;
        this.directory = directory;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Register an organisation (admin)",
            description = "Answers 201 with the organisation's ingest key (for survey-service) and read key (for "
                    + "dashboard-service). The keys are shown only in this answer; 409 when the id is taken. "
                    + "pseudonymiseRespondentRefs (default true) replaces respondentRef by a keyed hash.")
    @RequestBody(description = "{\"id\": \"acme\", \"name\": \"Acme Insurance\", \"sector\": \"FINANCIALS\"}")
    public WithKeys register(@RestHeader("Authorization") String authorization, @RestHeader("X-Api-Key") String apiKey,
            byte[] body) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey));
        List<FieldError> errors = new ArrayList<>();
        JsonNode node = object(body, Set.of("id", "name", "sector", PSEUDONYMISE), errors);
        String id = node.path("id").isTextual() ? node.path("id").textValue() : null;
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "required: 2..63 lowercase letters, digits or hyphens, not starting "
                    + "with a hyphen"));
        }
        String name = name(node, true, errors);
        Sector sector = sector(node, true, errors);
        Boolean pseudonymise = flag(node, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return WithKeys.of(organisations.register(id, name, sector, pseudonymise == null || pseudonymise));
    }

    @GET
    @Operation(summary = "List organisations by id (admin)", description = "limit 1..1000 (default 100); pass the "
            + "answer's next as after for the following page.")
    public OrganisationList list(@RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey, @RestQuery String after, @RestQuery String limit) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey));
        int size = DEFAULT_PAGE;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE) {
                throw ProblemException.invalid("limit", "an integer 1.." + MAX_PAGE);
            }
        }
        List<Organisation> page = organisations.list(after, size + 1);
        List<OrganisationView> views = page.stream().limit(size).map(OrganisationView::of).toList();
        return new OrganisationList(views, page.size() > size ? views.get(size - 1).id() : null);
    }

    @GET
    @Path("/{org}")
    @Operation(summary = "One organisation (admin)")
    public OrganisationView get(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey) {
        return OrganisationView.of(authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey), org));
    }

    @PATCH
    @Path("/{org}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an organisation's name, sector or pseudonymisation (admin)")
    public OrganisationView update(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey, byte[] body) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey), org);
        List<FieldError> errors = new ArrayList<>();
        JsonNode node = object(body, Set.of("name", "sector", PSEUDONYMISE), errors);
        String name = name(node, false, errors);
        Sector sector = sector(node, false, errors);
        Boolean pseudonymise = flag(node, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return changed(org, OrganisationView.of(organisations.update(org, name, sector, pseudonymise)));
    }

    @POST
    @Path("/{org}/deactivate")
    @Operation(summary = "Deactivate an organisation (admin)", description = "Its keys stop working at once; its "
            + "data stays, readable with the admin token. Idempotent.")
    public OrganisationView deactivate(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey), org);
        return changed(org, OrganisationView.of(organisations.setActive(org, false)));
    }

    @POST
    @Path("/{org}/activate")
    @Operation(summary = "Activate a deactivated organisation again (admin)", description = "Its current keys work again.")
    public OrganisationView activate(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey), org);
        return changed(org, OrganisationView.of(organisations.setActive(org, true)));
    }

    @POST
    @Path("/{org}/keys/rotate")
    @Operation(summary = "Rotate an organisation's keys (admin)", description = "Revokes the current keys of the "
            + "scope (ingest, read, or both when scope is absent) and answers new ones, shown only here. The old "
            + "keys stop working at once.")
    public WithKeys rotate(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey, @RestQuery String scope) {
        authenticator.requireAdmin(authenticator.authenticate(authorization, apiKey), org);
        Set<KeyScope> scopes = EnumSet.allOf(KeyScope.class);
        if (scope != null && !scope.isBlank()) {
            try {
                scopes = EnumSet.of(KeyScope.valueOf(scope.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("scope", "ingest or read");
            }
        }
        return changed(org, WithKeys.of(organisations.rotate(org, scopes)));
    }

    /** Once a change is committed, this instance stops using what it knew of the organisation and its keys. */
    private <T> T changed(String org, T answer) {
        directory.forget(org);
        return answer;
    }

    /** The body as a JSON object; its unknown fields are added to {@code errors}. */
    private JsonNode object(byte[] body, Set<String> fields, List<FieldError> errors) {
        JsonNode node = parser.readJson(body);
        if (!node.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object with " + String.join(", ", fields));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) {
                errors.add(new FieldError(field, "unknown field; the fields are "
                        + String.join(", ", fields.stream().sorted().toList())));
            }
        }
        return node;
    }

    private static String name(JsonNode node, boolean required, List<FieldError> errors) {
        JsonNode value = node.get("name");
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError("name", "required: 1.." + MAX_NAME_LENGTH + " characters"));
            }
            return null;
        }
        String name = value.isTextual() ? value.textValue().strip() : null;
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "1.." + MAX_NAME_LENGTH + " characters, no control characters"));
            return null;
        }
        return name;
    }

    private static Sector sector(JsonNode node, boolean required, List<FieldError> errors) {
        JsonNode value = node.get("sector");
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError("sector", "required: one of " + Arrays.toString(Sector.values())));
            }
            return null;
        }
        try {
            if (value.isTextual()) {
                return Sector.valueOf(value.textValue());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("sector", "one of " + Arrays.toString(Sector.values())));
        return null;
    }

    private static Boolean flag(JsonNode node, List<FieldError> errors) {
        JsonNode value = node.get(PSEUDONYMISE);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(PSEUDONYMISE, "true or false"));
            return null;
        }
        return value.booleanValue();
    }
}
