package io.amcfacade.manageraccounts;

import io.amcfacade.api.model.LinkedAccount;
import io.amcfacade.api.model.ManagerAccount;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AmcManagerAccountWire;

/** Amazon's manager-account shape to the facade's. */
final class ManagerAccountMapper {

    private ManagerAccountMapper() {
    }

    static io.amcfacade.api.model.Region region(Region region) {
        return io.amcfacade.api.model.Region.fromValue(region.id());
    }

    static ManagerAccount toApi(Region region, AmcManagerAccountWire.ManagerAccount listed, boolean available) {
        return new ManagerAccount(listed.managerAccountId(), region(region), available,
                listed.linkedAccounts().stream().filter(a -> a.accountId() != null)
                        .map(a -> new LinkedAccount(a.accountId()).accountName(a.accountName())
                                .accountType(a.accountType()).marketplaceId(a.marketplaceId()))
                        .toList())
                .managerAccountName(listed.managerAccountName());
    }
}
