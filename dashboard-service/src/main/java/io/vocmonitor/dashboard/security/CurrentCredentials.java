package io.vocmonitor.dashboard.security;

import io.vocmonitor.runtime.access.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The credentials of the request being served, as the {@code CredentialsFilter} read them before the resource ran.
 * Whose they are is checked with the data they ask for ({@link ReadAccess}), in the same database round trip.
 */
@ApplicationScoped
public class CurrentCredentials {

    /** The request property the filter keeps the credentials under. */
    public static final String PROPERTY = Credentials.class.getName();

    private final ContainerRequestContext request;

    public CurrentCredentials(ContainerRequestContext request) {
        this.request = request;
    }

    public Credentials get() {
        Credentials credentials = (Credentials) request.getProperty(PROPERTY);
        if (credentials == null) {
            throw new IllegalStateException("no credentials: the resource is not behind the CredentialsFilter");
        }
        return credentials;
    }
}
