package io.amcfacade.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.api.model.VerifyResult;
import io.amcfacade.audit.AuditFilterSql;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.integrity.AuditVerification;
import io.amcfacade.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Verify: the form, and {@code GET /v1/audit/verify} run over the chosen range ({@code AUDIT_VERIFY}),
 * told in plain words with what to do next ({@link VerifyExplanation}). Showing the empty form reads
 * nothing from the trail and is recorded as {@code CONSOLE_VIEW}.
 */
@Path("/console/verify")
@Produces(MediaType.TEXT_HTML)
public class VerifyPage {

    @Inject
    AuditVerification verification;
    @Inject
    ConsoleViewer viewer;
    @Location("console/verify.html")
    Template page;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.CONSOLE_VIEW)
    public TemplateInstance form() {
        return view(null, null, null);
    }

    @GET
    @Path("/run")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_VERIFY)
    public TemplateInstance run(@QueryParam("from") String from, @QueryParam("to") String to) {
        ConsoleFilter range = new ConsoleFilter(null, null, null, null, null, null, blankToNull(from), blankToNull(to));
        AuditFilterSql sql = range.toSql();
        VerifyResult result = verification.verify(sql.from() == null ? null : sql.from().toInstant(),
                sql.to() == null ? null : sql.to().toInstant());
        return view(range, result, VerifyExplanation.of(result));
    }

    private TemplateInstance view(ConsoleFilter range, VerifyResult result, VerifyExplanation explanation) {
        return page.data("viewer", viewer.view()).data("nav", "verify").data("range", range).data("result", result)
                .data("explanation", explanation)
                .data("lastSealedAt", result == null ? null : Moment.of(result.getLastSealedAt()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
