package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.regions.Region;

/** AMC accounts, one region at a time: the decorator {@link AccountRegions} calls instead of the raw REST client. */
@ApplicationScoped
public class AmcClient {

    /** 100 accounts a page upstream; more than 50 pages means a paging loop, not a real identity. */
    private static final int MAX_ACCOUNT_PAGES = 50;
    
    @Inject
    UpstreamCaller upstream;

    /** Every AMC account of the facade's identity that {@code region}'s host lists, all pages. */
    List<AmcAccount> listAccounts(Region region) {
        List<AmcAccount> accounts = new ArrayList<>();
        PageWalk<AmcAccountsPage> walk = new PageWalk<>(AmcOperation.LIST_ACCOUNTS, MAX_ACCOUNT_PAGES,
                pageToken -> upstream.call(region, AmcOperation.LIST_ACCOUNTS,
                        (api, bearer) -> api.listAccounts(bearer, pageToken), AmcAccountsPage.class,
                        ErrorMapping.NONE),
                AmcAccountsPage::nextToken, upstream::lastRequestId);
        walk.whole(walk.walk(page -> {
            if (page.amcAccounts() != null) {
                accounts.addAll(page.amcAccounts());
            }
            return false;
        }));
        return accounts;
    }
}
