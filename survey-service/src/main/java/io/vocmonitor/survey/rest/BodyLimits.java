package io.vocmonitor.survey.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vocmonitor.survey.config.SurveyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose announced body is over its limit with 413 before reading any of it: 1 MiB for JSON
 * (one response, a batch, an organisation), 10 MiB for a CSV import. Bodies sent without Content-Length
 * are capped at 10 MiB by the HTTP layer and measured again when read.
 */
@ApplicationScoped
public class BodyLimits {

    private static final String IMPORT = "/responses/import";

    void install(@Observes Router router, SurveyConfig config) {
        long json = config.limits().jsonBody().asLongValue();
        long csv = config.limits().csvBody().asLongValue();
        router.route().order(-100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            HttpMethod method = context.request().method();
            if (length != null && (method == HttpMethod.POST || method == HttpMethod.PATCH || method == HttpMethod.PUT)) {
                long limit = context.normalizedPath().endsWith(IMPORT) ? csv : json;
                long announced;
                try {
                    announced = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    announced = -1;
                }
                if (announced > limit) {
                    String problem = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"detail\":\"this request may have at most " + limit + " bytes of body, it announced "
                            + announced + "\",\"instance\":\"" + context.normalizedPath().replace("\"", "") + "\"}";
                    context.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(problem);
                    return;
                }
            }
            context.next();
        });
    }
}
