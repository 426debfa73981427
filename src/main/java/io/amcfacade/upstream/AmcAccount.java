package io.amcfacade.upstream;

/** An AMC account as {@code GET /amc/accounts} returns it. */
public record AmcAccount(String accountId, String accountName, String marketplaceId) {
}
