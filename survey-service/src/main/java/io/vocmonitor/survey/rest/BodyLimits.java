package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.service.ContentTooLarge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;

/**
 * Refuses a request whose announced body is over its limit with 413 before reading any of it: 1 MiB for JSON
 * (one response, a batch, an organisation), 10 MiB for a CSV import. Bodies sent without Content-Length
 * are capped at 10 MiB by the HTTP layer and measured again when read. Runs before the REST layer, so it writes
 * the problem itself, as {@link ProblemMapper} shapes it.
 */
@ApplicationScoped
public class BodyLimits {

    private static final String IMPORT = "/responses/import";

    void install(@Observes Router router, SurveyConfig config, ObjectMapper json) {
        long jsonLimit = config.limits().jsonBody().asLongValue();
        long csvLimit = config.limits().csvBody().asLongValue();
        router.route().order(-100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            HttpMethod method = context.request().method();
            if (length != null && (method == HttpMethod.POST || method == HttpMethod.PATCH || method == HttpMethod.PUT)) {
                long limit = context.normalizedPath().endsWith(IMPORT) ? csvLimit : jsonLimit;
                long announced;
                try {
                    announced = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    announced = -1;
                }
                if (announced > limit) {
                    ContentTooLarge refusal = new ContentTooLarge("this request may have at most " + limit
                            + " bytes of body, it announced " + announced);
                    context.response().setStatusCode(ProblemMapper.status(refusal))
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(encode(json, ProblemMapper.problem(refusal, context.normalizedPath())));
                    return;
                }
            }
            context.next();
        });
    }

    private static String encode(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
