package io.amcfacade.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of {@code GET /amc/accounts}; {@code nextToken} is absent on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
record AmcAccountsPage(List<AmcAccount> amcAccounts, String nextToken) {
}
