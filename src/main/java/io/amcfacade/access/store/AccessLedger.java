package io.amcfacade.access.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes what the reconciler found, one account and one transaction at a time: periods are opened and
 * closed, never copied, and the account's observation time and last pass are updated with them.
 */
@ApplicationScoped
public class AccessLedger {

    /** Who or what is behind a change: {@code facade}, {@code out-of-band}, {@code baseline} or {@code amc}. */
    public record Attribution(String via, UUID eventId, String actor, Instant at) {
    }

    /**
     * A user's new role one way in ({@code null}: that access ended): held directly when {@code managerAccountId}
     * is null, else through that manager account.
     */
    public record GrantEvent(String userId, String emailAddress, String toRole, Attribution by, String managerAccountId) {

        public GrantEvent(String userId, String emailAddress, String toRole, Attribution by) {
            this(userId, emailAddress, toRole, by, null);
        }

        String heldVia() {
            return managerAccountId == null ? GrantPeriod.DIRECT : GrantPeriod.MANAGER_ACCOUNT;
        }
    }

    /** An invitation's new state ({@code null}: AMC no longer lists it). */
    public record InvitationEvent(String invitationId, String emailAddress, String role, String toState,
            Attribution by) {
    }

    /** One pass over one account, for {@code access_passes} and the account's last-pass columns. */
    public record PassRecord(String replica, String kind, Instant startedAt, Instant finishedAt, int calls,
            int changes, String outcome) {
    }

    /** What the facade knows of an account now; {@code account} is null before its baseline. */
    public record KnownState(ObservedAccount account, List<GrantPeriod> grants, List<InvitationPeriod> invitations) {
    }

    @Transactional
    public KnownState state(String accountId) {
        return new KnownState(ObservedAccount.findById(accountId), GrantPeriod.open(accountId),
                InvitationPeriod.open(accountId));
    }

    /** The open grants (any way in) whose roles were read longest ago. */
    @Transactional
    public List<GrantPeriod> stalestRoles(String accountId, int count) {
        return GrantPeriod.stalestRoles(accountId, count);
    }

    /** Of {@code accounts}, those with a role not read since {@code before}, the oldest first. */
    @Transactional
    public List<String> accountsDueForRoles(Collection<String> accounts, Instant before, int count) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return GrantPeriod.getEntityManager().createQuery(
                "select g.accountId from GrantPeriod g where g.validTo is null and g.roleCheckedAt < :before "
                        + "and g.accountId in :accounts group by g.accountId order by min(g.roleCheckedAt)", String.class)
                .setParameter("before", before).setParameter("accounts", accounts).setMaxResults(count).getResultList();
    }

    /**
     * @param observedAt when AMC listed the account's users and invitations; {@code null} for a slice
     *                   of the role sweep, which listed nothing
     * @param roleChecked users whose direct role was read at {@code checkedAt}
     */
    @Transactional
    public void apply(String accountId, Instant observedAt, List<GrantEvent> grants, List<InvitationEvent> invitations,
            List<String> roleChecked, Instant checkedAt, PassRecord pass) {
        apply(accountId, observedAt, grants, invitations, roleChecked, List.of(), null, checkedAt, pass);
    }

    /**
     * @param managerAccountsChecked users whose ways in through manager accounts were read at {@code checkedAt}
     * @param managerAccountLinks    the account's manager-account links as listed now; null: not known in this pass
     */
    @Transactional
    public void apply(String accountId, Instant observedAt, List<GrantEvent> grants, List<InvitationEvent> invitations,
            List<String> roleChecked, List<String> managerAccountsChecked, String managerAccountLinks,
            Instant checkedAt, PassRecord pass) {
        ObservedAccount account = ObservedAccount.findById(accountId);
        if (account == null) {
            account = new ObservedAccount();
            account.accountId = accountId;
            account.baselineAt = observedAt;
            account.observedAt = observedAt;
            account.persist();
        }
        if (observedAt != null) {
            account.observedAt = observedAt;
            if (account.indirectObservedAt == null) {
                account.indirectObservedAt = observedAt; // a listing reads the indirect users too
            }
        }
        for (GrantEvent event : grants) {
            GrantPeriod open = (event.managerAccountId() == null
                    ? GrantPeriod.find("accountId = ?1 and userId = ?2 and heldVia = ?3 and validTo is null", accountId,
                            event.userId(), GrantPeriod.DIRECT)
                    : GrantPeriod.find("accountId = ?1 and userId = ?2 and heldVia = ?3 and managerAccountId = ?4 "
                            + "and validTo is null", accountId, event.userId(), GrantPeriod.MANAGER_ACCOUNT,
                            event.managerAccountId())).firstResult();
            if (open != null) {
                // A facade action begun a moment before the period was first observed still ends it there.
                open.validTo = event.by().at().isBefore(open.validFrom) ? open.validFrom : event.by().at();
                open.endedVia = event.by().via();
                open.endedEventId = event.by().eventId();
                open.endedBy = event.by().actor();
            }
            if (event.toRole() != null) {
                GrantPeriod.getEntityManager().flush(); // the closed period first: one open period per user and way in
                openGrant(accountId, event, open == null ? event.by().at() : open.validTo, checkedAt);
            }
        }
        for (InvitationEvent event : invitations) {
            InvitationPeriod open = InvitationPeriod.find("accountId = ?1 and invitationId = ?2 and validTo is null",
                    accountId, event.invitationId()).firstResult();
            if (open != null) {
                open.validTo = event.by().at();
            }
            if (event.toState() != null) {
                InvitationPeriod.getEntityManager().flush();
                openInvitation(accountId, event);
            }
        }
        if (!roleChecked.isEmpty()) {
            GrantPeriod.update("roleCheckedAt = ?1 where accountId = ?2 and validTo is null and heldVia = ?3 "
                    + "and userId in ?4", checkedAt, accountId, GrantPeriod.DIRECT, roleChecked);
        }
        if (!managerAccountsChecked.isEmpty()) {
            GrantPeriod.update("roleCheckedAt = ?1 where accountId = ?2 and validTo is null and heldVia = ?3 "
                    + "and userId in ?4", checkedAt, accountId, GrantPeriod.MANAGER_ACCOUNT, managerAccountsChecked);
        }
        if (managerAccountLinks != null) {
            account.managerAccountLinks = managerAccountLinks;
        }
        account.lastPassStartedAt = pass.startedAt();
        account.lastPassMillis = pass.finishedAt().toEpochMilli() - pass.startedAt().toEpochMilli();
        account.lastPassCalls = pass.calls();
        account.lastPassChanges = pass.changes();
        account.lastPassReplica = pass.replica();
        log(accountId, pass);
    }

    /** A pass that changed nothing in the store (throttled, failed): only its record. */
    @Transactional
    public void log(String accountId, PassRecord pass) {
        ReconcilePass row = new ReconcilePass();
        row.accountId = accountId;
        row.replica = pass.replica();
        row.kind = pass.kind();
        row.startedAt = pass.startedAt();
        row.finishedAt = pass.finishedAt();
        row.amcCalls = pass.calls();
        row.changes = pass.changes();
        row.outcome = pass.outcome();
        row.persist();
    }

    @Transactional
    public long forgetPassesBefore(Instant before) {
        return ReconcilePass.delete("startedAt < ?1", before);
    }

    private static void openGrant(String accountId, GrantEvent event, Instant from, Instant checkedAt) {
        GrantPeriod grant = new GrantPeriod();
        grant.accountId = accountId;
        grant.userId = event.userId();
        grant.emailAddress = event.emailAddress();
        grant.role = event.toRole();
        grant.validFrom = from;
        grant.grantedVia = event.by().via();
        grant.grantedEventId = event.by().eventId();
        grant.grantedBy = event.by().actor();
        grant.roleCheckedAt = checkedAt;
        grant.heldVia = event.heldVia();
        grant.managerAccountId = event.managerAccountId();
        grant.persist();
    }

    private static void openInvitation(String accountId, InvitationEvent event) {
        InvitationPeriod invitation = new InvitationPeriod();
        invitation.accountId = accountId;
        invitation.invitationId = event.invitationId();
        invitation.emailAddress = event.emailAddress();
        invitation.role = event.role();
        invitation.state = event.toState();
        invitation.validFrom = event.by().at();
        invitation.changedVia = event.by().via();
        invitation.eventId = event.by().eventId();
        invitation.persist();
    }
}
