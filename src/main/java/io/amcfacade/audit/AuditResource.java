package io.amcfacade.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.AuditApi;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;

/** {@code /v1/audit/events}: the trail, for auditors. Reading it is itself audited. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class AuditResource implements AuditApi {

    @Inject
    AuditQueryService queries;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = "AUDIT_QUERY")
    public AuditEventPage listAuditEvents(String action, AuditOutcome outcome, String actor, String accountId,
            String targetId, Integer limit, String cursor, String onBehalfOf) {
        return queries.page(new AuditQueryService.Filter(action, outcome, actor, accountId, targetId), limit, cursor);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = "AUDIT_GET", targetParam = "eventId", targetKind = "EVENT")
    public AuditEvent getAuditEvent(String eventId, String onBehalfOf) {
        return queries.find(UUID.fromString(eventId)).orElseThrow(() -> new ProblemException(
                Problems.of(404, "AUDIT_EVENT_NOT_FOUND", "Audit event not found", "No audit event " + eventId + ".")));
    }
}
