package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** AMC accounts: the decorator the accounts feature calls instead of the raw REST client. */
@ApplicationScoped
public class AmcClient {

    /** 100 accounts a page upstream; more than 50 pages means a paging loop, not a real identity. */
    private static final int MAX_ACCOUNT_PAGES = 50;
    
    @Inject
    @RestClient
    AmcApi api;
    @Inject
    UpstreamCaller upstream;

    /** Every AMC account of the facade's identity, all pages. */
    public List<AmcAccount> listAccounts() {
        List<AmcAccount> accounts = new ArrayList<>();
        PageWalk<AmcAccountsPage> walk = new PageWalk<>(AmcOperation.LIST_ACCOUNTS, MAX_ACCOUNT_PAGES,
                pageToken -> upstream.call(AmcOperation.LIST_ACCOUNTS,
                        bearer -> api.listAccounts(bearer, pageToken), AmcAccountsPage.class,
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
