package io.vocmonitor.dashboard.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An error answer in the format of RFC 9457 ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
