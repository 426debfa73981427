package io.amcfacade.events;

import java.time.Instant;
import java.util.Optional;

import io.amcfacade.audit.query.SealedActions;

/**
 * One turn of a leased subscription: its open delivery first (a retry, once due), then pages of the sealed trail
 * after its position ({@link PageSender}), each committed with the position it reached while this replica still holds
 * the lease; an event the receiver did not accept is stored and waits for its retry, nothing after it sent. Events are
 * sent until {@code sendUntil} (half the lease) at most, so another replica takes a subscription over only once the
 * lease lapsed, and then finds the position this one committed.
 */
final class SubscriptionTurn {

    /**
     * How a turn ended: how many events arrived, when the subscription is due again, and whether it stopped only
     * because the turn was used up (sealed events may remain).
     */
    record Turn(int delivered, Instant next, boolean more) {

        Turn(int delivered, Instant next) {
            this(delivered, next, false);
        }
    }

    private final SubscriptionStore store;
    private final SealedActions sealed;
    private final SubscriptionSecrets secrets;
    private final PageSender pages;
    private final DeliveryAttempts attempts;
    private final EventsConfig config;
    private final String owner;

    SubscriptionTurn(SubscriptionStore store, SealedActions sealed, SubscriptionSecrets secrets, PageSender pages,
            DeliveryAttempts attempts, EventsConfig config, String owner) {
        this.store = store;
        this.sealed = sealed;
        this.secrets = secrets;
        this.pages = pages;
        this.attempts = attempts;
        this.config = config;
        this.owner = owner;
    }

    Turn take(Subscription subscription, Instant sendUntil) {
        String secret = secrets.open(subscription.id().toString(), subscription.secretSealed());
        String splunkToken = secrets.open(subscription.id().toString(), subscription.splunkTokenSealed());
        Position at = subscription.position();
        int sent = 0; // events
        int requests = 0; // one per event, or per batch: what a turn is counted in
        Optional<Delivery> open = store.open(subscription.id());
        if (open.isPresent()) {
            Delivery pending = open.get();
            if (pending.nextAttemptAt() != null && pending.nextAttemptAt().isAfter(Instant.now())) {
                return new Turn(0, pending.nextAttemptAt());
            }
            Optional<Instant> retry = attempts.recorded(subscription, pending,
                    attempts.send(subscription, pending, secret, splunkToken));
            if (retry.isPresent()) {
                return new Turn(0, retry.get());
            }
            if (!store.advance(subscription.id(), owner, at, pending.position(), Instant.now(), null)) {
                return new Turn(0, Instant.now());
            }
            at = pending.position();
            sent += pending.events();
            requests++;
        }
        while (requests < config.eventsPerTurn()) {
            // At least one chunk's worth of actions, so the page ends a chunk (PageSender).
            SealedActions.Page page = sealed.after(at.sealId(), at.seq(),
                    Math.max(subscription.maxEventsPerRequest(), config.eventsPerTurn() - requests));
            if (page.actions().isEmpty()) {
                if (page.exhaustedThroughSeal() > at.sealId() || page.exhaustedThroughSeal() == at.sealId()
                        && at.seq() != Long.MAX_VALUE) {
                    Position end = Position.endOf(page.exhaustedThroughSeal());
                    if (!store.advance(subscription.id(), owner, at, end, null, null)) {
                        return new Turn(sent, Instant.now());
                    }
                    at = end;
                    continue;
                }
                // Caught up: due again at once, so the next round looks (and subscriptions take turns by this time).
                return new Turn(sent, Instant.now());
            }
            PageSender.Batch batch = pages.send(subscription, page, at, sendUntil, secret, splunkToken);
            sent += batch.events();
            requests += batch.delivered().size();
            if (!store.deliveredThrough(subscription.id(), owner, at, batch.reached(), batch.delivered(), batch.deliveredAt(),
                    batch.lagMs())) {
                return new Turn(sent, Instant.now()); // a replay, a pause or another replica came first
            }
            at = batch.reached();
            if (batch.failed() != null) {
                // This one waits, and nothing after it is sent before it; the position stays before it.
                Delivery failed = store.insert(batch.failed());
                return new Turn(sent, attempts.recorded(subscription, failed, batch.failedAttempt()).orElseGet(Instant::now));
            }
            if (batch.cut()) {
                return new Turn(sent, Instant.now(), true); // leased again for the rest
            }
        }
        return new Turn(sent, Instant.now(), true);
    }
}
