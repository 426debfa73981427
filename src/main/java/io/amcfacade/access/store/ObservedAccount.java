package io.amcfacade.access.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An AMC account the reconciler has observed: when it was first seen (the baseline), when AMC last
 * answered for it, and what its last pass cost. Its grants and invitations hang off it.
 */
@Entity
@Table(name = "access_accounts")
public class ObservedAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "baseline_at", nullable = false)
    public Instant baselineAt;
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
    @Column(name = "last_pass_started_at")
    public Instant lastPassStartedAt;
    @Column(name = "last_pass_millis")
    public Long lastPassMillis;
    @Column(name = "last_pass_calls")
    public Integer lastPassCalls;
    @Column(name = "last_pass_changes")
    public Integer lastPassChanges;
    @Column(name = "last_pass_replica")
    public String lastPassReplica;
    /** The manager accounts the account was linked to when last listed, sorted, space-separated; null: never listed. */
    @Column(name = "manager_account_links")
    public String managerAccountLinks;
    /** When access through manager accounts was first listed; null: not yet (an account observed before V90). */
    @Column(name = "indirect_observed_at")
    public Instant indirectObservedAt;
}
