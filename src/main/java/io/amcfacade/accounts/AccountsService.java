package io.amcfacade.accounts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AccountList;
import io.amcfacade.upstream.AccountRegions;
import io.amcfacade.upstream.AccountRegions.RegionAccounts;

/**
 * Reads the AMC accounts the facade's identity administers, in every configured region. A region that cannot
 * be listed is shown as such; only when none can is the whole list refused, with the first region's problem.
 */
@ApplicationScoped
public class AccountsService {

    @Inject
    AccountRegions regions;

    public AccountList list() {
        List<RegionAccounts> listings = regions.listEverywhere();
        if (listings.stream().noneMatch(RegionAccounts::available)) {
            throw listings.get(0).failure();
        }
        return AccountMapper.toApi(listings, regions::knownIn);
    }
}
