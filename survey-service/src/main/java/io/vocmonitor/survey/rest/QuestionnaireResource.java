package io.vocmonitor.survey.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vocmonitor.events.InstrumentCatalogue;
import io.vocmonitor.runtime.access.Public;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.QuestionnaireLink;
import io.vocmonitor.survey.service.IngestService;
import io.vocmonitor.survey.service.QuestionnaireLinks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The hosted questionnaire (no key: the link's token authorises): {@code /r/{token}} serves the form, which reads
 * its questionnaire and submits its answers here. Built from the instrument catalogue, so one form serves the
 * Service Excellence Scan for employees and ServiceProof and Service Recovery Proof for customers. An answer goes
 * through the same ingest path as a posted response.
 */
@Public
@Tag(name = "questionnaires", description = "The hosted form of a questionnaire link")
@Path("/")
public class QuestionnaireResource {

    /** The form only talks to this service, and is never framed. */
    private static final String POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final byte[] FORM = read("META-INF/resources/form/index.html");

    /** What the form shows: the instrument's questionnaire and what the link fixes. */
    public record Questionnaire(OrganisationName organisation, InstrumentCatalogue.InstrumentInfo instrument,
            String unit, boolean askRole, String touchpoint, String language, Instant expiresAt) {
    }

    /** The organisation as its respondents see it: by name. */
    public record OrganisationName(String name) {
    }

    private final QuestionnaireLinks links;
    private final IngestService ingest;

    public QuestionnaireResource(QuestionnaireLinks links, IngestService ingest) {
        this.links = links;
        this.ingest = ingest;
    }

    @GET
    @Path("/r/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The form of a questionnaire link (a web page; no key)", hidden = true)
    public Response form(@RestPath String token) {
        return Response.ok(FORM).header("Content-Security-Policy", POLICY).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    @GET
    @Path("/api/v1/questionnaires/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "The questionnaire of a link (no key: the token authorises)",
            description = "The instrument's items, scales and texts (en, nl) from the catalogue, and what the link "
                    + "fixes: unit or touchpoint, whether the role is asked, the first language. 404 for an unknown "
                    + "token, 410 when the link expired or was revoked.")
    public Response questionnaire(@RestPath String token) {
        QuestionnaireLink link = links.open(token);
        Organisation organisation = Organisation.findById(link.organisationId);
        return Response.ok(new Questionnaire(new OrganisationName(organisation.name),
                InstrumentCatalogue.info(link.instrument), link.unit,
                link.askRole, link.touchpoint, link.language, link.expiresAt)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/api/v1/questionnaires/{token}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Submit the form of a questionnaire link (no key: the token authorises)",
            description = "One response of the link's organisation and instrument: answers (scan statements in "
                    + "words, NA included), role when the link asks it, and on customers' questionnaires the other "
                    + "questions. The link sets instrument, unit or touchpoint and the channel (WEB); sending them is "
                    + "a 400. 202 once the broker has it; a repeated responseId counts once. 410 when the link "
                    + "expired or was revoked, 429 over the link's rate.")
    public Uni<Response> submitQuestionnaire(@RestPath String token, byte[] body) {
        QuestionnaireLink link = links.open(token);
        return ingest.submitThroughLink(link, body).map(outcome -> {
            IngestService.ItemOutcome one = outcome.items().get(0);
            return one.accepted() ? Response.accepted(new ResponseResource.Accepted(one.responseId())).build()
                    : ProblemMapper.response(one.refusal(), "/api/v1/questionnaires/{token}/responses");
        });
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the service");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
