package io.amcfacade.console;

import java.util.List;

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

import io.amcfacade.access.query.AccessInventory;
import io.amcfacade.access.query.AccessInventory.GrantCriteria;
import io.amcfacade.access.query.AccessReviewPack;
import io.amcfacade.api.model.AccessGrantPage;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Access: who has which role on which account now (the latest snapshot) or at a chosen date, from
 * issue 16's {@link AccessInventory} and audited as {@code GET /v1/access} ({@code ACCESS_QUERY}); and
 * the access-review pack of every grant at that instant, from the same {@link AccessReviewPack} as
 * {@code GET /v1/access/review} ({@code ACCESS_REVIEW}), with its row count shown before it downloads. Each grant
 * shows its account's region and how it is held (directly, or via a manager account); the filter takes a region.
 */
@Path("/console/access")
public class AccessPage {

    @Inject
    AccessInventory inventory;
    @Inject
    AccessReviewPack pack;
    @Inject
    ConsoleConfig config;
    @Inject
    ConsoleViewer viewer;

    /**
     * {@code console/access.html}: a page of grants under the filter, the instant answered for ({@code asOf})
     * or when the oldest account shown was observed, how many grants match, the review pack's row count, and the
     * configured regions the filter offers.
     */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Access(Layout layout, AccessFilter filter, List<GrantRow> grants, Moment asOf, Moment observedAt, String next,
            boolean paged, long matching, long packCount, List<String> regions) implements TemplateInstance {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_QUERY)
    public TemplateInstance inventory(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        AccessFilter filter = AccessFilter.parse(uri.getQueryParameters()).orRefuse();
        String from = cursor == null || cursor.isBlank() ? null : cursor.strip();
        AccessGrantPage grants = inventory.grants(filter.criteria(config.pageSize(), from));
        return new Access(viewer.layout(Section.ACCESS), filter, grants.getGrants().stream().map(GrantRow::of).toList(),
                Moment.of(grants.getAsOf()), Moment.of(grants.getObservedAt()), grants.getNextCursor(), from != null,
                inventory.count(filter.criteria(1, null)),
                inventory.count(new GrantCriteria(null, null, null, null, filter.instant(), 1, null)),
                inventory.configuredRegions().stream().map(io.amcfacade.regions.Region::id).toList());
    }

    @GET
    @Path("/review")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_REVIEW)
    public Response review(@Context UriInfo uri, @QueryParam("format") String format) {
        AccessFilter filter = AccessFilter.parse(uri.getQueryParameters()).orRefuse();
        return pack.download(filter.instant(), ConsoleFilter.csv(format));
    }
}
