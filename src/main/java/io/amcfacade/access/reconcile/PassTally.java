package io.amcfacade.access.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Adds up one pass's accounts, calls and changes for its summary. */
final class PassTally {

    private int listed;
    private int skipped;
    private int rolesSwept;
    private int calls;
    private int changes;
    private int outOfBand;
    private int throttled;
    private final Set<String> failedAccounts = new HashSet<>();

    void add(Optional<AccountReconciliation.Result> result, boolean listing) {
        if (result.isEmpty()) {
            if (listing) {
                skipped++;
            }
            return;
        }
        if (listing) {
            listed++;
        } else {
            rolesSwept++;
        }
        calls += result.get().calls();
        changes += result.get().changes();
        outOfBand += result.get().outOfBand();
    }

    void failed(String accountId) {
        failedAccounts.add(accountId);
    }

    Set<String> failedAccounts() {
        return failedAccounts;
    }

    int calls() {
        return calls;
    }

    void throttled() {
        throttled++;
    }

    AccessReconciler.PassSummary summary(int accounts, int listingCalls, Instant started) {
        return new AccessReconciler.PassSummary(accounts, listed, skipped, rolesSwept, calls + listingCalls, changes,
                outOfBand, throttled, failedAccounts.size(), Duration.between(started, Instant.now()).toMillis());
    }
}
