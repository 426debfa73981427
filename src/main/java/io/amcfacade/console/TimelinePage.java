package io.amcfacade.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.audit.AuditFilterSql;
import io.amcfacade.audit.AuditQueries;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Timeline: everything that happened to one person (email or user id; audited as
 * {@code GET /v1/audit/events?targetId=…}) or one invitation (audited as
 * {@code GET /v1/audit/invitations/{invitationId}}), oldest first.
 */
@Path("/console/timeline")
@Produces(MediaType.TEXT_HTML)
public class TimelinePage {

    /** The newest this many actions of a person; the API's page limit. */
    private static final int PERSON_LIMIT = 500;

    @Inject
    AuditQueries queries;
    @Inject
    ConsoleViewer viewer;
    @Location("console/timeline.html")
    Template page;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance person(@QueryParam("person") String person) {
        String who = person == null || person.isBlank() ? null : person.strip();
        List<EventRow> rows = List.of();
        boolean truncated = false;
        if (who != null) {
            AuditEventPage page = queries.page(new AuditFilterSql(null, null, null, null, who, null, null, null),
                    PERSON_LIMIT, null);
            List<AuditEvent> events = new ArrayList<>(page.getEvents());
            Collections.reverse(events);
            rows = EventRow.of(events);
            truncated = page.getNextCursor() != null;
        }
        return view(who, "person", rows, truncated);
    }

    @GET
    @Path("/invitations/{invitationId}")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY, targetParam = "invitationId")
    public TemplateInstance invitation(@PathParam("invitationId") String invitationId) {
        return view(invitationId, "invitation", EventRow.of(queries.timeline(invitationId).getEvents()), false);
    }

    private TemplateInstance view(String subject, String kind, List<EventRow> rows, boolean truncated) {
        return page.data("viewer", viewer.view()).data("nav", "timeline").data("subject", subject).data("kind", kind)
                .data("events", rows).data("truncated", truncated).data("limit", PERSON_LIMIT);
    }
}
