package io.amcfacade.sandbox.amc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One advertiser update of a simulated instance. An update naming one advertiser goes PENDING → UPDATING →
 * COMPLETED a step apart; one naming several goes to manual review (AWAITING_APPROVAL) after a step and stays
 * there until a sandbox control approves it (UPDATING, then COMPLETED a step later) or rejects it (REJECTED),
 * as Amazon's reviewers do within two business days. The advertisers change when it reads COMPLETED.
 * A new update reads PENDING, the word of Amazon's schema (its operation's text says REQUESTED; the contract
 * accepts both), so a single-advertiser update only ever answers statuses Amazon's schema enumerates; only
 * manual review's AWAITING_APPROVAL is the text's alone (docs/upstream.md).
 */
final class SandboxAdvertiserUpdate {

    /** An advertiser named in an update, as the request spelled it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Identifier(String id, String type, String marketplaceId) {
    }

    /** The wire shape: {@code {"updateId","status","advertisersToAdd","advertisersToRemove"}}. */
    record Wire(long updateId, String status, List<Identifier> advertisersToAdd, List<Identifier> advertisersToRemove) {
    }

    /** The list's shape. */
    record Lite(long updateId, String status) {
    }

    final long updateId;
    final List<Identifier> toAdd;
    final List<Identifier> toRemove;
    private final Instant requestedAt;
    private Instant approvedAt;
    private boolean rejected;
    private boolean applied;

    SandboxAdvertiserUpdate(long updateId, List<Identifier> toAdd, List<Identifier> toRemove, Instant requestedAt) {
        this.updateId = updateId;
        this.toAdd = toAdd;
        this.toRemove = toRemove;
        this.requestedAt = requestedAt;
    }

    boolean needsReview() {
        return toAdd.size() + toRemove.size() > 1;
    }

    /** The status at {@code now}; applies the change to the instance the first time it reads COMPLETED. */
    String status(Instant now, Duration step, SandboxManagedInstance instance) {
        String status = computed(now, step);
        if ("COMPLETED".equals(status) && !applied) {
            applied = true;
            toRemove.forEach(a -> instance.advertisers.remove(a.type() + "/" + a.id()));
            toAdd.forEach(a -> instance.advertisers.put(a.type() + "/" + a.id(),
                    new SandboxAdvertiser(a.id(), "Advertiser " + a.id(), a.type(),
                            "DISPLAY".equals(a.type()) ? null : a.marketplaceId())));
        }
        return status;
    }

    private String computed(Instant now, Duration step) {
        if (rejected) {
            return "REJECTED";
        }
        Instant from = needsReview() ? approvedAt : requestedAt;
        if (needsReview() && approvedAt == null) {
            return now.isBefore(requestedAt.plus(step)) ? "PENDING" : "AWAITING_APPROVAL";
        }
        long steps = Duration.between(from, now).toMillis() / Math.max(1, step.toMillis());
        if (needsReview()) {
            return steps < 1 ? "UPDATING" : "COMPLETED";
        }
        return steps < 1 ? "PENDING" : steps < 2 ? "UPDATING" : "COMPLETED";
    }

    boolean open(Instant now, Duration step, SandboxManagedInstance instance) {
        String status = status(now, step, instance);
        return !"COMPLETED".equals(status) && !"REJECTED".equals(status);
    }

    /** Amazon's reviewer decides; only an update awaiting approval can be decided. */
    boolean review(boolean approve, Instant now, Duration step, SandboxManagedInstance instance) {
        if (!"AWAITING_APPROVAL".equals(status(now, step, instance))) {
            return false;
        }
        if (approve) {
            approvedAt = now;
        } else {
            rejected = true;
        }
        return true;
    }

    Wire wire(Instant now, Duration step, SandboxManagedInstance instance) {
        return new Wire(updateId, status(now, step, instance), toAdd, toRemove);
    }
}
