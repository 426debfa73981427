package io.amcfacade.access.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.access.reconcile.Observation.ObservedInvitation;
import io.amcfacade.access.reconcile.Observation.ObservedUser;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownGrant;
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
     * Lists the account's users and invitations, unless another replica holds it or listed it after
     * {@code listedBefore} (then it is done for this interval).
     */
    public Optional<Result> list(String accountId, Instant listedBefore) {
        return lock.whileHeld(accountId, () -> {
            KnownState known = ledger.state(accountId);
            if (known.account() != null && known.account().observedAt.isAfter(listedBefore)) {
                return null;
            }
            Instant started = Instant.now();
            ReconcileBudget.Spent spent = new ReconcileBudget.Spent();
            try {
                List<ObservedUser> users = amc.users(accountId, spent);
                List<ObservedInvitation> invitations = amc.invitations(accountId, spent);
                List<String> newUsers = newUsers(known, users);
                Map<String, String> roles = amc.roles(accountId, newUsers, spent);
                Instant observedAt = Instant.now();
                List<KnownGrant> grants = known.grants().stream()
                        .map(g -> new KnownGrant(g.userId, g.emailAddress, g.role)).toList();
                List<KnownInvitation> open = known.invitations().stream()
                        .map(i -> new KnownInvitation(i.invitationId, i.emailAddress, i.role, i.state)).toList();
                List<AccessChange> changes = new ArrayList<>(SnapshotDiff.users(accountId, grants, users, roles));
                changes.addAll(SnapshotDiff.invitations(accountId, open, invitations));
                ChangeAttribution.Attributed attributed = known.account() == null
                        ? attribution.baseline(accountId, changes, users.size(), invitations.size(), observedAt)
                        : attribution.attribute(known, changes, observedAt);
                List<AccessLedger.InvitationEvent> invitationEvents = new ArrayList<>(attributed.invitations());
                Attribution vanished = new Attribution("amc", null, null, observedAt);
                SnapshotDiff.gone(open, invitations).forEach(id -> invitationEvents.add(
                        new AccessLedger.InvitationEvent(id, null, null, null, vanished)));
                ledger.apply(accountId, observedAt, attributed.grants(), invitationEvents, newUsers, observedAt,
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
                Map<String, String> roles = amc.roles(accountId, stale.stream().map(g -> g.userId).toList(), spent);
                Instant checkedAt = Instant.now();
                // Only users whose role came back: one AMC no longer knows is the listing's to report as removed.
                List<GrantPeriod> read = stale.stream().filter(g -> roles.containsKey(g.userId)).toList();
                List<AccessChange> changes = SnapshotDiff.users(accountId,
                        read.stream().map(g -> new KnownGrant(g.userId, g.emailAddress, g.role)).toList(),
                        read.stream().map(g -> new ObservedUser(g.userId, g.emailAddress)).toList(), roles);
                ChangeAttribution.Attributed attributed = attribution.attribute(known, changes, checkedAt);
                ledger.apply(accountId, null, attributed.grants(), List.of(),
                        stale.stream().map(g -> g.userId).toList(), checkedAt,
                        pass("ROLES", started, spent, changes.size(), "SUCCEEDED"));
                return new Result(accountId, spent.calls(), changes.size(), attributed.outOfBand());
            } catch (RuntimeException e) {
                ledger.log(accountId, pass("ROLES", started, spent, 0, failure(e)));
                throw e;
            }
        });
    }

    private static List<String> newUsers(KnownState known, List<ObservedUser> users) {
        Set<String> knownIds = known.grants().stream().map(g -> g.userId).collect(Collectors.toSet());
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
