package io.vocmonitor.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored form of an organisation's API key: its hash, never the key itself. */
@Entity
@Table(name = "api_key", schema = "survey")
public class ApiKey extends PanacheEntityBase {

    /** Lowercase hex SHA-256 of the key as issued. */
    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "organisation_id")
    public String organisationId;

    @Enumerated(EnumType.STRING)
    public KeyScope scope;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
