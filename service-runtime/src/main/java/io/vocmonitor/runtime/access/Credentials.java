package io.vocmonitor.runtime.access;

import java.util.Optional;

/**
 * What a request presents (SPEC §5): {@code Authorization: Bearer} with the admin token, checked here, or an
 * organisation's key in {@code X-Api-Key}, kept only as its hash. Read once per request; whose the key is, is
 * for the service to find out.
 *
 * @param keyHash the hash of the API key (see {@link ApiKeys#hash}); null for the admin
 */
public record Credentials(String keyHash) {

    public static final Credentials ADMIN = new Credentials(null);

    private static final String BEARER = "Bearer ";

    public boolean isAdmin() {
        return keyHash == null;
    }

    /**
     * The credentials of a request's headers; an {@code Authorization} header wins over {@code X-Api-Key}.
     *
     * @throws NotAuthenticated for a malformed Authorization header, a wrong admin token (or none configured), or
     *                          no credentials at all
     */
    public static Credentials read(String authorization, String apiKey, Optional<String> adminToken) {
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new NotAuthenticated("the Authorization header must be 'Bearer <admin token>'");
            }
            String token = authorization.substring(BEARER.length()).trim();
            String expected = adminToken.orElse("");
            if (expected.isEmpty() || !ApiKeys.sameSecret(token, expected)) {
                throw new NotAuthenticated("the bearer token is not valid");
            }
            return ADMIN;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return new Credentials(ApiKeys.hash(apiKey.trim()));
        }
        throw new NotAuthenticated("send an X-Api-Key header or an admin bearer token");
    }
}
