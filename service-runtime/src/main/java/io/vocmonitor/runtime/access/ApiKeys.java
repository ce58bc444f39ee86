package io.vocmonitor.runtime.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * API keys as the survey-service issues them and both HTTP services check them. A key is 256 random bits,
 * base64url-encoded, behind a prefix that tells its scope ({@code voc_ingest_…}, {@code voc_read_…}); only its
 * SHA-256 is stored (in the survey-service's credential view, which the dashboard reads). A fast hash is enough
 * because the keys are random, not chosen by people.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;

    private ApiKeys() {
    }

    /** A new key of the scope ({@code INGEST}, {@code READ}), in clear: shown once, then only its hash is kept. */
    public static String issue(String scope) {
        byte[] secret = new byte[KEY_BYTES];
        RANDOM.nextBytes(secret);
        return "voc_" + scope.toLowerCase(Locale.ROOT) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Lowercase hex SHA-256 of the key: the form keys are stored and looked up under. */
    public static String hash(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
