package io.amcfacade.events;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.amcfacade.api.EventSubscriptionsApi;
import io.amcfacade.api.model.EventDeliveryList;
import io.amcfacade.api.model.EventReplayRequest;
import io.amcfacade.api.model.EventSubscription;
import io.amcfacade.api.model.EventSubscriptionList;
import io.amcfacade.api.model.EventSubscriptionRequest;
import io.amcfacade.api.model.EventSubscriptionState;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.idempotency.Idempotent;
import io.amcfacade.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code /v1/event-subscriptions}: delivery of the sealed trail to webhooks and SIEMs, for auditors. */
@Path("/")
public class EventSubscriptionsResource implements EventSubscriptionsApi {

    private static final String ID = "subscriptionId";

    @Inject
    EventSubscriptions subscriptions;
    @Inject
    SecurityIdentity identity;
    @Inject
    ShownOnce shownOnce;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTIONS_LIST)
    public EventSubscriptionList listEventSubscriptions(String onBehalfOf) {
        return new EventSubscriptionList(subscriptions.list());
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTION_CREATE)
    @Idempotent
    public EventSubscription createEventSubscription(EventSubscriptionRequest request, String idempotencyKey,
            String onBehalfOf) {
        EventSubscriptions.Created created = subscriptions.create(request, caller());
        shownOnce.secret(created.secret());
        return created.subscription();
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTION_GET, targetParam = ID, targetKind = TargetKind.EVENT_SUBSCRIPTION)
    public EventSubscription getEventSubscription(UUID subscriptionId, String onBehalfOf) {
        return subscriptions.get(subscriptionId);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTION_DELETE, targetParam = ID, targetKind = TargetKind.EVENT_SUBSCRIPTION)
    @Idempotent
    public EventSubscription deleteEventSubscription(UUID subscriptionId, String idempotencyKey, String onBehalfOf) {
        return subscriptions.setState(subscriptionId, EventSubscriptionState.DELETED, caller());
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTION_PAUSE, targetParam = ID, targetKind = TargetKind.EVENT_SUBSCRIPTION)
    @Idempotent
    public EventSubscription pauseEventSubscription(UUID subscriptionId, String idempotencyKey, String onBehalfOf) {
        return subscriptions.setState(subscriptionId, EventSubscriptionState.PAUSED, caller());
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTION_RESUME, targetParam = ID, targetKind = TargetKind.EVENT_SUBSCRIPTION)
    @Idempotent
    public EventSubscription resumeEventSubscription(UUID subscriptionId, String idempotencyKey, String onBehalfOf) {
        return subscriptions.setState(subscriptionId, EventSubscriptionState.ACTIVE, caller());
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTION_REPLAY, targetParam = ID, targetKind = TargetKind.EVENT_SUBSCRIPTION)
    @Idempotent
    public EventSubscription replayEventSubscription(UUID subscriptionId, EventReplayRequest request, String idempotencyKey,
            String onBehalfOf) {
        return subscriptions.replay(subscriptionId, request);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_DELIVERIES_LIST, targetParam = ID, targetKind = TargetKind.EVENT_SUBSCRIPTION)
    public EventDeliveryList listEventDeliveries(UUID subscriptionId, Integer limit, String onBehalfOf) {
        return new EventDeliveryList(subscriptions.deliveries(subscriptionId, limit == null ? 100 : limit));
    }

    private String caller() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
