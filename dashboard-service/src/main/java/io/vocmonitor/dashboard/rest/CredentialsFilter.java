package io.vocmonitor.dashboard.rest;

import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.runtime.access.Credentials;
import io.vocmonitor.runtime.access.Public;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the credentials of every request once ({@code Authorization} or {@code X-Api-Key}) before the resource
 * runs: a missing, malformed or wrong admin credential is refused here; resources ask {@link CurrentCredentials}.
 * {@link Public} resources go without.
 */
public class CredentialsFilter {

    private final DashboardConfig config;

    public CredentialsFilter(DashboardConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void read(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(Public.class)) {
            return;
        }
        request.setProperty(CurrentCredentials.PROPERTY, Credentials.read(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString("X-Api-Key"), config.adminToken()));
    }
}
