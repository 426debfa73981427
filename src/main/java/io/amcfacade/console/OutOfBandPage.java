package io.amcfacade.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditFilterSql;
import io.amcfacade.audit.AuditQueries;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Out-of-band changes since a date: the reconciler's {@code OUT_OF_BAND_CHANGE} actions (or, on the
 * other tab, its {@code ACCESS_BASELINE}s), newest first, each linking to its Action page and seal.
 * One query of the trail, audited as {@code GET /v1/audit/events?action=OUT_OF_BAND_CHANGE&from=…}
 * ({@code AUDIT_QUERY}); a date from the picker is the start of that day in the viewer's zone.
 */
@Path("/console/access/changes")
@Produces(MediaType.TEXT_HTML)
public class OutOfBandPage {

    @Inject
    AuditQueries queries;
    @Inject
    ConsoleConfig config;
    @Inject
    ConsoleViewer viewer;
    @Location("console/access-changes.html")
    Template page;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance changes(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        String kind = AccessFilter.value(query, "kind");
        if (kind != null && !"changes".equals(kind) && !"baselines".equals(kind)) {
            throw ConsoleFilter.invalid("kind", "must be changes or baselines");
        }
        boolean baselines = "baselines".equals(kind);
        String accountId = AccessFilter.value(query, "accountId");
        AccessFilter.id("accountId", accountId);
        String person = AccessFilter.value(query, "person");
        String since = AccessFilter.value(query, "since");
        String zone = AccessFilter.value(query, "zone");
        Instant from = ConsoleTime.parse("since", since, ConsoleTime.zone(zone), false);
        String after = cursor == null || cursor.isBlank() ? null : cursor.strip();
        AuditEventPage events = queries.page(new AuditFilterSql(baselines ? AuditAction.ACCESS_BASELINE.name()
                : AuditAction.OUT_OF_BAND_CHANGE.name(), null, null, accountId, person, null,
                from == null ? null : from.atOffset(ZoneOffset.UTC), null), config.pageSize(), after);
        Map<String, String> link = new LinkedHashMap<>();
        link.put("kind", kind);
        link.put("accountId", accountId);
        link.put("person", person);
        link.put("since", since);
        link.put("zone", zone);
        return page.data("viewer", viewer.view()).data("nav", "access").data("baselines", baselines)
                .data("accountId", accountId).data("person", person).data("since", since).data("zone", zone)
                .data("from", from == null ? null : Moment.of(from.atOffset(ZoneOffset.UTC)))
                .data("changes", events.getEvents().stream().map(ChangeRow::of).toList())
                .data("next", events.getNextCursor()).data("paged", after != null)
                .data("query", UrlQuery.of(link));
    }
}
