package io.vocmonitor.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a request's credentials: the admin token checked, a key reduced to its hash. */
class CredentialsTest {

    private static final Optional<String> TOKEN = Optional.of("the-admin-token");

    @Test
    void theAdminTokenMakesTheAdmin() {
        assertThat(Credentials.read("Bearer the-admin-token", null, TOKEN).isAdmin()).isTrue();
        assertThat(Credentials.read("bearer  the-admin-token ", "voc_read_x", TOKEN).isAdmin()).isTrue();
    }

    @Test
    void aKeyIsKeptOnlyAsItsHash() {
        Credentials credentials = Credentials.read(null, " voc_read_abc ", TOKEN);
        assertThat(credentials.isAdmin()).isFalse();
        assertThat(credentials.keyHash()).isEqualTo(ApiKeys.hash("voc_read_abc")).hasSize(64).doesNotContain("abc");
    }

    @Test
    void malformedWrongOrMissingCredentialsAreRefused() {
        assertThatThrownBy(() -> Credentials.read("Basic dXNlcjpwYXNz", null, TOKEN)).isInstanceOf(NotAuthenticated.class)
                .hasMessageContaining("Bearer <admin token>");
        assertThatThrownBy(() -> Credentials.read("Bearer not-the-token", null, TOKEN)).isInstanceOf(NotAuthenticated.class)
                .hasMessage("the bearer token is not valid");
        assertThatThrownBy(() -> Credentials.read(" ", "", TOKEN)).isInstanceOf(NotAuthenticated.class);
        // without a configured admin token no bearer token is valid, not even an empty one
        assertThatThrownBy(() -> Credentials.read("Bearer ", null, Optional.empty())).isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void issuedKeysTellTheirScopeAndDiffer() {
        String one = ApiKeys.issue("INGEST");
        String two = ApiKeys.issue("INGEST");
        assertThat(one).startsWith("voc_ingest_").hasSize("voc_ingest_".length() + 43).isNotEqualTo(two);
        assertThat(ApiKeys.issue("READ")).startsWith("voc_read_");
        assertThat(ApiKeys.sameSecret(one, one)).isTrue();
        assertThat(ApiKeys.sameSecret(one, two)).isFalse();
    }
}
