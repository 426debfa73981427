package io.amcfacade.console;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.AuditCounts;
import io.amcfacade.audit.AuditFilterSql;
import io.amcfacade.audit.AuditQueries;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Activity: the trail newest first with every filter of {@code GET /v1/audit/events}, keyset paging
 * and the filter in the URL, audited as that call ({@code AUDIT_QUERY}). The per-day chart is its own
 * request (also an {@code AUDIT_QUERY}), loaded after the list so a broad range never delays it.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ActivityPage {

    @Inject
    AuditQueries queries;
    @Inject
    AuditCounts counts;
    @Inject
    ConsoleConfig config;
    @Inject
    ConsoleViewer viewer;
    @Location("console/activity.html")
    Template page;
    @Location("console/chart.html")
    Template chart;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance home(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        return activity(uri, cursor);
    }

    @GET
    @Path("/activity")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance activity(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        ConsoleFilter filter = ConsoleFilter.of(uri.getQueryParameters());
        AuditEventPage events = queries.page(filter.toSql(), config.pageSize(), cursor);
        return page.data("viewer", viewer.view()).data("nav", "activity").data("filter", filter)
                .data("outcomes", java.util.Arrays.stream(AuditOutcome.values()).map(AuditOutcome::toString).toList()).data("events", EventRow.of(events.getEvents()))
                .data("next", events.getNextCursor()).data("paged", cursor != null);
    }

    @GET
    @Path("/activity/chart")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance chart(@Context UriInfo uri) {
        ConsoleFilter filter = ConsoleFilter.of(uri.getQueryParameters());
        AuditFilterSql range = filter.forChart(config.chartDefaultRange());
        LocalDate first = range.from() == null ? null : range.from().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate last = range.to() == null ? LocalDate.now(ZoneOffset.UTC)
                : range.to().minusNanos(1).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return chart.data("chart", ActivityChart.of(counts.perDay(range), first, last)).data("filter", filter)
                .data("defaultRange", filter.hasRange() ? null : config.chartDefaultRange().toDays());
    }
}
