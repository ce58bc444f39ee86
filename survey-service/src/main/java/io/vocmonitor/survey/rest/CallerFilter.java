package io.vocmonitor.survey.rest;

import io.smallrye.mutiny.Uni;
import io.vocmonitor.runtime.access.Public;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.security.CurrentCaller;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the credentials of every request once ({@code Authorization} or {@code X-Api-Key}) and identifies the
 * caller before the resource runs; resources ask {@link CurrentCaller}. Only {@link Public} resources go without;
 * {@link AdminOnly} ones admit the admin alone, before their payload is even validated.
 * The {@link Authenticator} decides where the lookup runs: at once when the key is known in memory, else on a
 * worker thread.
 */
public class CallerFilter {

    private static final String INGEST = Ingest.class.getName();

    private final Authenticator authenticator;

    public CallerFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Whether the request is one to an {@link Ingest} endpoint, once this filter has seen it. */
    static boolean isIngest(ContainerRequestContext request) {
        return request != null && request.getProperty(INGEST) != null;
    }

    @ServerRequestFilter
    public Uni<Void> identify(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> target = resource.getResourceClass();
        if (target != null && target.isAnnotationPresent(Public.class)) {
            return Uni.createFrom().voidItem();
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Ingest.class)) {
            request.setProperty(INGEST, Boolean.TRUE);
        }
        boolean adminOnly = target != null && target.isAnnotationPresent(AdminOnly.class);
        return authenticator.authenticate(authenticator.credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        request.getHeaderString("X-Api-Key")))
                .invoke(caller -> {
                    if (adminOnly) {
                        authenticator.requireAdmin(caller);
                    }
                    request.setProperty(CurrentCaller.PROPERTY, caller);
                })
                .replaceWithVoid();
    }
}
