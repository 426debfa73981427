package io.amcfacade.console;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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

    /** The page's filter: which of the reconciler's actions, on which account, touching whom, since when. */
    @TemplateData
    public record ChangesFilter(boolean baselines, String accountId, String person, TimeField since, String zone) {

        static Parsed<ChangesFilter> parse(UriInfo uri) {
            QueryFields fields = new QueryFields(uri.getQueryParameters());
            Boolean baselines = fields.oneOf("kind", ChangesFilter::baselines, "must be changes or baselines");
            return fields.parsed(new ChangesFilter(Boolean.TRUE.equals(baselines), fields.id("accountId"),
                    fields.text("person"), fields.time("since", fields.zone("zone"), false), fields.text("zone")));
        }

        private static Boolean baselines(String kind) {
            return switch (kind) {
                case "changes" -> false;
                case "baselines" -> true;
                default -> throw new IllegalArgumentException(kind);
            };
        }

        ConsoleFilter toFilter() {
            AuditAction action = baselines ? AuditAction.ACCESS_BASELINE : AuditAction.OUT_OF_BAND_CHANGE;
            return ConsoleFilter.NONE.withAction(action.name()).withAccountId(accountId).withTargetId(person).withFrom(since);
        }

        /** The day asked for as typed, for the picker. */
        public String sinceText() {
            return TimeField.text(since);
        }

        /** The start of that day, for the heading. */
        public Moment from() {
            return since == null ? null : Moment.of(since.instant().atOffset(ZoneOffset.UTC));
        }

        /** {@code kind=…&accountId=…} for the set fields, URL-encoded, as the pager's links carry it. */
        public String query() {
            Map<String, String> link = new LinkedHashMap<>();
            link.put("kind", baselines ? "baselines" : null);
            link.put("accountId", accountId);
            link.put("person", person);
            link.put("since", sinceText());
            link.put("zone", zone);
            return UrlQuery.of(link);
        }
    }

    /** {@code console/access-changes.html}: a page of the reconciler's actions under the filter, newest first. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record AccessChanges(Layout layout, ChangesFilter filter, List<ChangeRow> changes, String next, boolean paged)
            implements TemplateInstance {
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.AUDIT_QUERY)
    public TemplateInstance changes(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        ChangesFilter filter = ChangesFilter.parse(uri).orRefuse();
        String after = cursor == null || cursor.isBlank() ? null : cursor.strip();
        AuditEventPage events = queries.page(filter.toFilter().toCriteria(), config.pageSize(), after);
        return new AccessChanges(viewer.layout(Section.ACCESS), filter, events.getEvents().stream().map(ChangeRow::of).toList(),
                events.getNextCursor(), after != null);
    }
}
