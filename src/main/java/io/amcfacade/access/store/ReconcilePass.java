package io.amcfacade.access.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One reconciliation of one account by one replica: which kind (the user and invitation listing, or a
 * slice of the role sweep), how long, how many AMC calls, how many changes. Kept for a while for
 * operators and as the record that two replicas never worked on one account at once.
 */
@Entity
@Table(name = "access_passes")
public class ReconcilePass extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(nullable = false)
    public String replica;
    @Column(nullable = false)
    public String kind;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;
    @Column(name = "amc_calls", nullable = false)
    public int amcCalls;
    @Column(nullable = false)
    public int changes;
    @Column(nullable = false)
    public String outcome;
}
