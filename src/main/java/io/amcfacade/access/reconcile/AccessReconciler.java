package io.amcfacade.access.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.amcfacade.access.reconcile.Observation.ManagerAccountLinks;
import io.amcfacade.access.store.AccessLedger;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the reconciler's passes, on every replica, every {@code amc.access.reconcile-interval}: first the
 * listing of every account (users added or removed, invitations; cheap: a call or two per account), then,
 * with what is left of the interval, the rolling role sweep (one call per user, the roles read longest ago
 * first). Accounts are locked one at a time ({@link AccountLock}), so replicas share the work instead of
 * doubling it. A throttled account waits for the next pass while the pass backs off and goes on.
 */
@ApplicationScoped
public class AccessReconciler {

    private static final Logger LOG = Logger.getLogger(AccessReconciler.class);
    /** Accounts a sweep step considers at once; one locked by another replica makes way for the next. */
    private static final int SWEEP_CANDIDATES = 8;

    private final AmcAccessReader amc;
    private final io.amcfacade.upstream.AccountRegions regions;
    private final AccountReconciliation accounts;
    private final AccessLedger ledger;
    private final AccessConfig config;
    private final ReconcileMetrics metrics;
    private final ThrottleBackoff backoff = new ThrottleBackoff();
    private final ReentrantLock passRunning = new ReentrantLock();
    /** Passes run here, off the scheduler's and any request's thread: no request context and no caller deadline. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "access-reconciler"));

    /** What one pass did on this replica. */
    public record PassSummary(int accounts, int listed, int skipped, int rolesSwept, int calls, int changes,
            int outOfBand, int throttled, int failed, long durationMillis) {
    }

    public AccessReconciler(AmcAccessReader amc, io.amcfacade.upstream.AccountRegions regions,
            AccountReconciliation accounts, AccessLedger ledger, AccessConfig config, ReconcileMetrics metrics) {
        this.amc = amc;
        this.regions = regions;
        this.accounts = accounts;
        this.ledger = ledger;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${amc.access.reconcile-interval:PT15M}", delayed = "${amc.access.initial-delay:PT20S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotScheduled.class)
    void onTimer() {
        // The scheduler runs this in a request context of its own, which would give the whole pass one deadline.
        await(runner.submit(() -> run(false, null)));
    }

    /**
     * A pass now, listing every account (or only {@code onlyAccount}) and sweeping every role whatever the
     * interval: {@code POST /v1/access/reconciliations}.
     */
    public PassSummary reconcileNow(String onlyAccount) {
        return await(runner.submit(() -> run(true, onlyAccount)));
    }

    private static PassSummary await(java.util.concurrent.Future<PassSummary> pass) {
        try {
            return pass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the reconciliation pass", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private PassSummary run(boolean complete, String onlyAccount) {
        passRunning.lock();
        try {
            return pass(complete, onlyAccount);
        } finally {
            passRunning.unlock();
        }
    }

    private PassSummary pass(boolean complete, String onlyAccount) {
        Instant started = Instant.now();
        backoff.succeeded();
        PassTally tally = new PassTally();
        ReconcileBudget.Spent listing = new ReconcileBudget.Spent();
        List<String> accountIds;
        try {
            accountIds = onlyAccount != null ? List.of(onlyAccount) : amc.accountIds(listing);
        } catch (ReconcileThrottled e) {
            LOG.warnf("Access reconciliation skipped: listing the accounts was throttled (%s)", e.getMessage());
            tally.throttled(); // so the summary says why the pass did nothing
            return tally.summary(0, listing.calls(), started);
        }
        // Which manager accounts each account is linked to: one listing per region (only the account's own for a
        // pass over one account), not one per account.
        ManagerAccountLinks links = managerAccountLinks(onlyAccount, listing);
        // An account listed by another replica within amc.access.listed-within is done for this one.
        Instant listedBefore = complete ? started : started.minus(config.listingSkipWindow());
        for (String accountId : accountIds) {
            if (backoff.exhausted()) {
                break; // AMC keeps saying "not now": the remaining accounts wait for the next pass
            }
            tally.add(step(accountId, tally, () -> accounts.list(accountId, listedBefore, links)), true);
        }
        LOG.infof("Access listing: %d accounts in %d ms, %d AMC calls", accountIds.size(),
                Duration.between(started, Instant.now()).toMillis(), tally.calls() + listing.calls());
        Instant sweepEnds = complete ? Instant.MAX
                : started.plusMillis((long) (config.reconcileInterval().toMillis() * config.roleSweepShare()));
        sweep(new HashSet<>(accountIds), started, sweepEnds, tally);
        ledger.forgetPassesBefore(started.minus(config.passLogRetention()));
        PassSummary summary = tally.summary(accountIds.size(), listing.calls(), started);
        metrics.pass(summary);
        LOG.infof("Access reconciliation: %s", summary);
        return summary;
    }

    private ManagerAccountLinks managerAccountLinks(String onlyAccount, ReconcileBudget.Spent listing) {
        try {
            return amc.managerAccountLinks(onlyAccount == null ? regions.regions() : List.of(amc.regionOf(onlyAccount)),
                    listing);
        } catch (RuntimeException e) {
            LOG.warnf("Manager-account links unknown in this pass (%s)", e.getMessage());
            return ManagerAccountLinks.UNKNOWN;
        }
    }

    /** The role sweep: accounts with the roles read longest ago first, a slice at a time, until the time is up. */
    private void sweep(Set<String> listed, Instant passStarted, Instant sweepEnds, PassTally tally) {
        // Only accounts AMC still lists, and none whose slice failed in this pass: each gets its turn again next time.
        Set<String> sweepable = listed;
        while (Instant.now().isBefore(sweepEnds) && !backoff.exhausted()) {
            sweepable.removeAll(tally.failedAccounts());
            List<String> due = ledger.accountsDueForRoles(sweepable, passStarted, SWEEP_CANDIDATES);
            if (due.isEmpty()) {
                return;
            }
            boolean progressed = false;
            for (String accountId : due) {
                Optional<AccountReconciliation.Result> result = step(accountId, tally,
                        () -> accounts.sweepRoles(accountId, config.roleSweepBatch()));
                tally.add(result, false);
                progressed |= result.isPresent();
                if (!Instant.now().isBefore(sweepEnds)) {
                    return;
                }
            }
            if (!progressed) {
                pause(Duration.ofMillis(200)); // every due account is another replica's right now
            }
        }
    }

    /** One account's step; throttling backs the pass off instead of failing it, and other failures are logged. */
    private Optional<AccountReconciliation.Result> step(String accountId, PassTally tally,
            java.util.function.Supplier<Optional<AccountReconciliation.Result>> work) {
        try {
            Optional<AccountReconciliation.Result> result = work.get();
            result.ifPresent(r -> {
                backoff.succeeded();
                metrics.account(r);
            });
            return result;
        } catch (ReconcileThrottled e) {
            Duration wait = backoff.throttled();
            tally.throttled();
            LOG.warnf("Reconciling %s was throttled (%s); backing off %s", accountId, e.getMessage(), wait);
            metrics.throttled();
            pause(wait);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reconciling %s failed; it is tried again in the next pass", accountId);
            tally.failed(accountId);
            metrics.failed();
            return Optional.empty();
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
