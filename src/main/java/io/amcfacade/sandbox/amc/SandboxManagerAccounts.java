package io.amcfacade.sandbox.amc;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The simulated manager accounts of every region, and who holds access to an AMC account through them. A manager
 * account is shown only on its own region's host, and only an account of that region can be linked to it. A person
 * keeps one user id everywhere: a manager-account user whose email address is already a user somewhere gets that id.
 */
@ApplicationScoped
class SandboxManagerAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SandboxManagerAccount> managerAccounts = new CopyOnWriteArrayList<>();

    @Inject
    SandboxState state;

    /** One user's access to an account through one manager account, with their role there. */
    record IndirectAccess(SandboxManagerAccount managerAccount, SandboxUser user) {
    }

    SandboxManagerAccount create(String region, String managerAccountName) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        SandboxManagerAccount created = new SandboxManagerAccount(
                "amzn1.ads-account.g." + new BigInteger(1, bytes).toString(36), managerAccountName, region);
        managerAccounts.add(created);
        return created;
    }

    List<SandboxManagerAccount> in(String region) {
        return managerAccounts.stream().filter(m -> m.region().equals(region)).toList();
    }

    Optional<SandboxManagerAccount> find(String managerAccountId) {
        return managerAccounts.stream().filter(m -> m.managerAccountId().equals(managerAccountId)).findFirst();
    }

    /** Every user who reaches {@code accountId} through a manager account it is linked to, one entry per manager account. */
    List<IndirectAccess> indirectAccess(String accountId) {
        return managerAccounts.stream().filter(m -> m.isLinked(accountId))
                .flatMap(m -> m.users().stream().map(user -> new IndirectAccess(m, user))).toList();
    }

    /** A new user of a manager account, with the id the same person has elsewhere, if any. */
    SandboxUser newUser(String emailAddress, String role) {
        return everyUser().filter(u -> u.emailAddress().equalsIgnoreCase(emailAddress)).findFirst()
                .map(known -> new SandboxUser(known.userId(), emailAddress, role))
                .orElseGet(() -> SandboxUser.create(emailAddress, role));
    }

    private Stream<SandboxUser> everyUser() {
        return Stream.concat(managerAccounts.stream().flatMap(m -> m.users().stream()),
                state.accounts().stream().flatMap(a -> state.account(a.accountId()).stream())
                        .flatMap(a -> a.users().stream()));
    }
}
