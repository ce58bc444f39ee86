package io.vocmonitor.survey.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The caller of the request being served, as the {@code CallerFilter} identified it before the resource ran. */
@ApplicationScoped
public class CurrentCaller {

    /** The request property the filter keeps the caller under. */
    public static final String PROPERTY = Caller.class.getName();

    private final ContainerRequestContext request;

    public CurrentCaller(ContainerRequestContext request) {
        this.request = request;
    }

    public Caller get() {
        Caller caller = (Caller) request.getProperty(PROPERTY);
        if (caller == null) {
            throw new IllegalStateException("no caller: the resource is not behind the CallerFilter");
        }
        return caller;
    }
}
