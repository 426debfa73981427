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
    @Inject
    LwaConfig lwa;

    /** Every AMC account of the facade's identity, all pages. */
    public List<AmcAccount> listAccounts() {
        List<AmcAccount> accounts = new ArrayList<>();
        String nextToken = null;
        for (int page = 0; page < MAX_ACCOUNT_PAGES; page++) {
            String pageToken = nextToken;
            AmcAccountsPage result = upstream.call(AmcOperation.LIST_ACCOUNTS,
                    bearer -> api.listAccounts(lwa.clientId(), bearer, pageToken), AmcAccountsPage.class,
                    ErrorMapping.NONE);
            if (result.amcAccounts() != null) {
                accounts.addAll(result.amcAccounts());
            }
            nextToken = NextToken.after(AmcOperation.LIST_ACCOUNTS, pageToken, result.nextToken(), upstream.lastRequestId());
            if (nextToken == null) {
                return accounts;
            }
        }
        throw UpstreamException.pagingLoop(AmcOperation.LIST_ACCOUNTS, MAX_ACCOUNT_PAGES, upstream.lastRequestId());
    }
}
