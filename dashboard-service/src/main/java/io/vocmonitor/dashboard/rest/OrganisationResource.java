package io.vocmonitor.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.store.OrganisationDirectory;
import io.vocmonitor.dashboard.store.OrganisationDirectory.OrganisationEntry;
import io.vocmonitor.runtime.access.Forbidden;
import io.vocmonitor.runtime.access.UnknownOrganisation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Which organisation a dashboard shows: its name for its own read key, and the list of all for the admin, who
 * picks one. Read-only; organisations are administered on the survey-service.
 */
@Tag(name = "organisations", description = "The organisations a dashboard can show")
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrganisationResource {

    private static final int MAX_PAGE = 1000;

    /** A page of organisations; {@code next} is the {@code after} of the following page, or null. */
    public record OrganisationPage(List<OrganisationEntry> organisations, String next) {
    }

    private final ReadAccess access;
    private final CurrentCredentials credentials;
    private final OrganisationDirectory directory;

    public OrganisationResource(ReadAccess access, CurrentCredentials credentials, OrganisationDirectory directory) {
        this.access = access;
        this.credentials = credentials;
        this.directory = directory;
    }

    @GET
    @Operation(summary = "List organisations by id (admin)",
            description = "For the admin's organisation picker: id, name and whether it is active. limit 1..1000 "
                    + "(default 100); pass the answer's next as after for the following page.")
    public OrganisationPage list(@RestQuery String after, @RestQuery String limit) throws SQLException {
        if (!credentials.get().isAdmin()) {
            throw new Forbidden("listing organisations needs the admin token");
        }
        int size = limit == null || limit.isBlank() ? 100 : parseLimit(limit);
        List<OrganisationEntry> page = directory.list(after, size + 1);
        List<OrganisationEntry> shown = page.stream().limit(size).toList();
        return new OrganisationPage(shown, page.size() > size ? shown.get(size - 1).id() : null);
    }

    @GET
    @Path("/{org}")
    @Operation(summary = "One organisation: its name (read key or admin)",
            description = "What a dashboard shows in its header; 404 for an id the admin asks for that does not exist.")
    public OrganisationEntry get(@RestPath String org) throws SQLException {
        access.requireRead(credentials.get(), org);
        return directory.find(org).orElseThrow(() -> new UnknownOrganisation(org));
    }

    private static int parseLimit(String limit) {
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidQuery("limit: an integer 1.." + MAX_PAGE);
    }
}
