package io.amcfacade.instances;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.InstancesApi;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.InstancePage;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.security.Roles;

/** {@code /v1/accounts/{accountId}/instances}: an account's AMC instances, read-only. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class InstancesResource implements InstancesApi {

    @Inject
    InstanceQueries instances;

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
}
