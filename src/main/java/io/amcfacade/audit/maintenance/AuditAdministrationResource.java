package io.amcfacade.audit.maintenance;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.AuditAdministrationApi;
import io.amcfacade.api.model.LegalHold;
import io.amcfacade.api.model.LegalHoldRequest;
import io.amcfacade.api.model.TailAcknowledgement;
import io.amcfacade.api.model.TailAcknowledgementRequest;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditContext;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.integrity.TailLoss;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.storage.AuditUnavailableException;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;

/** {@code /v1/audit/legal-hold} and {@code /v1/audit/tail-acknowledgements}: the trail's administration, audited. */
@Path("/")
public class AuditAdministrationResource implements AuditAdministrationApi {

    @Inject
    AuditContext context;
    @Inject
    AuditTrail trail;
    @Inject
    LegalHolds holds;
    @Inject
    AuditSealer sealer;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_LEGAL_HOLD)
    public LegalHold setLegalHold(LegalHoldRequest request, String onBehalfOf) {
        trail.intend(List.of(), AuditSummaries.of(Map.of("active", request.getActive(), "reason", request.getReason())));
        long change = holds.set(request.getActive(), context.eventId(), request.getReason());
        return new LegalHold(request.getActive(), request.getReason(), change);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_TAIL_ACKNOWLEDGE)
    public TailAcknowledgement acknowledgeTailTruncation(TailAcknowledgementRequest request, String onBehalfOf) {
        try {
            TailLoss loss;
            try {
                loss = sealer.loss(request.getSealId());
            } catch (IllegalArgumentException nothing) {
                trail.intend(List.of(), AuditSummaries.of(TailLoss.asked(request.getSealId(), request.getReason())));
                throw nothing;
            }
            // What is accepted goes into the trail before it is accepted: verify lists it from there.
            trail.intend(List.of(), AuditSummaries.of(loss.summary(request.getReason())));
            sealer.acknowledge(loss, context.eventId());
            return new TailAcknowledgement(loss.lostSealId(), loss.lostSealDigest()).continuesFromSealId(loss.continuesFromSealId());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.of(ProblemCode.NOTHING_TO_ACKNOWLEDGE, e.getMessage()));
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }
}
