package io.amcfacade.sandbox.amc;

/** One simulated AMC account (entity). */
public record SandboxAccount(String accountId, String accountName, String marketplaceId) {
}
