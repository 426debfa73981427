package io.amcfacade.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An AMC account as {@code GET /amc/accounts} returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AmcAccount(String accountId, String accountName, String marketplaceId) {
}
