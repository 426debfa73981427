package io.amcfacade.access.store;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One period in which an invitation of an AMC account was in one state, as the reconciler saw it. */
@Entity
@Table(name = "access_invitations")
public class InvitationPeriod extends AccountPeriod {

    @Column(name = "invitation_id", nullable = false)
    public String invitationId;
    public String role;
    @Column(nullable = false)
    public String state;
    @Column(name = "changed_via", nullable = false)
    public String changedVia;
    @Column(name = "event_id")
    public UUID eventId;

    public static List<InvitationPeriod> open(String accountId) {
        return list("accountId = ?1 and validTo is null order by invitationId", accountId);
    }
}
