package io.amcfacade.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.api.model.EventDelivery;
import io.amcfacade.api.model.EventFilter;
import io.amcfacade.api.model.EventFormat;
import io.amcfacade.api.model.EventReplayRequest;
import io.amcfacade.api.model.EventSigning;
import io.amcfacade.api.model.EventSigningKey;
import io.amcfacade.api.model.EventSubscription;
import io.amcfacade.api.model.EventSubscriptionRequest;
import io.amcfacade.api.model.EventSubscriptionState;
import io.amcfacade.api.model.ProblemFieldError;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.audit.query.SealedActions;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.webhooks.StandardWebhooks;

/**
 * What the subscription endpoints do: check a new subscription (endpoint, filter, Splunk settings) before anything is
 * stored, make its {@code whsec_} secret, record what was asked in the trail (never the secret), and move
 * subscriptions between states or back in the sealed trail for a replay.
 */
@ApplicationScoped
public class EventSubscriptions {

    private final SubscriptionStore store;
    private final SubscriptionSecrets secrets;
    private final SealedActions sealed;
    private final AuditTrail trail;
    private final SealPublicKey publicKey;
    private final EventsConfig config;
    private final PrivateEndpointPolicy policy;

    EventSubscriptions(SubscriptionStore store, SubscriptionSecrets secrets, SealedActions sealed, AuditTrail trail,
            SealPublicKey publicKey, EventsConfig config, PrivateEndpointPolicy policy) {
        this.store = store;
        this.secrets = secrets;
        this.sealed = sealed;
        this.trail = trail;
        this.publicKey = publicKey;
        this.config = config;
        this.policy = policy;
    }

    /** The new subscription, and its secret (hmac), which the caller is shown once. */
    record Created(EventSubscription subscription, String secret) {
    }

    Created create(EventSubscriptionRequest request, String actor) {
        UUID id = UUID.randomUUID();
        EventFilter filter = request.getFilter() == null ? new EventFilter() : request.getFilter();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("subscriptionId", id.toString());
        summary.put("endpoint", request.getEndpoint());
        summary.put("format", request.getFormat().toString());
        summary.put("signing", request.getSigning().toString());
        summary.put("maxEventsPerRequest", maxEventsPerRequest(request));
        summary.put("filter", Map.of("actions", list(filter.getActions()), "accountIds", list(filter.getAccountIds()),
                "outcomes", list(filter.getOutcomes()).stream().map(Object::toString).toList()));
        trail.intend(List.of(AuditTargetEntry.subscription(id.toString())), AuditSummaries.of(summary));
        check(request, filter);
        String secret = request.getSigning() == EventSigning.HMAC ? StandardWebhooks.newSecret() : null;
        Instant now = Instant.now();
        Subscription subscription = new Subscription(id, request.getEndpoint(), request.getFormat(), request.getSigning(),
                secrets.seal(id.toString(), secret), secrets.seal(id.toString(), request.getSplunkToken()),
                request.getSplunkIndex(), request.getDescription(), list(filter.getActions()), list(filter.getAccountIds()),
                list(filter.getOutcomes()).stream().map(Object::toString).toList(), EventSubscriptionState.ACTIVE, null,
                Position.endOf(sealed.newestSeal()), now, actor, now, null, null, maxEventsPerRequest(request));
        store.insert(subscription);
        return new Created(toApi(subscription), secret);
    }

    /** 1 (one event per request) unless the request asks for batches. */
    private static int maxEventsPerRequest(EventSubscriptionRequest request) {
        return request.getMaxEventsPerRequest() == null ? 1 : request.getMaxEventsPerRequest();
    }

    /** Every subscription that is not deleted, oldest first, with its health (the API's list and the console's page). */
    public List<EventSubscription> list() {
        return store.list().stream().map(this::toApi).toList();
    }

    EventSubscription get(UUID id) {
        return toApi(existing(id));
    }

    EventSubscription setState(UUID id, EventSubscriptionState state, String actor) {
        Subscription before = existing(id);
        trail.intend(List.of(AuditTargetEntry.subscription(id.toString())), AuditSummaries.of(Map.of("subscriptionId",
                id.toString(), "from", before.state().toString(), "to", state.toString())));
        String reason = state == EventSubscriptionState.ACTIVE ? null : state.toString().toLowerCase() + " by " + actor;
        if (!store.setState(id, state, reason, Instant.now())) {
            throw notFound(id);
        }
        return state == EventSubscriptionState.DELETED ? toApi(before).state(state).stateReason(reason) : get(id);
    }

    EventSubscription replay(UUID id, EventReplayRequest request) {
        Subscription subscription = existing(id);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("subscriptionId", id.toString());
        summary.put("from", subscription.position().encode());
        if (request.getFromCursor() != null) {
            summary.put("fromCursor", request.getFromCursor());
        }
        if (request.getFromTime() != null) {
            summary.put("fromTime", request.getFromTime().toString());
        }
        trail.intend(List.of(AuditTargetEntry.subscription(id.toString())), AuditSummaries.of(summary));
        Instant oldest = Instant.now().minus(config.replayWindow());
        Position to;
        if ((request.getFromCursor() == null) == (request.getFromTime() == null)) {
            throw invalid("fromCursor", "give exactly one of fromCursor and fromTime");
        }
        if (request.getFromCursor() != null) {
            try {
                to = Position.decode(request.getFromCursor());
            } catch (IllegalArgumentException e) {
                throw invalid("fromCursor", e.getMessage());
            }
            Instant sealedAt = sealed.sealedAt(to.sealId());
            if (sealedAt == null || sealedAt.isBefore(oldest)) {
                throw invalid("fromCursor", "names no position within the last " + config.replayWindow().toDays() + " days");
            }
        } else {
            Instant from = request.getFromTime().toInstant();
            if (from.isBefore(oldest) || from.isAfter(Instant.now())) {
                throw invalid("fromTime", "must lie within the last " + config.replayWindow().toDays() + " days");
            }
            to = Position.endOf(sealed.lastSealBefore(from));
        }
        Position now = subscription.position();
        if (to.sealId() > now.sealId() || to.sealId() == now.sealId() && to.seq() > now.seq()) {
            throw invalid(request.getFromCursor() != null ? "fromCursor" : "fromTime",
                    "lies ahead of the subscription's position: a replay only goes back");
        }
        store.replayFrom(id, to, Instant.now());
        return get(id);
    }

    List<EventDelivery> deliveries(UUID id, int limit) {
        existing(id);
        return store.deliveries(id, limit).stream().map(EventSubscriptions::toApi).toList();
    }

    private void check(EventSubscriptionRequest request, EventFilter filter) {
        List<ProblemFieldError> errors = new ArrayList<>();
        try {
            EndpointCheck.check(request.getEndpoint(), policy.allowed(), EndpointCheck.DNS);
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemFieldError("endpoint", e.getMessage()));
        }
        boolean splunk = request.getFormat() == EventFormat.SPLUNK_HEC;
        if (splunk && (request.getSplunkToken() == null || request.getSplunkToken().isBlank())) {
            errors.add(new ProblemFieldError("splunkToken", "is required for format splunk-hec"));
        }
        if (!splunk && request.getSplunkToken() != null) {
            errors.add(new ProblemFieldError("splunkToken", "is only for format splunk-hec"));
        }
        if (!splunk && request.getSplunkIndex() != null) {
            errors.add(new ProblemFieldError("splunkIndex", "is only for format splunk-hec"));
        }
        List<String> actions = list(filter.getActions());
        for (int i = 0; i < actions.size(); i++) {
            String action = actions.get(i);
            if (java.util.Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(action))) {
                errors.add(new ProblemFieldError("filter.actions[" + i + "]", "is not an audit action"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors.get(0).getField() + ": " + errors.get(0).getMessage(), errors));
        }
    }

    private Subscription existing(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problems.of(ProblemCode.EVENT_SUBSCRIPTION_NOT_FOUND, "No event subscription " + id + "."));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalidField(field, message));
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private EventSubscription toApi(Subscription s) {
        EventFilter filter = new EventFilter().actions(s.actions()).accountIds(s.accounts())
                .outcomes(s.outcomes().stream().map(io.amcfacade.api.model.AuditOutcome::fromValue).toList());
        EventSubscription api = new EventSubscription(s.id(), s.endpoint(), s.format(), s.signing(), s.maxEventsPerRequest(),
                filter, s.state(), s.position().encode(), utc(s.createdAt()), s.createdBy(),
                new EventSigningKey(publicKey.id(), publicKey.base64()))
                .splunkIndex(s.splunkIndex()).description(s.description()).stateReason(s.stateReason())
                .lastDeliveredAt(utc(s.lastDeliveredAt())).lagSeconds(s.lagMs() == null ? null : s.lagMs() / 1000.0);
        store.open(s.id()).ifPresent(d -> api.failingDelivery(toApi(d)));
        return api;
    }

    static EventDelivery toApi(Delivery d) {
        return new EventDelivery(d.webhookId(), d.eventId(), d.events(), io.amcfacade.api.model.EventType.fromValue(d.type()),
                d.status(), d.attempts(), d.position().encode(), utc(d.createdAt())).lastEventId(d.lastEventId())
                .sealId(d.position().sealId())
                .lastStatus(d.lastStatus()).lastError(d.lastError()).latencyMs(d.latencyMs())
                .lastAttemptAt(utc(d.lastAttemptAt())).nextAttemptAt(utc(d.nextAttemptAt())).deliveredAt(utc(d.deliveredAt()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
