package io.amcfacade.access.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.access.reconcile.Observation.ManagerAccountLinks;
import io.amcfacade.access.reconcile.Observation.ObservedInvitation;
import io.amcfacade.access.reconcile.Observation.ObservedUser;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownGrant;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownIndirect;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownInvitation;
import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.access.store.AccessLedger;
import io.amcfacade.access.store.AccessLedger.Attribution;
import io.amcfacade.access.store.AccessLedger.KnownState;

/**
 * Reconciles one account while holding its lock: either its listing (users added or removed, the roles
 * of new users, invitations) or a slice of the role sweep (the roles read longest ago). Each change is
 * matched against the audit trail; what no facade action explains is recorded as out of band, before
 * the store commits, so a crash in between repeats the same (deduplicated) record rather than losing it.
 */
@ApplicationScoped
public class AccountReconciliation {

    /** What one pass over one account did; empty from {@link #list} when another replica holds the account. */
    public record Result(String accountId, int calls, int changes, int outOfBand) {
    }

    private final AccountLock lock;
    private final AmcAccessReader amc;
    private final AccessLedger ledger;
    private final ChangeAttribution attribution;
    private final ReconcileReplica replica;

    public AccountReconciliation(AccountLock lock, AmcAccessReader amc, AccessLedger ledger,
            ChangeAttribution attribution, ReconcileReplica replica) {
        this.lock = lock;
        this.amc = amc;
        this.ledger = ledger;
        this.attribution = attribution;
        this.replica = replica;
    }

    /**
     * Lists the account's users (directly and through manager accounts) and invitations, unless another replica
     * holds it or listed it after {@code listedBefore} (then it is done for this interval). Through which manager
     * account, and with what role there, is read only for users newly seen indirectly, or for every indirect user when
     * the account's manager-account links differ from those of its last listing ({@code links}, listed once per pass).
     */
    public Optional<Result> list(String accountId, Instant listedBefore, ManagerAccountLinks links) {
        return lock.whileHeld(accountId, () -> {
            KnownState known = ledger.state(accountId);
            if (known.account() != null && known.account().observedAt.isAfter(listedBefore)) {
                return null;
            }
            Instant started = Instant.now();
            ReconcileBudget.Spent spent = new ReconcileBudget.Spent();
            try {
                List<ObservedUser> users = amc.users(accountId, spent);
                List<ObservedUser> indirect = amc.indirectUsers(accountId, spent);
                List<ObservedInvitation> invitations = amc.invitations(accountId, spent);
                List<String> newUsers = newUsers(known, users);
                Map<String, String> roles = amc.roles(accountId, newUsers, spent);
                String linksNow = links.of(accountId, region(accountId));
                List<String> waysToRead = waysToRead(known, indirect, linksNow);
                Map<String, Map<String, String>> ways = amc.managerAccountRoles(accountId, waysToRead, spent);
                Instant observedAt = Instant.now();
                List<KnownGrant> grants = known.grants().stream().filter(GrantPeriod::direct)
                        .map(g -> new KnownGrant(g.userId, g.emailAddress, g.role)).toList();
                List<KnownInvitation> open = known.invitations().stream()
                        .map(i -> new KnownInvitation(i.invitationId, i.emailAddress, i.role, i.state)).toList();
                List<AccessChange> changes = new ArrayList<>(SnapshotDiff.users(accountId, grants, users, roles));
                List<AccessChange> indirectChanges = SnapshotDiff.indirect(accountId, knownIndirect(known.grants()),
                        indirect, ways);
                changes.addAll(SnapshotDiff.invitations(accountId, open, invitations));
                ChangeAttribution.Attributed attributed;
                if (known.account() == null) {
                    changes.addAll(indirectChanges);
                    attributed = attribution.baseline(accountId, changes, users.size(), invitations.size(), observedAt);
                } else if (known.account().indirectObservedAt == null) {
                    // Observed before the facade read access through manager accounts: what is held that way now was
                    // there when it first looked (the account's baseline), not changed behind its back.
                    attributed = attribution.attribute(known, changes, observedAt).and(attribution.baseline(accountId,
                            indirectChanges, users.size(), invitations.size(), observedAt));
                    changes.addAll(indirectChanges);
                } else {
                    changes.addAll(indirectChanges);
                    attributed = attribution.attribute(known, changes, observedAt);
                }
                List<AccessLedger.InvitationEvent> invitationEvents = new ArrayList<>(attributed.invitations());
                Attribution vanished = new Attribution("amc", null, null, observedAt);
                SnapshotDiff.gone(open, invitations).forEach(id -> invitationEvents.add(
                        new AccessLedger.InvitationEvent(id, null, null, null, vanished)));
                ledger.apply(accountId, observedAt, attributed.grants(), invitationEvents, newUsers,
                        List.copyOf(ways.keySet()), linksNow, observedAt,
                        pass("LIST", started, spent, changes.size(), "SUCCEEDED"));
                return new Result(accountId, spent.calls(), changes.size(), attributed.outOfBand());
            } catch (RuntimeException e) {
                ledger.log(accountId, pass("LIST", started, spent, 0, failure(e)));
                throw e;
            }
        });
    }

    /** Reads the roles of the account's {@code batch} grants read longest ago and records what changed. */
    public Optional<Result> sweepRoles(String accountId, int batch) {
        return lock.whileHeld(accountId, () -> {
            Instant started = Instant.now();
            ReconcileBudget.Spent spent = new ReconcileBudget.Spent();
            try {
                KnownState known = ledger.state(accountId);
                List<GrantPeriod> stale = ledger.stalestRoles(accountId, batch);
                List<String> direct = stale.stream().filter(GrantPeriod::direct).map(g -> g.userId).toList();
                // Access through manager accounts: each user's ways in read again, one call per user (not per way).
                List<String> indirect = stale.stream().filter(g -> !g.direct()).map(g -> g.userId).distinct().toList();
                Map<String, String> roles = amc.roles(accountId, direct, spent);
                Map<String, Map<String, String>> ways = amc.managerAccountRoles(accountId, indirect, spent);
                Instant checkedAt = Instant.now();
                // Only users whose role came back: one AMC no longer knows is the listing's to report as removed.
                List<GrantPeriod> read = stale.stream().filter(GrantPeriod::direct)
                        .filter(g -> roles.containsKey(g.userId)).toList();
                List<AccessChange> changes = new ArrayList<>(SnapshotDiff.users(accountId,
                        read.stream().map(g -> new KnownGrant(g.userId, g.emailAddress, g.role)).toList(),
                        read.stream().map(g -> new ObservedUser(g.userId, g.emailAddress)).toList(), roles));
                List<KnownIndirect> readIndirect = knownIndirect(known.grants()).stream()
                        .filter(g -> ways.containsKey(g.userId())).toList();
                Map<String, ObservedUser> stillListed = new java.util.LinkedHashMap<>();
                readIndirect.forEach(g -> stillListed.putIfAbsent(g.userId(), new ObservedUser(g.userId(), g.emailAddress())));
                changes.addAll(SnapshotDiff.indirect(accountId, readIndirect, List.copyOf(stillListed.values()), ways));
                ChangeAttribution.Attributed attributed = attribution.attribute(known, changes, checkedAt);
                ledger.apply(accountId, null, attributed.grants(), List.of(), direct, indirect, null, checkedAt,
                        pass("ROLES", started, spent, changes.size(), "SUCCEEDED"));
                return new Result(accountId, spent.calls(), changes.size(), attributed.outOfBand());
            } catch (RuntimeException e) {
                ledger.log(accountId, pass("ROLES", started, spent, 0, failure(e)));
                throw e;
            }
        });
    }

    /**
     * The indirect users whose ways in are read in this listing: those with no known way in through a manager
     * account, and all of them when the account's links changed since its last listing (unknown links: unchanged).
     */
    private static List<String> waysToRead(KnownState known, List<ObservedUser> indirect, String linksNow) {
        String linksBefore = known.account() == null ? null : known.account().managerAccountLinks;
        boolean relinked = linksNow != null && !linksNow.equals(linksBefore);
        Set<String> held = known.grants().stream().filter(g -> !g.direct()).map(g -> g.userId).collect(Collectors.toSet());
        return indirect.stream().map(ObservedUser::userId).filter(id -> relinked || !held.contains(id)).distinct().toList();
    }

    private static List<KnownIndirect> knownIndirect(List<GrantPeriod> grants) {
        return grants.stream().filter(g -> !g.direct())
                .map(g -> new KnownIndirect(g.userId, g.emailAddress, g.managerAccountId, g.role)).toList();
    }

    private io.amcfacade.regions.Region region(String accountId) {
        try {
            return amc.regionOf(accountId);
        } catch (RuntimeException e) {
            return null; // not known now: its links are unknown in this pass
        }
    }

    private static List<String> newUsers(KnownState known, List<ObservedUser> users) {
        Set<String> knownIds = known.grants().stream().filter(GrantPeriod::direct).map(g -> g.userId)
                .collect(Collectors.toSet());
        return users.stream().map(ObservedUser::userId).filter(id -> !knownIds.contains(id)).toList();
    }

    private AccessLedger.PassRecord pass(String kind, Instant started, ReconcileBudget.Spent spent, int changes,
            String outcome) {
        return new AccessLedger.PassRecord(replica.id(), kind, started, Instant.now(), spent.calls(), changes, outcome);
    }

    private static String failure(RuntimeException e) {
        return e instanceof ReconcileThrottled ? "THROTTLED" : "FAILED";
    }
}
