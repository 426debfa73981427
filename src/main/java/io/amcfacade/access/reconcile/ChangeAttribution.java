package io.amcfacade.access.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.access.store.InvitationPeriod;
import io.amcfacade.access.store.AccessLedger.Attribution;
import io.amcfacade.access.store.AccessLedger.GrantEvent;
import io.amcfacade.access.store.AccessLedger.InvitationEvent;
import io.amcfacade.access.store.AccessLedger.KnownState;

/**
 * Decides who is behind each change: the facade action the trail shows ({@code facade}, at that
 * action's time), an invitation's own life ({@code amc}: accepted, expired), or nobody the facade knows
 * ({@code out-of-band}, recorded as such, at the time it was observed). On an account's first snapshot
 * everything is {@code baseline} unless a facade action explains it.
 */
@ApplicationScoped
public class ChangeAttribution {

    /** The store's events for a set of changes, and how many were out of band. */
    public record Attributed(List<GrantEvent> grants, List<InvitationEvent> invitations, int outOfBand) {

        /** Both sets of events, these first. */
        Attributed and(Attributed more) {
            List<GrantEvent> allGrants = new ArrayList<>(grants);
            allGrants.addAll(more.grants());
            List<InvitationEvent> allInvitations = new ArrayList<>(invitations);
            allInvitations.addAll(more.invitations());
            return new Attributed(allGrants, allInvitations, outOfBand + more.outOfBand());
        }
    }

    private final FacadeActions trail;
    private final OutOfBandAudit audit;

    public ChangeAttribution(FacadeActions trail, OutOfBandAudit audit) {
        this.trail = trail;
        this.audit = audit;
    }

    public Attributed attribute(KnownState known, List<AccessChange> changes, Instant observedAt) {
        Instant previous = known.account().observedAt;
        Map<String, GrantPeriod> grants = known.grants().stream()
                .collect(Collectors.toMap(g -> wayIn(g.userId, g.managerAccountId), Function.identity()));
        Map<String, InvitationPeriod> invitations = known.invitations().stream()
                .collect(Collectors.toMap(i -> i.invitationId, Function.identity()));
        Collector collector = new Collector();
        int outOfBand = 0;
        for (AccessChange change : changes) {
            GrantPeriod grant = change instanceof AccessChange.UserChange user
                    ? grants.get(wayIn(user.userId(), user.heldVia().managerAccountId())) : null;
            InvitationPeriod invitation = change.targetKind() == TargetKind.INVITATION ? invitations.get(change.targetId()) : null;
            Instant oldStateSeenAt = change instanceof AccessChange.RoleChanged ? grant.roleCheckedAt : previous;
            Instant since = grant != null ? grant.validFrom : invitation != null ? invitation.validFrom : previous;
            Attribution by;
            if (change instanceof AccessChange.InvitationChanged invited && invited.lifecycle()) {
                by = new Attribution("amc", null, null, observedAt);
            } else {
                by = trail.explaining(change, oldStateSeenAt, observedAt)
                        .map(action -> new Attribution("facade", action.eventId(), action.actor(), action.occurredAt()))
                        .orElse(null);
                if (by == null) {
                    UUID eventId = audit.changed(change, since, observedAt, previous);
                    by = new Attribution("out-of-band", eventId, OutOfBandAudit.ACTOR, observedAt);
                    outOfBand++;
                }
            }
            collector.add(change, by);
        }
        return new Attributed(collector.grants, collector.invitations, outOfBand);
    }

    /** The first snapshot: one baseline record, and each grant explained by the trail where it can be. */
    public Attributed baseline(String accountId, List<AccessChange> changes, int users, int invitations,
            Instant observedAt) {
        UUID baseline = audit.baseline(accountId, observedAt, users, invitations);
        Attribution unexplained = new Attribution("baseline", baseline, OutOfBandAudit.ACTOR, observedAt);
        Collector collector = new Collector();
        for (AccessChange change : changes) {
            Attribution by = trail.explaining(change, observedAt, observedAt)
                    .map(action -> new Attribution("facade", action.eventId(), action.actor(), observedAt))
                    .orElse(unexplained);
            collector.add(change, by);
        }
        return new Attributed(collector.grants, collector.invitations, 0);
    }

    /** One user's one way into the account: directly, or through one manager account. */
    private static String wayIn(String userId, String managerAccountId) {
        return managerAccountId == null ? userId : userId + "\n" + managerAccountId;
    }

    private static final class Collector {
        final List<GrantEvent> grants = new ArrayList<>();
        final List<InvitationEvent> invitations = new ArrayList<>();

        void add(AccessChange change, Attribution by) {
            if (change instanceof AccessChange.UserAdded added) {
                grants.add(new GrantEvent(added.userId(), added.emailAddress(), added.toRole(), by,
                        added.heldVia().managerAccountId()));
            } else if (change instanceof AccessChange.RoleChanged role) {
                grants.add(new GrantEvent(role.userId(), role.emailAddress(), role.toRole(), by,
                        role.heldVia().managerAccountId()));
            } else if (change instanceof AccessChange.UserRemoved removed) {
                grants.add(new GrantEvent(removed.userId(), removed.emailAddress(), null, by,
                        removed.heldVia().managerAccountId()));
            } else if (change instanceof AccessChange.InvitationChanged invitation) {
                invitations.add(new InvitationEvent(invitation.invitationId(), invitation.emailAddress(),
                        invitation.invitedRole(), invitation.toState(), by));
            }
        }
    }
}
