package io.amcfacade.instances;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.SystemActions;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.ratelimit.OutboundRateLimiter;
import io.quarkus.scheduler.Scheduled;

/**
 * Follows every open long-running operation at AMC, on every replica: each poll leases the operations that are
 * due ({@link OperationStore#lease}: one replica per operation), looks at AMC once for each within the followers'
 * own share of the AMC budget, records each transition as a sealed system action linked to the action that
 * started the operation, and gives the operation back due again after a wait that doubles while nothing changes.
 * A transition's event id is derived from the operation and what it moved to, so one recorded just before a crash
 * is found, not recorded again, when the operation is looked at after the restart.
 */
@ApplicationScoped
public class OperationFollower {

    static final String ACTOR = "system:operations";
    private static final Logger LOG = Logger.getLogger(OperationFollower.class);
    private static final String SHARE = "instance-operations";
    /** How long a look waits for a token of the followers' share before it is put off to the next poll. */
    private static final Duration TOKEN_WAIT = Duration.ofMillis(50);

    /** Answers after which there is nothing left to follow. */
    private static final java.util.Set<String> GONE = java.util.Set.of(ProblemCode.ACCOUNT_NOT_FOUND.name(),
            ProblemCode.AMC_ACCESS_DENIED.name(), ProblemCode.INSTANCE_NOT_FOUND.name());

    private final String owner = UUID.randomUUID().toString();
    private final OperationStore store;
    private final OperationChecks checks;
    private final OperationViews views;
    private final SystemActions actions;
    private final OutboundRateLimiter limiter;
    private final OperationsConfig config;

    OperationFollower(OperationStore store, OperationChecks checks, OperationViews views, SystemActions actions,
            OutboundRateLimiter limiter, OperationsConfig config) {
        this.store = store;
        this.checks = checks;
        this.views = views;
        this.actions = actions;
        this.limiter = limiter;
        this.config = config;
    }

    @Scheduled(every = "${amc.operations.poll-interval:PT1S}", delayed = "${amc.operations.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            followDue();
        } catch (RuntimeException e) {
            LOG.warnf("Following AMC operations failed this round: %s", e.getMessage());
        }
    }

    /** One round: every due operation this replica could lease, looked at once (the timer's round; tests call it between ticks). */
    public int followDue() {
        Instant now = Instant.now();
        List<OperationRecord> due = store.lease(owner, now, now.plus(config.lease()), config.batch());
        due.forEach(this::follow);
        return due.size();
    }

    private void follow(OperationRecord operation) {
        Instant now = Instant.now();
        OperationRecord next;
        try {
            if (!limiter.takeShare(SHARE, config.requestsPerSecond(), 1, TOKEN_WAIT)) {
                store.release(owner, operation, now.plus(config.pollInterval()));
                return;
            }
            next = checks.check(operation, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ProblemException e) {
            if (GONE.contains(e.problem().getCode())) {
                // Nothing left to follow: the account is no longer the facade's to administer, or the instance is gone.
                next = operation.ended(OperationState.FAILED, views.write(e.problem()), now);
            } else {
                // AMC unreachable, throttling or refusing a look: try again later, unless the deadline has passed.
                LOG.debugf("Operation %s: AMC could not be read: %s", operation.operationId(), e.problem().getDetail());
                next = operation;
            }
        }
        if (next.running() && now.isAfter(next.deadline())) {
            next = next.ended(OperationState.TIMED_OUT, views.write(Problems.of(ProblemCode.UPSTREAM_TIMEOUT,
                    "AMC did not finish the " + label(operation.kind()) + " by its deadline (" + operation.deadline()
                            + "); AMC may still finish it.").status(504)), now);
        }
        boolean moved = !Objects.equals(next.amcStatus(), operation.amcStatus()) || next.state() != operation.state();
        if (moved) {
            try {
                recordTransition(operation, next, now);
            } catch (RuntimeException e) {
                // Fail closed: nothing moves on that the trail does not hold; the lease lapses and it is tried again.
                LOG.warnf("Operation %s: transition not recorded, retried later: %s", operation.operationId(),
                        e.getMessage());
                return;
            }
        }
        store.release(owner, next.checked(), next.running() ? now.plus(moved ? config.pollInterval() : wait(operation)) : now);
    }

    private void recordTransition(OperationRecord from, OperationRecord to, Instant now) {
        UUID eventId = UUID.nameUUIDFromBytes(("operation " + from.operationId() + " " + to.state() + " "
                + to.amcStatus()).getBytes(StandardCharsets.UTF_8));
        if (actions.recorded(eventId)) {
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operationId", from.operationId().toString());
        summary.put("kind", from.kind().name());
        summary.put("startedBy", from.startedEventId().toString());
        summary.put("from", from.amcStatus());
        summary.put("to", to.amcStatus());
        summary.put("state", to.state().name());
        if (to.updateId() != null) {
            summary.put("updateId", to.updateId());
        }
        List<AuditTargetEntry> targets = to.instanceId() == null ? List.of() : List.of(AuditTargetEntry.instance(to.instanceId()));
        actions.record(new SystemActions.SystemAction(eventId, now, ACTOR, AuditAction.OPERATION_TRANSITION,
                from.accountId(), targets, views.write(summary),
                to.state() == OperationState.FAILED || to.state() == OperationState.TIMED_OUT ? AuditOutcome.FAILED
                        : AuditOutcome.SUCCEEDED));
    }

    /** From the poll interval, doubling with each look, up to the longest wait. */
    private Duration wait(OperationRecord operation) {
        Duration wait = config.pollInterval().multipliedBy(1L << Math.min(operation.checks(), 16));
        return wait.compareTo(config.maxCheckInterval()) > 0 ? config.maxCheckInterval() : wait;
    }

    private static String label(OperationKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
