package io.amcfacade.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.UsersApi;
import io.amcfacade.api.model.RemovedUser;
import io.amcfacade.api.model.SetUserRoleRequest;
import io.amcfacade.api.model.UpdateUsersRequest;
import io.amcfacade.api.model.UpdateUsersResult;
import io.amcfacade.api.model.UserPage;
import io.amcfacade.api.model.UserRoleChange;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.idempotency.Idempotent;
import io.amcfacade.security.Roles;

/** {@code /v1/accounts/{accountId}/users}: list, change a role, remove, and change several at once. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class UsersResource implements UsersApi {


    @Inject
    UserDirectory directory;
    @Inject
    UserRoleChanges changes;
    @Inject
    UserBatches batches;

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.USERS_LIST)
    public UserPage listUsers(String accountId, Integer limit, String cursor, String onBehalfOf) {
        return directory.list(accountId, limit, cursor);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.USER_ROLE_CHANGE, targetParam = "userId", targetKind = TargetKind.USER)
    @Idempotent
    public UserRoleChange setUserRole(String accountId, String userId, SetUserRoleRequest request,
            String idempotencyKey, String onBehalfOf) {
        return changes.setRole(accountId, userId, request.getRole());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.USER_REMOVE, targetParam = "userId", targetKind = TargetKind.USER)
    @Idempotent
    public RemovedUser removeUser(String accountId, String userId, String idempotencyKey, String onBehalfOf) {
        return changes.remove(accountId, userId);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.USERS_UPDATE)
    @Idempotent
    public UpdateUsersResult updateUsers(String accountId, UpdateUsersRequest request, String idempotencyKey,
            String onBehalfOf) {
        return batches.update(accountId, request);
    }
}
