package io.amcfacade.upstream;

import java.util.List;

/** One page of {@code GET /amc/accounts}; {@code nextToken} is absent on the last page. */
record AmcAccountsPage(List<AmcAccount> amcAccounts, String nextToken) {
}
