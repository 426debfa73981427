package io.amcfacade.accounts;

import java.util.List;

import io.amcfacade.api.model.Account;
import io.amcfacade.api.model.AccountList;
import io.amcfacade.upstream.AmcAccount;

/** AMC's account shape to the facade's. */
final class AccountMapper {

    private AccountMapper() {
    }

    static AccountList toApi(List<AmcAccount> accounts) {
        return new AccountList(accounts.stream()
                .map(a -> new Account(a.accountId(), a.accountName(), a.marketplaceId()))
                .toList());
    }
}
