package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.survey.QuestionnaireLink;
import io.vocmonitor.survey.security.CurrentCaller;
import io.vocmonitor.survey.service.QuestionnaireLinks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/**
 * An organisation's questionnaire links (its ingest key or the admin): make one for the hosted form of an
 * instrument, list them, revoke one. The token is in the answer to the making only.
 */
@Tag(name = "links", description = "Questionnaire links: the hosted form of an instrument, for employees or customers")
@Path("/api/v1/organisations/{org}/links")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LinkResource {

    /** A link as listed: everything but its token. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkView(String id, Instrument instrument, String unit, boolean askRole, String touchpoint,
            String language, Instant createdAt, Instant expiresAt, Instant revokedAt, String state) {

        static LinkView of(QuestionnaireLink link) {
            return new LinkView(link.id, link.instrument, link.unit, link.askRole, link.touchpoint, link.language,
                    link.createdAt, link.expiresAt, link.revokedAt, link.state(Instant.now()));
        }
    }

    /** A new link: its token and the form's address, shown this once. */
    public record NewLink(String id, String token, String url, Instrument instrument, String unit, boolean askRole,
            String touchpoint, String language, Instant expiresAt) {
    }

    public record LinkList(List<LinkView> links) {
    }

    private final QuestionnaireLinks links;
    private final CurrentCaller caller;

    public LinkResource(QuestionnaireLinks links, CurrentCaller caller) {
        this.links = links;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Make a questionnaire link (ingest key or admin)",
            description = "{instrument, unit, askRole, touchpoint, language, expiresAt}: instrument is required; a "
                    + "SERVICE_EXCELLENCE_SCAN link may fix the unit of every response and ask the respondent's role, "
                    + "a customers' link may fix the touchpoint (their channel is WEB); language en or nl is the form's "
                    + "first language; expiresAt defaults to 30 days from now, at most a year. Answers 201 with url "
                    + "and token, shown only here: whoever has the url may answer the questionnaire for this "
                    + "organisation until the link expires or is revoked.")
    public NewLink createLink(@RestPath String org, @Valid @NotNull(message = "the body must be a JSON object") LinkFields fields,
            @Context UriInfo uri) {
        QuestionnaireLinks.Created created = links.create(caller.get(), org, new QuestionnaireLinks.Request(
                Instrument.valueOf(fields.instrument()), fields.unit(), Boolean.TRUE.equals(fields.askRole()),
                fields.touchpoint(), fields.language(), fields.expiresAt()), uri.getBaseUri().toString());
        QuestionnaireLink link = created.link();
        return new NewLink(link.id, created.token(), created.url(), link.instrument, link.unit, link.askRole,
                link.touchpoint, link.language, link.expiresAt);
    }

    @GET
    @Operation(summary = "The organisation's questionnaire links, newest first (ingest key or admin)",
            description = "Each with its state ACTIVE, EXPIRED or REVOKED; tokens are never shown again.")
    public LinkList listLinks(@RestPath String org) {
        return new LinkList(links.list(caller.get(), org).stream().map(LinkView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a questionnaire link (ingest key or admin)",
            description = "Its form says it was withdrawn and takes no more answers; what was answered stays. 404 for "
                    + "a link the organisation does not have.")
    public LinkView revokeLink(@RestPath String org, @RestPath String id) {
        return LinkView.of(links.revoke(caller.get(), org, id));
    }
}
