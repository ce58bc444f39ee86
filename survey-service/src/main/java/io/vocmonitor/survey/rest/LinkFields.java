package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.vocmonitor.events.Instrument;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A questionnaire link as an organisation asks for it: the instrument, and optionally the unit (Service Excellence
 * Scan) or touchpoint (customers' instruments) every response through it carries, whether the form asks the role,
 * its first language, and when it expires (default 30 days, at most a year). Which fields fit which instrument the
 * service checks.
 */
@KnownFieldsOnly
public record LinkFields(
        @NotNull(message = "required: one of SERVICEPROOF, SERVICE_RECOVERY, SERVICE_EXCELLENCE_SCAN")
        @EnumName(Instrument.class)
        String instrument,
        @Size(min = 1, max = 100, message = LinkFields.LABEL_RULE)
        @Pattern(regexp = "[^\\p{Cc}]*", message = LinkFields.LABEL_RULE)
        String unit,
        @JsonFormat(lenient = OptBoolean.FALSE)
        Boolean askRole,
        @Size(min = 1, max = 100, message = LinkFields.LABEL_RULE)
        @Pattern(regexp = "[^\\p{Cc}]*", message = LinkFields.LABEL_RULE)
        String touchpoint,
        @Pattern(regexp = "en|nl", message = "en or nl")
        String language,
        @Schema(description = "ISO-8601 timestamp with offset; default 30 days from now, at most a year")
        String expiresAt,
        @JsonAnySetter
        @Schema(hidden = true)
        Map<String, Object> unknownFields) implements KnownFieldsOnly.Open {

    static final String LABEL_RULE = "1..100 characters, no control characters";

    public LinkFields {
        unit = unit == null || unit.isBlank() ? null : unit.strip();
        touchpoint = touchpoint == null || touchpoint.isBlank() ? null : touchpoint.strip();
        unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
    }
}
