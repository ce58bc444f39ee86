package io.vocmonitor.survey.service;

import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.survey.security.Directory;
import io.vocmonitor.survey.config.SurveyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces respondentRef by a keyed hash (HMAC-SHA256 over organisation and reference) before a response
 * leaves the survey-service, unless the organisation opted out. The same respondent keeps the same
 * pseudonym within an organisation, so repeat feedback stays linkable, but the reference cannot be read back
 * without the key, and pseudonyms differ between organisations.
 */
@ApplicationScoped
public class Pseudonymiser {

    /** Marks a pseudonym, so nobody takes it for a customer number. */
    public static final String PREFIX = "psn_";
    private static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    public Pseudonymiser(SurveyConfig config) {
        String secret = config.privacy().pseudonymKey();
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("voc.privacy.pseudonym-key (VOC_PSEUDONYM_KEY) must have at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The response as it may be published for the organisation. */
    public ResponseSubmitted apply(Directory.OrganisationInfo organisation, ResponseSubmitted response) {
        if (!organisation.pseudonymiseRespondentRefs() || response.respondentRef() == null) {
            return response;
        }
        return response.withRespondentRef(pseudonym(organisation.id(), response.respondentRef()));
    }

    String pseudonym(String organisationId, String respondentRef) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(organisationId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(respondentRef.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
