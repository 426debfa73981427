package io.amcfacade.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.audit.integrity.verifying.SealsCovering;
import io.amcfacade.audit.integrity.verifying.SealsCovering.CoveringSeal;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * Action: one action with its intent, details, targets, outcome and raw records, and the seals that
 * cover them; audited as {@code GET /v1/audit/events/{eventId}} ({@code AUDIT_GET}, target {@code EVENT}).
 */
@Path("/console/actions")
@Produces(MediaType.TEXT_HTML)
public class ActionPage {

    @Inject
    AuditQueries queries;
    @Inject
    SealsCovering seals;
    @Inject
    ConsoleViewer viewer;

    /** {@code console/action.html}: the action, its raw records and the seals that cover them. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Action(Layout layout, ActionDetail event, List<RecordRow> records, List<SealRow> seals, long unsealed,
            List<String> findings)
            implements TemplateInstance {
    }

    /** A raw record with the seal that covers it (null: not sealed yet). */
    @TemplateData
    public record RecordRow(long seq, String kind, Moment recordedAt, String contentHash, Long sealId) {
    }

    /** A covering seal, for the page. */
    @TemplateData
    public record SealRow(long sealId, Moment sealedAt, long records, String digest, String keyId, String signature) {
    }

    @GET
    @Path("/{eventId}")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_GET, targetParam = "eventId", targetKind = TargetKind.EVENT)
    public TemplateInstance show(@PathParam("eventId") String eventId) {
        UUID id = parse(eventId);
        AuditEvent event = queries.find(id).orElseThrow(() -> new ProblemException(
                Problems.of(ProblemCode.AUDIT_EVENT_NOT_FOUND, "No audit event " + eventId + ".")));
        Map<Long, CoveringSeal> covering = seals.of(id);
        List<RecordRow> records = event.getRecords().stream().map(r -> new RecordRow(r.getSeq(), r.getKind(),
                Moment.of(r.getRecordedAt()), r.getContentHash(),
                covering.containsKey(r.getSeq()) ? covering.get(r.getSeq()).sealId() : null)).toList();
        // Only a seal that verifies vouches for the records it covers; one that names them is shown as such, not here.
        List<Long> vouching = event.getIntegrity() == null ? List.of() : event.getIntegrity().getSeals();
        List<SealRow> sealRows = covering.values().stream().distinct().filter(s -> vouching.contains(s.sealId()))
                .map(s -> new SealRow(s.sealId(), Moment.of(s.sealedAt()), s.records(), s.digest(), s.keyId(), s.signature()))
                .toList();
        List<String> findings = event.getIntegrity() == null || event.getIntegrity().getFindings() == null ? List.of()
                : event.getIntegrity().getFindings().stream().map(f -> f.getCode() + ": " + f.getDetail()).toList();
        return new Action(viewer.layout(Section.ACTIVITY), ActionDetail.of(event), records, sealRows,
                records.stream().filter(r -> r.sealId() == null).count(), findings);
    }

    private static UUID parse(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.invalidField("eventId", "must be a UUID"));
        }
    }
}
