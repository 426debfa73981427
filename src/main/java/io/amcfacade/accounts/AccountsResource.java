package io.amcfacade.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.AccountsApi;
import io.amcfacade.api.model.AccountList;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;

/** {@code /v1/accounts}. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class AccountsResource implements AccountsApi {

    @Inject
    AccountsService accounts;

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.ACCOUNTS_LIST)
    public AccountList listAccounts(String onBehalfOf) {
        return accounts.list();
    }
}
