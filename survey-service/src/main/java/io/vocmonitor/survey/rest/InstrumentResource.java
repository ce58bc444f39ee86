package io.vocmonitor.survey.rest;

import io.vocmonitor.events.InstrumentCatalogue;
import io.vocmonitor.runtime.access.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The instrument catalogue: public, it holds no customer data, and survey front-ends need it before any key. */
@Public
@Tag(name = "instruments", description = "The questionnaire of every instrument")
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    @GET
    @Operation(summary = "The instruments: items, answer scales and statement texts (en, nl)",
            description = "Public: no credentials needed. Per instrument its items (answers.<id>) and other questions "
                    + "with their scales and statements in English and Dutch, and the relationship outcomes.")
    public InstrumentCatalogue.Catalogue instruments() {
        return InstrumentCatalogue.catalogue();
    }
}
