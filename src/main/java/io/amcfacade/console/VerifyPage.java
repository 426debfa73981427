package io.amcfacade.console;

import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.amcfacade.api.model.VerifyResult;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.integrity.verifying.AuditVerification;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
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

    /** The range asked for: UTC dates or instants, {@code to} including a whole day. */
    record Range(TimeField from, TimeField to) {

        static Parsed<Range> parse(UriInfo uri) {
            QueryFields fields = new QueryFields(uri.getQueryParameters());
            return fields.parsed(new Range(fields.time("from", ZoneOffset.UTC, false), fields.time("to", ZoneOffset.UTC, true)));
        }
    }

    /** {@code console/verify.html}: the form with the range as typed and, once run, the result ({@code null} before). */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Verify(Layout layout, String from, String to, VerifySummary result) implements TemplateInstance {
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.CONSOLE_VIEW)
    public TemplateInstance form() {
        return new Verify(viewer.layout(Section.VERIFY), null, null, null);
    }

    @GET
    @Path("/run")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_VERIFY)
    public TemplateInstance run(@Context UriInfo uri) {
        Range range = Range.parse(uri).orRefuse();
        VerifyResult result = verification.verify(TimeField.instant(range.from()), TimeField.instant(range.to()));
        return new Verify(viewer.layout(Section.VERIFY), TimeField.text(range.from()), TimeField.text(range.to()),
                VerifySummary.of(result));
    }
}
