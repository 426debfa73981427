package io.amcfacade.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.AuditApi;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Region;
import io.amcfacade.api.model.AuditTimeline;
import io.amcfacade.api.model.VerifyResult;
import io.amcfacade.audit.integrity.verifying.AuditVerification;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;
import io.amcfacade.audit.query.AuditCriteria;
import io.amcfacade.audit.query.AuditQueries;

/** {@code /v1/audit/**}: the trail, for auditors. Reading it is itself audited. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class AuditResource implements AuditApi {

    @Inject
    AuditQueries queries;
    @Inject
    AuditVerification verification;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public AuditEventPage listAuditEvents(String action, AuditOutcome outcome, String actor, String accountId,
            String targetId, String onBehalfOf, Region region, OffsetDateTime from, OffsetDateTime to, Integer limit,
            String cursor, String xOnBehalfOf) {
        return queries.page(AuditCriteria.all().action(action).outcome(outcome).actor(actor).accountId(accountId)
                .targetId(targetId).onBehalfOf(onBehalfOf).region(region == null ? null : region.toString()).from(from)
                .to(to), limit, cursor);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_GET, targetParam = "eventId", targetKind = TargetKind.EVENT)
    public AuditEvent getAuditEvent(String eventId, String onBehalfOf) {
        return queries.find(UUID.fromString(eventId)).orElseThrow(() -> new ProblemException(
                Problems.of(ProblemCode.AUDIT_EVENT_NOT_FOUND, "No audit event " + eventId + ".")));
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY, targetParam = "invitationId")
    public AuditTimeline getInvitationTimeline(String invitationId, String onBehalfOf) {
        return queries.timeline(invitationId);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_VERIFY)
    public VerifyResult verifyAuditTrail(OffsetDateTime from, OffsetDateTime to, String onBehalfOf) {
        return verification.verify(from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
    }
}
