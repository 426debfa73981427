package io.amcfacade.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcAccount;
import io.amcfacade.upstream.AmcClient;

/**
 * The marketplace of an AMC account, which AMC's instance API needs beside the account id and only
 * the account list tells. An account's marketplace never changes, so each one found is kept for the
 * life of the process; an account not found is asked about again next time.
 */
@ApplicationScoped
public class AccountMarketplaces {

    private final Map<String, String> known = new ConcurrentHashMap<>();

    @Inject
    AmcClient amc;

    /** The account's marketplace; 404 {@code ACCOUNT_NOT_FOUND} when the facade's identity does not administer it. */
    public String of(String accountId) {
        String marketplace = known.get(accountId);
        if (marketplace != null) {
            return marketplace;
        }
        for (AmcAccount account : amc.listAccounts()) {
            if (account.accountId() != null && account.marketplaceId() != null) {
                known.put(account.accountId(), account.marketplaceId());
            }
        }
        marketplace = known.get(accountId);
        if (marketplace == null) {
            throw new ProblemException(Problems.of(ProblemCode.ACCOUNT_NOT_FOUND,
                    "The facade's Amazon identity administers no AMC account " + accountId + "."));
        }
        return marketplace;
    }
}
