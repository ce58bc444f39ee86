package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vocmonitor.events.Violation;
import java.util.List;

/**
 * An error answer in the format of RFC 9457 ({@code application/problem+json}).
 *
 * @param errors one entry per invalid field ({@code field}, {@code detail}), when the problem is invalid input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
