package io.vocmonitor.survey.service;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.InstrumentDefinition.Respondents;
import io.vocmonitor.events.Violation;
import io.vocmonitor.runtime.access.ApiKeys;
import io.vocmonitor.runtime.access.RateLimiter;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.QuestionnaireLink;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Questionnaire links: an organisation's ingest key (or the admin) creates, lists and revokes them; a respondent's
 * form opens one by its token, which authorises exactly that organisation and instrument while the link is active,
 * at a rate of its own ({@code voc.links.per-second}, {@code burst}). Tokens are shown once, when the link is made,
 * and stored as hashes like keys.
 */
@ApplicationScoped
public class QuestionnaireLinks {

    /** What a new link asks for, as validated payload fields. */
    public record Request(Instrument instrument, String unit, boolean askRole, String touchpoint, String language,
            String expiresAt) {
    }

    /** A new link with its token, in clear, and the form's address. */
    public record Created(QuestionnaireLink link, String token, String url) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The rate-limit bucket of tokens that open no link. */
    private static final String UNKNOWN = "unknown-link";

    private final Authenticator authenticator;
    private final SurveyConfig config;
    private final RateLimiter rateLimiter;

    public QuestionnaireLinks(Authenticator authenticator, SurveyConfig config) {
        this.authenticator = authenticator;
        this.config = config;
        this.rateLimiter = new RateLimiter(config.links().perSecond(), config.links().burst(), System::nanoTime);
    }

    /** A new link of the organisation; {@code baseUrl} is where the request reached this service. */
    @Transactional
    public Created create(Caller caller, String organisationId, Request request, String baseUrl) {
        authenticator.requireIngest(caller, organisationId).await().indefinitely();
        Instant now = Instant.now();
        List<Violation> violations = new ArrayList<>();
        boolean staff = InstrumentDefinition.of(request.instrument()).respondents() == Respondents.STAFF;
        if (staff && request.touchpoint() != null) {
            violations.add(new Violation("touchpoint", "only on links to customers' questionnaires; a "
                    + request.instrument() + " link may name a unit"));
        }
        if (!staff && request.unit() != null) {
            violations.add(new Violation("unit", "only on links to " + Instrument.SERVICE_EXCELLENCE_SCAN
                    + "; a " + request.instrument() + " link may name a touchpoint"));
        }
        if (!staff && request.askRole()) {
            violations.add(new Violation("askRole", "only on links to " + Instrument.SERVICE_EXCELLENCE_SCAN
                    + ": customers have no role"));
        }
        Instant expiresAt = now.plus(config.links().defaultLifetime());
        if (request.expiresAt() != null) {
            try {
                expiresAt = OffsetDateTime.parse(request.expiresAt()).toInstant();
                if (!expiresAt.isAfter(now)) {
                    violations.add(new Violation("expiresAt", "lies in the past"));
                } else if (expiresAt.isAfter(now.plus(config.links().maxLifetime()))) {
                    violations.add(new Violation("expiresAt", "more than " + config.links().maxLifetime().toDays()
                            + " days ahead; make a new link later instead"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("expiresAt", "must be an ISO-8601 timestamp with offset, e.g. "
                        + "2026-12-31T23:59:59Z"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        String token = ApiKeys.issue("form");
        QuestionnaireLink link = new QuestionnaireLink();
        link.id = "lnk_" + HexFormat.of().formatHex(randomBytes(8));
        link.tokenHash = ApiKeys.hash(token);
        link.organisationId = organisationId;
        link.instrument = request.instrument();
        link.unit = request.unit();
        link.askRole = request.askRole();
        link.touchpoint = request.touchpoint();
        link.language = request.language();
        link.createdAt = now;
        link.expiresAt = expiresAt;
        link.persist();
        String base = config.links().publicUrl().orElse(baseUrl).replaceAll("/+$", "");
        return new Created(link, token, base + "/r/" + token);
    }

    /** The organisation's links, newest first. */
    public List<QuestionnaireLink> list(Caller caller, String organisationId) {
        authenticator.requireIngest(caller, organisationId).await().indefinitely();
        return QuestionnaireLink.list("organisationId = ?1 order by createdAt desc", organisationId);
    }

    /** Revokes a link of the organisation: its form takes no more answers. Revoking twice changes nothing. */
    @Transactional
    public QuestionnaireLink revoke(Caller caller, String organisationId, String linkId) {
        authenticator.requireIngest(caller, organisationId).await().indefinitely();
        QuestionnaireLink link = QuestionnaireLink.findById(linkId);
        if (link == null || !link.organisationId.equals(organisationId)) {
            throw new UnknownLink("the organisation has no link '" + linkId + "'");
        }
        if (link.revokedAt == null) {
            link.revokedAt = Instant.now();
        }
        return link;
    }

    /**
     * The active link of the token, for its form: {@link UnknownLink} when there is none, {@link LinkGone} when it
     * expired or was revoked or its organisation is deactivated; each use counts against the link's rate.
     */
    public QuestionnaireLink open(String token) {
        String hash = ApiKeys.hash(token == null ? "" : token);
        QuestionnaireLink link = QuestionnaireLink.find("tokenHash", hash).firstResult();
        if (link == null) {
            // guesses share one allowance: trying tokens is as slow as one link's use, whoever tries
            rateLimiter.acquire(UNKNOWN);
            throw new UnknownLink("there is no questionnaire at this address; check the link you were sent");
        }
        rateLimiter.acquire(hash);
        if (link.revokedAt != null) {
            throw new LinkGone("this questionnaire link was withdrawn by the organisation on "
                    + link.revokedAt.toString().substring(0, 10) + "; it takes no more answers");
        }
        if (!Instant.now().isBefore(link.expiresAt)) {
            throw new LinkGone("this questionnaire link expired on " + link.expiresAt.toString().substring(0, 10)
                    + "; it takes no more answers");
        }
        Organisation organisation = Organisation.findById(link.organisationId);
        if (organisation == null || !organisation.active) {
            throw new LinkGone("the organisation of this questionnaire takes no answers at the moment");
        }
        return link;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
