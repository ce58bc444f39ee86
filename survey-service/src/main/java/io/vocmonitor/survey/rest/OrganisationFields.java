package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.vocmonitor.survey.Sector;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organisation as the admin sends it (SPEC §5): {@code {id, name, sector}} and whether its respondent references
 * are pseudonymised (default true). A registration ({@link New}) needs id, name and sector; a change
 * ({@link Change}) takes what is given of the others and never the id. The name is trimmed. Every invalid field is
 * reported at once, unknown ones included.
 */
@KnownFieldsOnly
public record OrganisationFields(
        @NotNull(groups = New.class, message = "required: " + OrganisationFields.ID_RULE)
        @Null(groups = Change.class, message = "the id of an organisation never changes")
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = OrganisationFields.ID_RULE)
        String id,
        @NotNull(groups = New.class, message = "required: " + OrganisationFields.NAME_RULE)
        @Size(min = 1, max = 200, message = OrganisationFields.NAME_RULE)
        @Pattern(regexp = "[^\\p{Cc}]*", message = OrganisationFields.NAME_RULE)
        String name,
        @NotNull(groups = New.class, message = "required")
        @EnumName(Sector.class)
        String sector,
        @JsonFormat(lenient = OptBoolean.FALSE)
        Boolean pseudonymiseRespondentRefs,
        @JsonAnySetter
        @Schema(hidden = true)
        Map<String, Object> unknownFields) implements KnownFieldsOnly.Open {

    /** The rules of a registration, besides those of every payload. */
    public interface New extends Default {
    }

    /** The rules of a change, besides those of every payload. */
    public interface Change extends Default {
    }

    /** SPEC §5: lowercase letters, digits and hyphens, 2..63 characters, not starting with a hyphen. */
    static final String ID_RULE = "2..63 lowercase letters, digits or hyphens, not starting with a hyphen";
    static final String NAME_RULE = "1..200 characters, no control characters";

    public OrganisationFields {
        name = name == null ? null : name.strip();
        unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
    }

    public Sector sectorOrNull() {
        return sector == null ? null : Sector.valueOf(sector);
    }
}
