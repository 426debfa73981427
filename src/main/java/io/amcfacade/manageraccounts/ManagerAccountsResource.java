package io.amcfacade.manageraccounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.ManagerAccountsApi;
import io.amcfacade.api.model.ManagerAccount;
import io.amcfacade.api.model.ManagerAccountLinksRequest;
import io.amcfacade.api.model.ManagerAccountLinksResult;
import io.amcfacade.api.model.ManagerAccountList;
import io.amcfacade.api.model.Region;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.audit.TargetKind;
import io.amcfacade.idempotency.Idempotent;
import io.amcfacade.security.Roles;

/** {@code /v1/manager-accounts}: every region's manager accounts, and linking or unlinking accounts to one. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class ManagerAccountsResource implements ManagerAccountsApi {

    private static final String ID = "managerAccountId";

    @Inject
    ManagerAccountDirectory directory;
    @Inject
    ManagerAccountLinks links;

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.MANAGER_ACCOUNTS_LIST)
    public ManagerAccountList listManagerAccounts(Region region, String onBehalfOf) {
        return directory.list(region);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.MANAGER_ACCOUNT_GET, targetParam = ID, targetKind = TargetKind.MANAGER_ACCOUNT)
    public ManagerAccount getManagerAccount(String managerAccountId, String onBehalfOf) {
        ManagerAccountDirectory.Found found = directory.find(managerAccountId);
        return ManagerAccountMapper.toApi(found.region(), found.managerAccount(), true);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.MANAGER_ACCOUNT_LINK, targetParam = ID, targetKind = TargetKind.MANAGER_ACCOUNT)
    @Idempotent
    public ManagerAccountLinksResult linkAccountsToManagerAccount(String managerAccountId,
            ManagerAccountLinksRequest request, String idempotencyKey, String onBehalfOf) {
        return links.change(managerAccountId, request.getAccountIds(), LinkPlan.Direction.LINK);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.MANAGER_ACCOUNT_UNLINK, targetParam = ID, targetKind = TargetKind.MANAGER_ACCOUNT)
    @Idempotent
    public ManagerAccountLinksResult unlinkAccountsFromManagerAccount(String managerAccountId,
            ManagerAccountLinksRequest request, String idempotencyKey, String onBehalfOf) {
        return links.change(managerAccountId, request.getAccountIds(), LinkPlan.Direction.UNLINK);
    }
}
