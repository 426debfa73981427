package io.amcfacade.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.api.model.EventDelivery;
import io.amcfacade.api.model.EventSubscription;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.events.EventSubscriptions;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * Event delivery: every subscription with its health (state, last delivery, lag, the delivery being retried), from
 * the same {@link EventSubscriptions} as {@code GET /v1/event-subscriptions}, audited as that call
 * ({@code EVENT_SUBSCRIPTIONS_LIST}).
 */
@Path("/console/subscriptions")
public class SubscriptionsPage {

    @Inject
    EventSubscriptions subscriptions;
    @Inject
    ConsoleViewer viewer;

    /** One subscription as a line of the page. */
    @TemplateData
    public record Row(String id, String endpoint, String format, String batch, String signing, String state,
            String stateReason, Moment lastDeliveredAt, String lag, String failing, boolean healthy) {

        static Row of(EventSubscription s) {
            EventDelivery f = s.getFailingDelivery();
            String failing = f == null ? null : f.getAttempts() + " attempt(s) of "
                    + (f.getLastEventId() == null ? "event " + f.getEventId()
                            : "a batch of " + f.getEvents() + " events from " + f.getEventId())
                    + ", last: " + (f.getLastError() == null ? "status " + f.getLastStatus() : f.getLastError());
            int most = s.getMaxEventsPerRequest() == null ? 1 : s.getMaxEventsPerRequest();
            return new Row(s.getSubscriptionId().toString(), s.getEndpoint(), s.getFormat().toString(),
                    most > 1 ? "batches of up to " + most + " events" : null, s.getSigning().toString(), s.getState().toString(), s.getStateReason(), Moment.of(s.getLastDeliveredAt()),
                    s.getLagSeconds() == null ? null : String.format(java.util.Locale.ROOT, "%.1f s", s.getLagSeconds()),
                    failing, failing == null && "ACTIVE".equals(s.getState().toString()));
        }
    }

    /** {@code console/subscriptions.html}. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Subscriptions(Layout layout, List<Row> rows) implements TemplateInstance {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.EVENT_SUBSCRIPTIONS_LIST)
    public TemplateInstance list() {
        return new Subscriptions(viewer.layout(Section.EVENTS), subscriptions.list().stream().map(Row::of).toList());
    }
}
