package io.amcfacade.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.amcfacade.api.model.Account;
import io.amcfacade.api.model.AccountList;
import io.amcfacade.api.model.RegionStatus;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AccountRegions.KnownAccount;
import io.amcfacade.upstream.AccountRegions.RegionAccounts;

/** AMC's account shape to the facade's, region by region. */
final class AccountMapper {

    private AccountMapper() {
    }

    /**
     * Each region's accounts as its host listed them; a region that could not be listed shows its problem, and the
     * accounts it listed last time ({@code lastKnown}) marked unavailable.
     */
    static AccountList toApi(List<RegionAccounts> listings, Function<Region, List<KnownAccount>> lastKnown) {
        List<Account> accounts = new ArrayList<>();
        List<RegionStatus> regions = new ArrayList<>();
        for (RegionAccounts listing : listings) {
            io.amcfacade.api.model.Region region = io.amcfacade.api.model.Region.fromValue(listing.region().id());
            RegionStatus status = new RegionStatus(region, listing.available());
            if (listing.available()) {
                listing.accounts().forEach(a -> accounts.add(
                        new Account(a.accountId(), a.accountName(), a.marketplaceId(), region, true)));
            } else {
                lastKnown.apply(listing.region()).forEach(a -> accounts.add(
                        new Account(a.accountId(), a.accountName(), a.marketplaceId(), region, false)));
                status.problem(listing.failure().problem());
            }
            regions.add(status);
        }
        return new AccountList(accounts, regions);
    }
}
