package io.amcfacade.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

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
import io.amcfacade.audit.query.AuditCounts;
import io.amcfacade.audit.query.AuditCriteria;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.regions.Region;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
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

    /** {@code console/activity.html}: a page of the trail, newest first, under its filter. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Activity(Layout layout, ConsoleFilter filter, List<AuditOutcome> outcomes, List<Region> regions, List<EventRow> events, String next,
            boolean paged) implements TemplateInstance {
    }

    /** {@code console/chart.html}: the chart alone; {@code defaultRange} is the days shown when the filter sets none. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Chart(ActivityChart chart, ConsoleFilter filter, Long defaultRange) implements TemplateInstance {
    }

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
        ConsoleFilter filter = ConsoleFilter.parse(uri.getQueryParameters()).orRefuse();
        AuditEventPage events = queries.page(filter.toCriteria(), config.pageSize(), cursor);
        return new Activity(viewer.layout(Section.ACTIVITY), filter, List.of(AuditOutcome.values()),
                List.of(Region.values()), EventRow.of(events.getEvents()), events.getNextCursor(), cursor != null);
    }

    @GET
    @Path("/activity/chart")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance chart(@Context UriInfo uri) {
        ConsoleFilter filter = ConsoleFilter.parse(uri.getQueryParameters()).orRefuse();
        AuditCriteria range = filter.forChart(config.chartDefaultRange());
        LocalDate first = range.from() == null ? null : range.from().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate last = range.to() == null ? LocalDate.now(ZoneOffset.UTC)
                : range.to().minusNanos(1).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return new Chart(ActivityChart.of(counts.perDay(range), first, last), filter,
                filter.hasRange() ? null : config.chartDefaultRange().toDays());
    }
}
