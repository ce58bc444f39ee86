package io.vocmonitor.survey.security;

import io.vocmonitor.survey.KeyScope;

/**
 * Who is calling: the platform admin, or an organisation through one of its keys.
 *
 * @param organisationId the key's organisation; null for the admin
 * @param scope the key's scope; null for the admin
 */
public record Caller(String organisationId, KeyScope scope) {

    public static final Caller ADMIN = new Caller(null, null);

    public boolean isAdmin() {
        return organisationId == null;
    }
}
