package io.amcfacade.sandbox.amc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated manager account: its name, the region whose host shows it, its own users (each with their role
 * there) and the accounts linked to it, each with the relationship role it was linked with. A user of a manager
 * account holds access to every account linked to it: indirect access, as the access-scope filter calls it.
 * Every method holds the manager account's lock.
 */
final class SandboxManagerAccount {

    private final String managerAccountId;
    private final String managerAccountName;
    private final String region;
    private final List<SandboxUser> users = new ArrayList<>();
    private final Map<String, String> links = new LinkedHashMap<>();

    SandboxManagerAccount(String managerAccountId, String managerAccountName, String region) {
        this.managerAccountId = managerAccountId;
        this.managerAccountName = managerAccountName;
        this.region = region;
    }

    String managerAccountId() {
        return managerAccountId;
    }

    String managerAccountName() {
        return managerAccountName;
    }

    String region() {
        return region;
    }

    synchronized List<SandboxUser> users() {
        return List.copyOf(users);
    }

    synchronized Optional<SandboxUser> user(String userId) {
        return users.stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    synchronized void addUser(SandboxUser user) {
        users.add(user);
    }

    /** The linked account ids, in the order they were linked. */
    synchronized List<String> linkedAccountIds() {
        return List.copyOf(links.keySet());
    }

    synchronized boolean isLinked(String accountId) {
        return links.containsKey(accountId);
    }

    /** @return false when the account was already linked */
    synchronized boolean link(String accountId, String role) {
        return links.putIfAbsent(accountId, role) == null;
    }

    /** @return false when the account was not linked */
    synchronized boolean unlink(String accountId) {
        return links.remove(accountId) != null;
    }
}
