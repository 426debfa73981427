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
import io.amcfacade.audit.query.AuditCriteria;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
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

    /**
     * {@code console/timeline.html}: the actions that touched {@code subject} (none asked yet: {@code null}),
     * oldest first; {@code truncated} when there were more than {@code limit}.
     */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Timeline(Layout layout, String subject, boolean invitation, List<EventRow> events, boolean truncated, int limit)
            implements TemplateInstance {
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance person(@QueryParam("person") String person) {
        String who = person == null || person.isBlank() ? null : person.strip();
        List<EventRow> rows = List.of();
        boolean truncated = false;
        if (who != null) {
            AuditEventPage page = queries.page(AuditCriteria.all().targetId(who), PERSON_LIMIT, null);
            List<AuditEvent> events = new ArrayList<>(page.getEvents());
            Collections.reverse(events);
            rows = EventRow.of(events);
            truncated = page.getNextCursor() != null;
        }
        return new Timeline(viewer.layout(Section.TIMELINE), who, false, rows, truncated, PERSON_LIMIT);
    }

    @GET
    @Path("/invitations/{invitationId}")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY, targetParam = "invitationId")
    public TemplateInstance invitation(@PathParam("invitationId") String invitationId) {
        return new Timeline(viewer.layout(Section.TIMELINE), invitationId, true,
                EventRow.of(queries.timeline(invitationId).getEvents()), false, PERSON_LIMIT);
    }
}
