package io.amcfacade.sandbox;

/** One simulated AMC account (entity). */
public record SandboxAccount(String accountId, String accountName, String marketplaceId) {
}
