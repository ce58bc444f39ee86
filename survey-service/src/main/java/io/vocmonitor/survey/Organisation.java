package io.vocmonitor.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organisation whose customers' feedback the platform monitors; the tenant of every response and score. */
@Entity
@Table(name = "organisation", schema = "survey")
public class Organisation extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether respondentRef is replaced by a keyed hash before it is published (the default). */
    @Column(name = "pseudonymise_respondent_refs")
    public boolean pseudonymiseRespondentRefs = true;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
}
