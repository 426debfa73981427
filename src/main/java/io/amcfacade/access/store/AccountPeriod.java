package io.amcfacade.access.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a grant and an invitation period have in common: a span of time on one AMC account, about one
 * person's email, open while {@link #validTo} is null. Changes are stored as periods, not snapshots.
 */
@MappedSuperclass
public abstract class AccountPeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(name = "email_address")
    public String emailAddress;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "valid_to")
    public Instant validTo;
}
