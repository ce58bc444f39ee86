package io.vocmonitor.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.vocmonitor.events.Instrument;
import java.time.Instant;

/**
 * A link to the hosted questionnaire: it lets whoever holds its token fill in one instrument for one organisation,
 * with a fixed unit or touchpoint, until it expires or is revoked. Only the token's hash is stored.
 */
@Entity
@Table(name = "questionnaire_link", schema = "survey")
public class QuestionnaireLink extends PanacheEntityBase {

    @Id
    public String id;

    /** Lowercase hex SHA-256 of the token as issued. */
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "organisation_id")
    public String organisationId;

    @Enumerated(EnumType.STRING)
    public Instrument instrument;

    /** The unit every response through the link carries (Service Excellence Scan); null when none. */
    public String unit;

    /** Whether the form asks the respondent's role (Service Excellence Scan). */
    @Column(name = "ask_role")
    public boolean askRole;

    /** The touchpoint every response through the link carries (customers' instruments); null when none. */
    public String touchpoint;

    /** The form's first language, en or nl; null to follow the browser. */
    public String language;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** ACTIVE, EXPIRED or REVOKED at {@code now}. */
    public String state(Instant now) {
        return revokedAt != null ? "REVOKED" : now.isBefore(expiresAt) ? "ACTIVE" : "EXPIRED";
    }
}
