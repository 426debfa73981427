package io.amcfacade.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AccountRegions;

/**
 * The marketplace of an AMC account, which AMC's instance API needs beside the account id and only the account
 * list tells: kept with the account's region ({@link AccountRegions}), so it costs no call once the account is
 * known.
 */
@ApplicationScoped
public class AccountMarketplaces {

    @Inject
    AccountRegions regions;

    /** The account's marketplace; 404 {@code ACCOUNT_NOT_FOUND} when the facade's identity does not administer it. */
    public String of(String accountId) {
        String marketplace = regions.account(accountId).marketplaceId();
        if (marketplace == null) {
            throw new ProblemException(Problems.of(ProblemCode.ACCOUNT_NOT_FOUND,
                    "AMC lists account " + accountId + " without a marketplace, which its instance API needs."));
        }
        return marketplace;
    }
}
