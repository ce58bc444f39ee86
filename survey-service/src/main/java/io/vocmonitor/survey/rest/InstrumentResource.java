package io.vocmonitor.survey.rest;

import io.vocmonitor.survey.service.InstrumentCatalogue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The instrument catalogue: public, it holds no customer data, and survey front-ends need it before any key. */
@Public
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    @GET
    @Operation(summary = "The instruments: items, answer scales and statement texts (en, nl)")
    public InstrumentCatalogue.Catalogue instruments() {
        return InstrumentCatalogue.catalogue();
    }
}
