package io.amcfacade.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.EventDeliveryStatus;
import io.amcfacade.api.model.EventSubscriptionState;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.SystemActions;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.query.SealedActions;
import io.amcfacade.audit.query.SealedActions.SealedAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the sealed trail to every active subscription, on every replica: each poll leases the subscriptions that
 * are due ({@link SubscriptionStore#lease}: one replica per subscription; a dead replica's lease lapses and another
 * takes over), and sends each its events in the order the seals fixed, one at a time: the next event only once the
 * one before was answered 2xx, so a receiver gets them in order. An event is read only once a seal covers its
 * outcome ({@link SealedActions}); one its seals do not vouch for is sent as a finding, never as the action it claims
 * to be. A failed attempt is retried with the same {@code webhook-id} and body after a growing wait
 * ({@link RetrySchedule}); a {@code 410}, or retries running out, disables the subscription as an audited system
 * action, its position kept so that a resume sends that event first.
 */
@ApplicationScoped
public class EventDeliverer {

    static final String ACTOR = "system:events";
    private static final Logger LOG = Logger.getLogger(EventDeliverer.class);

    private final String owner = UUID.randomUUID().toString();
    private final SubscriptionStore store;
    private final SealedActions sealed;
    private final AuditQueries queries;
    private final EventSender sender;
    private final SubscriptionSecrets secrets;
    private final SystemActions actions;
    private final EventsConfig config;
    private final RetrySchedule retries;
    private final EventBodies bodies;
    private final Counter attempts;
    private final Counter failures;
    private final Counter delivered;
    private final Timer lag;

    EventDeliverer(SubscriptionStore store, SealedActions sealed, AuditQueries queries, EventSender sender,
            SubscriptionSecrets secrets, SystemActions actions, EventsConfig config, ObjectMapper json, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0") String version) {
        this.store = store;
        this.sealed = sealed;
        this.queries = queries;
        this.sender = sender;
        this.secrets = secrets;
        this.actions = actions;
        this.config = config;
        this.retries = RetrySchedule.of(config);
        this.bodies = new EventBodies(json, config.source(), version);
        this.attempts = registry.counter("amc.events.delivery.attempts");
        this.failures = registry.counter("amc.events.delivery.failures");
        this.delivered = registry.counter("amc.events.delivered");
        this.lag = Timer.builder("amc.events.delivery.lag").description("From the seal covering an event to its delivery")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("amc.events.subscriptions.disabled", store, s -> s.count(EventSubscriptionState.DISABLED));
    }

    @Scheduled(every = "${amc.events.poll-interval:PT1S}", delayed = "${amc.events.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        if (!config.scheduled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("Delivering events failed this round: %s", e.getMessage());
        }
    }

    /**
     * One poll: every subscription this replica could lease, given one turn each; while a turn ended with sealed
     * events left ({@code amc.events.events-per-turn} sent), the due subscriptions are leased again and given
     * another, so a subscription is not held to one turn a poll (about 100 events/s at one poll a second, below the
     * rate audited writes are made) while the others still take turns. A poll stops starting rounds after
     * {@code amc.events.lease}, so the timer's thread comes back; the next poll goes on. Returns how many events
     * were delivered.
     */
    public int deliverDue() {
        Instant until = Instant.now().plus(config.lease());
        int sent = 0;
        boolean more = true;
        while (more && Instant.now().isBefore(until)) {
            more = false;
            Instant now = Instant.now();
            for (Subscription subscription : store.lease(owner, now, now.plus(config.lease()), config.batch())) {
                Instant next;
                try {
                    Turn turn = turn(subscription);
                    sent += turn.delivered();
                    next = turn.next();
                    more |= turn.more();
                } catch (RuntimeException e) {
                    LOG.warnf("Subscription %s: delivery failed this round, tried again: %s", subscription.id(), e.getMessage());
                    next = Instant.now().plus(config.pollInterval());
                }
                store.release(subscription.id(), owner, next);
            }
        }
        return sent;
    }

    /**
     * How a turn ended: how many events arrived, when the subscription is due again, and whether it stopped only
     * because the turn was used up (sealed events may remain).
     */
    private record Turn(int delivered, Instant next, boolean more) {

        Turn(int delivered, Instant next) {
            this(delivered, next, false);
        }
    }

    private Turn turn(Subscription subscription) {
        String secret = secrets.open(subscription.id().toString(), subscription.secretSealed());
        String splunkToken = secrets.open(subscription.id().toString(), subscription.splunkTokenSealed());
        Position at = subscription.position();
        int sent = 0;
        Optional<Delivery> open = store.open(subscription.id());
        if (open.isPresent()) {
            Delivery pending = open.get();
            if (pending.nextAttemptAt() != null && pending.nextAttemptAt().isAfter(Instant.now())) {
                return new Turn(0, pending.nextAttemptAt());
            }
            Optional<Instant> retry = attempt(subscription, pending, secret, splunkToken);
            if (retry.isPresent()) {
                return new Turn(0, retry.get());
            }
            if (!store.advance(subscription.id(), owner, at, pending.position(), Instant.now(), null)) {
                return new Turn(0, Instant.now());
            }
            at = pending.position();
            sent++;
        }
        while (sent < config.eventsPerTurn()) {
            SealedActions.Page page = sealed.after(at.sealId(), at.seq(), config.eventsPerTurn() - sent);
            for (SealedAction action : page.actions()) {
                Position position = new Position(action.sealId(), action.seq());
                Optional<AuditEvent> event = queries.find(action.eventId());
                Long lagMs = null;
                if (event.isPresent() && subscription.wants(event.get().getAction(), event.get().getAccountId(),
                        event.get().getOutcome())) {
                    Delivery delivery = store.insert(delivery(subscription, action, event.get(), position));
                    Optional<Instant> retry = attempt(subscription, delivery, secret, splunkToken);
                    if (retry.isPresent()) {
                        // This one waits, and nothing after it is sent before it; the position stays before it.
                        return new Turn(sent, retry.get());
                    }
                    lagMs = Math.max(0, Duration.between(action.sealedAt(), Instant.now()).toMillis());
                    lag.record(lagMs, TimeUnit.MILLISECONDS);
                    sent++;
                }
                if (!store.advance(subscription.id(), owner, at, position, lagMs == null ? null : Instant.now(), lagMs)) {
                    return new Turn(sent, Instant.now());
                }
                at = position;
            }
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
                // Caught up: due again at once, so every poll looks (and subscriptions take turns by this time).
                return new Turn(sent, Instant.now());
            }
        }
        return new Turn(sent, Instant.now(), true);
    }

    /**
     * Sends one attempt and records it: empty when it arrived; otherwise when to try again, or empty after the
     * subscription was disabled (410, or retries ran out: the position stays before it).
     */
    private Optional<Instant> attempt(Subscription subscription, Delivery delivery, String secret, String splunkToken) {
        EventSender.Attempt attempt = sender.send(subscription, delivery, secret, splunkToken);
        attempts.increment();
        Instant now = Instant.now();
        if (attempt.delivered()) {
            store.attempted(delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null,
                    attempt.latencyMs()));
            delivered.increment();
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

    private Delivery delivery(Subscription subscription, SealedAction action, AuditEvent event, Position position) {
        String type = EventTypes.of(event.getAction(), event.getOutcome(),
                event.getIntegrity() == null ? null : event.getIntegrity().getStatus());
        EventBodies.Body body = bodies.body(subscription.format(), type, action, event, subscription.splunkIndex());
        return new Delivery(0, subscription.id(), webhookId(subscription.id(), action.eventId()), action.eventId(), type,
                position, body.text(), EventDeliveryStatus.PENDING, 0, Instant.now(), null, null, null, null, null, null, null);
    }

    /** The same for every attempt and every replay of one event to one subscription, so receivers deduplicate by it. */
    static String webhookId(UUID subscriptionId, UUID eventId) {
        return "msg_" + UUID.nameUUIDFromBytes(("event " + subscriptionId + " " + eventId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }
}
