package io.amcfacade.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.EventSubscription;

/**
 * A new subscription's secret, shown once: added to the create's answer only after the idempotency filter has stored
 * that answer (response filters run from the highest priority number down), so the secret reaches neither the
 * idempotency store nor a replay. The create answers {@code 201} with its {@code Location}, set before the answer is
 * stored so a replay answers the same.
 */
@RequestScoped
public class ShownOnce {

    private static final Pattern ID = Pattern.compile("\"subscriptionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String CREATE = "createEventSubscription";

    private String secret;

    void secret(String value) {
        this.secret = value;
    }

    /** Read through this method, not the field: the bean is a request-scoped proxy. */
    String secret() {
        return secret;
    }

    /** Before the answer is stored: 201 and Location, for the answer and for its replay. */
    public static class Created {

        @ServerResponseFilter(priority = Priorities.USER + 300)
        public void created(ResourceInfo resource, ContainerResponseContext response) {
            if (resource.getResourceMethod() == null || !CREATE.equals(resource.getResourceMethod().getName())) {
                return;
            }
            if (response.getStatus() == 200 && response.getEntity() instanceof EventSubscription subscription) {
                response.setStatus(201);
                response.getHeaders().putSingle("Location", "/v1/event-subscriptions/" + subscription.getSubscriptionId());
            } else if (response.getStatus() == 201 && response.getEntity() instanceof String replayed) {
                Matcher id = ID.matcher(replayed);
                if (id.find()) {
                    response.getHeaders().putSingle("Location", "/v1/event-subscriptions/" + id.group(1));
                }
            }
        }
    }

    /** After the answer is stored: the secret, in this answer only. */
    public static class Secret {

        @Inject
        ShownOnce shown;

        @ServerResponseFilter(priority = Priorities.USER + 50)
        public void secret(ResourceInfo resource, ContainerResponseContext response) {
            if (response.getEntity() instanceof EventSubscription subscription && resource.getResourceMethod() != null
                    && CREATE.equals(resource.getResourceMethod().getName()) && shown.secret() != null) {
                response.setEntity(copyWithSecret(subscription, shown.secret()));
            }
        }

        private static EventSubscription copyWithSecret(EventSubscription s, String secret) {
            return new EventSubscription(s.getSubscriptionId(), s.getEndpoint(), s.getFormat(), s.getSigning(),
                    s.getMaxEventsPerRequest(), s.getFilter(), s.getState(), s.getCursor(), s.getCreatedAt(), s.getCreatedBy(),
                    s.getSigningKey())
                    .splunkIndex(s.getSplunkIndex()).description(s.getDescription()).stateReason(s.getStateReason())
                    .lastDeliveredAt(s.getLastDeliveredAt()).lagSeconds(s.getLagSeconds())
                    .failingDelivery(s.getFailingDelivery()).secret(secret);
        }
    }
}
