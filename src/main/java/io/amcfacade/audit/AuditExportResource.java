package io.amcfacade.audit;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Region;
import io.amcfacade.api.model.ExportFormat;
import io.amcfacade.api.streaming.AuditExportApi;
import io.amcfacade.security.Roles;
import io.amcfacade.audit.export.AuditExport;
import io.amcfacade.audit.query.AuditCriteria;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** {@code /v1/audit/export}: the trail streamed as CSV or NDJSON with a completeness manifest. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class AuditExportResource implements AuditExportApi {

    @Inject
    AuditExport export;
    @Inject
    RoutingContext routing;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_EXPORT)
    public Response exportAuditEvents(ExportFormat format, String action, AuditOutcome outcome, String actor,
            String accountId, String targetId, String onBehalfOf, Region region, OffsetDateTime from, OffsetDateTime to,
            String xOnBehalfOf) {
        AuditCriteria criteria = AuditCriteria.all().action(action).outcome(outcome).actor(actor).accountId(accountId)
                .targetId(targetId).onBehalfOf(onBehalfOf).region(region == null ? null : region.toString()).from(from).to(to);
        boolean csv = format == ExportFormat.CSV;
        HttpServerResponse connection = routing.response();
        return Response.ok(export.stream(criteria, csv, connection::closed))
                .type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit-export." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }
}
