package io.amcfacade.instances;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.InstancesApi;
import io.amcfacade.api.model.AdvertiserPage;
import io.amcfacade.api.model.AdvertiserType;
import io.amcfacade.api.model.AdvertiserUpdate;
import io.amcfacade.api.model.AdvertiserUpdatePage;
import io.amcfacade.api.model.CreateAdvertiserUpdateRequest;
import io.amcfacade.api.model.CreateInstanceRequest;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.InstancePage;
import io.amcfacade.api.model.Operation;
import io.amcfacade.api.model.UpdateInstanceRequest;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.idempotency.Idempotent;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;

/**
 * {@code /v1/accounts/{accountId}/instances} and {@code /v1/operations}: an account's AMC instances, their
 * advertisers and advertiser updates; creates, deletes and advertiser updates as long-running operations.
 */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class InstancesResource implements InstancesApi {

    @Inject
    InstanceQueries instances;
    @Inject
    InstanceWrites writes;
    @Inject
    OperationStore operations;
    @Inject
    OperationViews views;

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.INSTANCES_LIST)
    public InstancePage listInstances(String accountId, Integer limit, String cursor, String onBehalfOf) {
        return instances.list(accountId, limit, cursor);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.INSTANCE_GET, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    public Instance getInstance(String accountId, String instanceId, String onBehalfOf) {
        return instances.get(accountId, instanceId);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INSTANCE_CREATE)
    @Idempotent
    public Operation createInstance(String accountId, CreateInstanceRequest request, String idempotencyKey,
            String onBehalfOf) {
        return writes.create(accountId, request, idempotencyKey, onBehalfOf);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INSTANCE_UPDATE, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    @Idempotent
    public Instance updateInstance(String accountId, String instanceId, UpdateInstanceRequest request,
            String idempotencyKey, String onBehalfOf) {
        return writes.update(accountId, instanceId, request);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INSTANCE_DELETE, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    @Idempotent
    public Operation deleteInstance(String accountId, String instanceId, String ifMatch, String idempotencyKey,
            String onBehalfOf) {
        return writes.delete(accountId, instanceId, ifMatch, onBehalfOf);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.INSTANCE_ADVERTISERS_LIST, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    public AdvertiserPage listInstanceAdvertisers(String accountId, String instanceId, AdvertiserType type,
            Integer limit, String cursor, String onBehalfOf) {
        return instances.advertisers(accountId, instanceId, type, limit, cursor);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.ADVERTISER_UPDATES_LIST, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    public AdvertiserUpdatePage listAdvertiserUpdates(String accountId, String instanceId, Integer limit,
            String cursor, String onBehalfOf) {
        return instances.advertiserUpdates(accountId, instanceId, limit, cursor);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.ADVERTISER_UPDATE_CREATE, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    @Idempotent
    public Operation createAdvertiserUpdate(String accountId, String instanceId, CreateAdvertiserUpdateRequest request,
            String idempotencyKey, String onBehalfOf) {
        return writes.updateAdvertisers(accountId, instanceId, request, onBehalfOf);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.ADVERTISER_UPDATE_GET, targetParam = "instanceId", targetKind = TargetKind.INSTANCE)
    public AdvertiserUpdate getAdvertiserUpdate(String accountId, String instanceId, Long updateId, String onBehalfOf) {
        return instances.advertiserUpdate(accountId, instanceId, updateId);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.OPERATION_GET)
    public Operation getOperation(UUID operationId, String onBehalfOf) {
        return operations.find(operationId).map(views::toApi).orElseThrow(() -> new ProblemException(
                Problems.of(ProblemCode.OPERATION_NOT_FOUND, "No operation " + operationId + ".")));
    }
}
