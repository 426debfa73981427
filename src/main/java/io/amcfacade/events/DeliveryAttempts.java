package io.amcfacade.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.amcfacade.api.model.EventDeliveryStatus;
import io.amcfacade.api.model.EventSubscriptionState;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.SystemActions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Attempts and what they come to: each attempt sent and counted ({@code amc_events_delivery_attempts}); an accepted
 * event counted with its lag from the seal covering it; and an attempt of a stored delivery recorded: delivered, to be
 * retried after a growing wait ({@link RetrySchedule}, the same {@code webhook-id} and body), or, after a {@code 410} or
 * once retries ran out, failed with the subscription disabled as an audited system action (its position kept, so a
 * resume sends that event first).
 */
final class DeliveryAttempts {

    static final String ACTOR = "system:events";
    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class);

    private final SubscriptionStore store;
    private final EventSender sender;
    private final SystemActions actions;
    private final EventsConfig config;
    private final RetrySchedule retries;
    private final Counter attempts;
    private final Counter failures;
    private final Counter delivered;
    private final Timer lag;

    DeliveryAttempts(SubscriptionStore store, EventSender sender, SystemActions actions, EventsConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.sender = sender;
        this.actions = actions;
        this.config = config;
        this.retries = RetrySchedule.of(config);
        this.attempts = registry.counter("amc.events.delivery.attempts");
        this.failures = registry.counter("amc.events.delivery.failures");
        this.delivered = registry.counter("amc.events.delivered");
        this.lag = Timer.builder("amc.events.delivery.lag").description("From the seal covering an event to its delivery")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("amc.events.subscriptions.disabled", store, s -> s.count(EventSubscriptionState.DISABLED));
    }

    /** One attempt, counted. */
    EventSender.Attempt send(Subscription subscription, Delivery delivery, String secret, String splunkToken) {
        attempts.increment();
        return sender.send(subscription, delivery, secret, splunkToken);
    }

    /**
     * An event of a page accepted at {@code now} (alone or in a batch): counted, and its lag from {@code sealedAt};
     * returns that lag in ms.
     */
    long accepted(Instant sealedAt, Instant now) {
        delivered.increment();
        long lagMs = Math.max(0, Duration.between(sealedAt, now).toMillis());
        lag.record(lagMs, TimeUnit.MILLISECONDS);
        return lagMs;
    }

    /**
     * Records one attempt of a stored delivery: empty when it arrived; otherwise when to try again, or empty after
     * the subscription was disabled (410, or retries ran out: the position stays before it).
     */
    Optional<Instant> recorded(Subscription subscription, Delivery delivery, EventSender.Attempt attempt) {
        Instant now = Instant.now();
        if (attempt.delivered()) {
            store.attempted(delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null,
                    attempt.latencyMs()));
            delivered.increment(delivery.events());
            return Optional.empty();
        }
        failures.increment();
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        boolean gone = attempt.status() == 410;
        if (gone || retries.exhausted(first, now)) {
            store.attempted(delivery.attempted(EventDeliveryStatus.FAILED, now, null, attempt.status(), attempt.error(),
                    attempt.latencyMs()));
            disable(subscription, gone ? "The receiver answered 410 Gone to event " + delivery.eventId()
                    : "Event " + delivery.eventId() + " was not accepted within " + config.retryPeriod() + ": " + attempt.error());
            return Optional.of(Instant.now());
        }
        Instant next = now.plus(retries.waitAfter(delivery.attempts() + 1));
        store.attempted(delivery.attempted(EventDeliveryStatus.PENDING, now, next, attempt.status(), attempt.error(),
                attempt.latencyMs()));
        return Optional.of(next);
    }

    private void disable(Subscription subscription, String reason) {
        SystemActions.Started started = actions.start(new SystemActions.Intent(ACTOR, AuditAction.EVENT_SUBSCRIPTION_DISABLE,
                "/v1/event-subscriptions/" + subscription.id(), null,
                List.of(AuditTargetEntry.subscription(subscription.id().toString())),
                AuditSummaries.of(java.util.Map.of("subscriptionId", subscription.id().toString(), "reason", reason))));
        store.setState(subscription.id(), EventSubscriptionState.DISABLED, reason, Instant.now());
        actions.finish(started, SystemActions.Result.succeeded(reason));
        LOG.warnf("Subscription %s disabled: %s", subscription.id(), reason);
    }
}
