package io.amcfacade.access.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One period in which an invitation of an AMC account was in one state, as the reconciler saw it. */
@Entity
@Table(name = "access_invitations")
public class InvitationPeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(name = "invitation_id", nullable = false)
    public String invitationId;
    @Column(name = "email_address")
    public String emailAddress;
    public String role;
    @Column(nullable = false)
    public String state;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "valid_to")
    public Instant validTo;
    @Column(name = "changed_via", nullable = false)
    public String changedVia;
    @Column(name = "event_id")
    public UUID eventId;

    public static List<InvitationPeriod> open(String accountId) {
        return list("accountId = ?1 and validTo is null order by invitationId", accountId);
    }
}
