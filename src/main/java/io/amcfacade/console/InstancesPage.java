package io.amcfacade.console;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.amcfacade.api.model.AdvertiserPage;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.InstancePage;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.instances.InstanceQueries;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Instances: an account's AMC instances with their state and instant-access mark, and the operations the
 * facade started on the account (audited as {@code GET /v1/accounts/{accountId}/instances}); one instance with
 * its advertisers and its operations, each linked to the action that started it and to every transition the
 * facade recorded (audited as {@code GET /v1/accounts/{accountId}/instances/{instanceId}}). The instances and
 * advertisers are AMC's answer now; the operations are the facade's own records.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class InstancesPage {

    /** Instances on a page; AMC's own page size. */
    private static final int INSTANCES = 50;
    /** Operations shown on a page, newest first. */
    private static final int OPERATIONS = 50;
    /** Advertisers shown of one instance; the API's page limit. */
    private static final int ADVERTISERS = 100;

    @Inject
    InstanceQueries instances;
    @Inject
    OperationRows operations;
    @Inject
    ConsoleViewer viewer;

    /**
     * {@code console/account-instances.html}: the form (no account asked yet: {@code accountId} {@code null}), or
     * a page of the account's instances ({@code next} the cursor of the next page) and its newest operations.
     */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record AccountInstances(Layout layout, String accountId, List<InstanceRow> instances, List<OperationRows.Row> operations,
            String next, boolean paged) implements TemplateInstance {
    }

    /**
     * {@code console/instance-detail.html}: one instance, its advertisers ({@code advertiserCount} as AMC counts
     * them, {@code null} when it does not say) and the operations the facade started on it, newest first.
     */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record InstanceDetail(Layout layout, String accountId, InstanceRow instance, List<AdvertiserRow> advertisers,
            Integer advertiserCount, boolean moreAdvertisers, List<OperationRows.Row> operations)
            implements TemplateInstance {
    }

    /** The form, or with {@code accountId} the way to that account's instances. */
    @GET
    @Path("/instances")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.CONSOLE_VIEW)
    public Response form(@Context UriInfo uri) {
        QueryFields fields = new QueryFields(uri.getQueryParameters());
        String accountId = fields.parsed(fields.id("accountId")).orRefuse();
        if (accountId == null) {
            return Response.ok(new AccountInstances(viewer.layout(Section.INSTANCES), null, List.of(), List.of(), null,
                    false)).build();
        }
        return Response.seeOther(URI.create("/console/accounts/" + ConsoleLinks.urlSegment(accountId) + "/instances"))
                .build();
    }

    @GET
    @Path("/accounts/{accountId}/instances")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.INSTANCES_LIST)
    public TemplateInstance account(@PathParam("accountId") String accountId, @QueryParam("cursor") String cursor) {
        String account = id("accountId", accountId);
        InstancePage page = instances.list(account, INSTANCES, cursor == null || cursor.isBlank() ? null : cursor);
        return new AccountInstances(viewer.layout(Section.INSTANCES), account,
                page.getInstances().stream().map(InstanceRow::of).toList(),
                operations.ofAccount(account, OPERATIONS), page.getNextCursor(), cursor != null && !cursor.isBlank());
    }

    @GET
    @Path("/accounts/{accountId}/instances/{instanceId}")
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.INSTANCE_GET, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    public TemplateInstance instance(@PathParam("accountId") String accountId,
            @PathParam("instanceId") String instanceId) {
        String account = id("accountId", accountId);
        String id = id("instanceId", instanceId);
        Instance instance = instances.get(account, id);
        AdvertiserPage advertisers = instances.advertisers(account, id, null, ADVERTISERS, null);
        return new InstanceDetail(viewer.layout(Section.INSTANCES), account, InstanceRow.of(instance),
                advertisers.getAdvertisers().stream().map(AdvertiserRow::of).toList(), advertisers.getTotalCount(),
                advertisers.getNextCursor() != null, operations.ofInstance(account, id, OPERATIONS));
    }

    /** An id in the path, held to the rule of the API's ids: a 400 page naming it otherwise, before AMC is asked. */
    private static String id(String field, String value) {
        if (value == null || !QueryFields.ID.matcher(value).matches()) {
            throw new ProblemException(Problems.invalidField(field, QueryFields.ID_RULE));
        }
        return value;
    }

    /** One instance as the pages show it; AMC's deprecated {@code SUCCEEDED} already reads as {@code COMPLETED}. */
    @io.quarkus.qute.TemplateData
    public record InstanceRow(String instanceId, String name, String creationStatus, boolean instantAccess,
            Moment createdAt, String advertiserTypes) {

        static InstanceRow of(Instance instance) {
            return new InstanceRow(instance.getInstanceId(), instance.getName(), instance.getCreationStatus(),
                    Boolean.TRUE.equals(instance.getInstantAccess()), Moment.of(instance.getCreatedAt()),
                    instance.getAdvertiserTypes() == null ? "" : String.join(", ", instance.getAdvertiserTypes()));
        }

        /** The badge of its creation status. */
        public String statusClass() {
            return creationStatus == null ? "" : switch (creationStatus) {
                case "COMPLETED" -> "succeeded";
                case "FAILED" -> "failed";
                default -> "pending";
            };
        }
    }

    /** One advertiser linked to an instance. */
    @io.quarkus.qute.TemplateData
    public record AdvertiserRow(String id, String name, String type, String marketplaceId) {

        static AdvertiserRow of(io.amcfacade.api.model.Advertiser advertiser) {
            return new AdvertiserRow(advertiser.getId(), advertiser.getName(),
                    advertiser.getType() == null ? null : advertiser.getType().toString(), advertiser.getMarketplaceId());
        }
    }
}
