package io.amcfacade.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.EventFormat;
import io.amcfacade.api.model.EventSigning;
import io.amcfacade.api.model.EventSubscriptionState;

/**
 * One row of {@code event_subscriptions}; secrets as stored (sealed by {@link SubscriptionSecrets}). {@code
 * maxEventsPerRequest} above 1 sends batches ({@link EventBodies#batch}).
 */
record Subscription(UUID id, String endpoint, EventFormat format, EventSigning signing, String secretSealed,
        String splunkTokenSealed, String splunkIndex, String description, List<String> actions, List<String> accounts,
        List<String> outcomes, EventSubscriptionState state, String stateReason, Position position, Instant createdAt,
        String createdBy, Instant updatedAt, Instant lastDeliveredAt, Long lagMs, int maxEventsPerRequest) {

    /** Whether every request is a batch (an array, or stacked HEC events), even of one event. */
    boolean batched() {
        return maxEventsPerRequest > 1;
    }

    /** Whether an action with this name, account and outcome is one this subscription asked for. */
    boolean wants(String action, String accountId, AuditOutcome outcome) {
        return (actions.isEmpty() || actions.contains(action))
                && (accounts.isEmpty() || accountId != null && accounts.contains(accountId))
                && (outcomes.isEmpty() || outcome != null && outcomes.contains(outcome.toString()));
    }
}
