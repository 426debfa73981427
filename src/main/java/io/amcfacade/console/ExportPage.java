package io.amcfacade.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.amcfacade.audit.query.AuditCounts;
import io.amcfacade.audit.export.AuditExport;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * Export: how many actions the current filter selects (counted before anything downloads;
 * {@code AUDIT_QUERY}), then the file itself from the API's own export ({@code AUDIT_EXPORT}), CSV or
 * NDJSON, its last line the manifest.
 */
@Path("/console/export")
public class ExportPage {

    @Inject
    AuditCounts counts;
    @Inject
    AuditExport export;
    @Inject
    ConsoleViewer viewer;
    @Inject
    RoutingContext routing;

    /** {@code console/export.html}: what the filter selects and how many actions that is, before any download. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Export(Layout layout, ConsoleFilter filter, long count) implements TemplateInstance {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance summary(@Context UriInfo uri) {
        ConsoleFilter filter = ConsoleFilter.parse(uri.getQueryParameters()).orRefuse();
        return new Export(viewer.layout(Section.EXPORT), filter, counts.count(filter.toCriteria()));
    }

    @GET
    @Path("/download")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_EXPORT)
    public Response download(@Context UriInfo uri, @QueryParam("format") String format) {
        ConsoleFilter filter = ConsoleFilter.parse(uri.getQueryParameters()).orRefuse();
        boolean csv = ConsoleFilter.csv(format);
        var connection = routing.response();
        return Response.ok(export.stream(filter.toCriteria(), csv, connection::closed))
                .type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit-export." + format + "\"")
                .build();
    }
}
