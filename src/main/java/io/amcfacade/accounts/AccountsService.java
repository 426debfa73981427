package io.amcfacade.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AccountList;
import io.amcfacade.upstream.AmcClient;

/** Reads the AMC accounts the facade's identity administers. */
@ApplicationScoped
public class AccountsService {

    @Inject
    AmcClient amc;

    public AccountList list() {
        return AccountMapper.toApi(amc.listAccounts());
    }
}
