package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.Sector;
import io.vocmonitor.survey.service.InvalidInput;
import io.vocmonitor.survey.service.OrganisationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Admin: registers and administers organisations and hands out their keys, once. */
@AdminOnly
@Tag(name = "organisations", description = "Organisations and their keys (admin)")
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrganisationResource {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

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

    private final OrganisationService organisations;

    public OrganisationResource(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Register an organisation (admin)",
            description = "Answers 201 with the organisation's ingest key (for survey-service) and read key (for "
                    + "dashboard-service). The keys are shown only in this answer; 409 when the id is taken. "
                    + "pseudonymiseRespondentRefs (default true) replaces respondentRef by a keyed hash.")
    public WithKeys register(@Valid @ConvertGroup(to = OrganisationFields.New.class)
            @NotNull(message = "the body must be a JSON object") OrganisationFields organisation) {
        return WithKeys.of(organisations.register(organisation.id(), organisation.name(), organisation.sectorOrNull(),
                !Boolean.FALSE.equals(organisation.pseudonymiseRespondentRefs())));
    }

    @GET
    @Operation(summary = "List organisations by id (admin)", description = "limit 1..1000 (default 100); pass the "
            + "answer's next as after for the following page.")
    public OrganisationList list(@RestQuery String after, @RestQuery String limit) {
        int size = DEFAULT_PAGE;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE) {
                throw new InvalidInput("limit", "an integer 1.." + MAX_PAGE);
            }
        }
        List<Organisation> page = organisations.list(after, size + 1);
        List<OrganisationView> views = page.stream().limit(size).map(OrganisationView::of).toList();
        return new OrganisationList(views, page.size() > size ? views.get(size - 1).id() : null);
    }

    @GET
    @Path("/{org}")
    @Operation(summary = "One organisation (admin)", description = "404 when there is none; its keys are never shown again.")
    public OrganisationView get(@RestPath String org) {
        return OrganisationView.of(organisations.find(org));
    }

    @PATCH
    @Path("/{org}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an organisation's name, sector or pseudonymisation (admin)",
            description = "Changes what is given; the id never changes. Every invalid or unknown field is a 400 naming it.")
    public OrganisationView update(@RestPath String org, @Valid @ConvertGroup(to = OrganisationFields.Change.class)
            @NotNull(message = "the body must be a JSON object") OrganisationFields change) {
        return OrganisationView.of(organisations.update(org, change.name(), change.sectorOrNull(),
                change.pseudonymiseRespondentRefs()));
    }

    @POST
    @Path("/{org}/deactivate")
    @Operation(summary = "Deactivate an organisation (admin)", description = "Its keys stop working at once; its "
            + "data stays, readable with the admin token. Idempotent.")
    public OrganisationView deactivate(@RestPath String org) {
        return OrganisationView.of(organisations.setActive(org, false));
    }

    @POST
    @Path("/{org}/activate")
    @Operation(summary = "Activate a deactivated organisation again (admin)", description = "Its current keys work again.")
    public OrganisationView activate(@RestPath String org) {
        return OrganisationView.of(organisations.setActive(org, true));
    }

    @POST
    @Path("/{org}/keys/rotate")
    @Operation(summary = "Rotate an organisation's keys (admin)", description = "Revokes the current keys of the "
            + "scope (ingest, read, or both when scope is absent) and answers new ones, shown only here. The old "
            + "keys stop working at once.")
    public WithKeys rotate(@RestPath String org, @RestQuery String scope) {
        Set<KeyScope> scopes = EnumSet.allOf(KeyScope.class);
        if (scope != null && !scope.isBlank()) {
            try {
                scopes = EnumSet.of(KeyScope.valueOf(scope.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("scope", "ingest or read");
            }
        }
        return WithKeys.of(organisations.rotate(org, scopes));
    }
}
