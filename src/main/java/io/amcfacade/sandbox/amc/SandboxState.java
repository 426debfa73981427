package io.amcfacade.sandbox.amc;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.sandbox.SandboxRegion;

/**
 * The simulated AMC's state: its accounts, each with its invitations and users in a
 * {@link SandboxAccountState} and in one region (the seeds in North America), and the clock invitations expire
 * by. The bearer tokens it accepts are {@link io.amcfacade.sandbox.tokens.SandboxTokens}'.
 */
@ApplicationScoped
public class SandboxState {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SandboxAccount> accounts = new CopyOnWriteArrayList<>(List.of(
            new SandboxAccount("ENTITY1ACMERETAIL0", "Acme Retail AMC", "ATVPDKIKX0DER"),
            new SandboxAccount("ENTITY2GLOBEXEU000", "Globex Europe AMC", "A1PA6795UKMFR9"),
            new SandboxAccount("ENTITY3INITECHJP00", "Initech Japan AMC", "A1VC38T7YXB528")));
    private final Map<String, SandboxAccountState> accountStates = new ConcurrentHashMap<>();
    /** Each account's region ({@link SandboxRegion}); an account is served only on its own region's host. */
    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Clock clock;

    public SandboxState() {
        this(Clock.systemUTC());
    }

    SandboxState(Clock clock) {
        this.clock = clock;
        accounts.forEach(a -> {
            accountStates.put(a.accountId(), withSeedAdmin(a));
            regions.put(a.accountId(), SandboxRegion.NA);
        });
    }

    /** Every account starts with one admin, so rules about the last admin have someone to protect. */
    private static SandboxAccountState withSeedAdmin(SandboxAccount account) {
        return new SandboxAccountState(account.accountId(), countryOf(account.marketplaceId()),
                List.of(SandboxUser.create(seedAdminEmail(account.accountId()), SandboxUser.ADMIN)));
    }

    /** The country of the seeded marketplaces (US, Germany, Japan); any other reads as US. */
    private static String countryOf(String marketplaceId) {
        return switch (marketplaceId) {
            case "A1PA6795UKMFR9" -> "DE";
            case "A1VC38T7YXB528" -> "JP";
            default -> "US";
        };
    }

    /**
     * Adds an account with its seed admin, as if the facade's identity had just been made its
     * administrator: a test that needs users or admins nobody else touches makes its own account.
     */
    SandboxAccount createAccount(String region, String accountName, String marketplaceId) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String accountId = "ENTITY" + new BigInteger(1, bytes).toString(36).toUpperCase(Locale.ROOT);
        SandboxAccount account = new SandboxAccount(accountId, accountName, marketplaceId);
        accountStates.put(accountId, withSeedAdmin(account));
        regions.put(accountId, region);
        accounts.add(account);
        return account;
    }

    public static String seedAdminEmail(String accountId) {
        return "admin@" + accountId.toLowerCase(Locale.ROOT) + ".example";
    }

    /** Every account of every region: the controls' view. */
    public List<SandboxAccount> accounts() {
        return List.copyOf(accounts);
    }

    /** The accounts {@code region}'s host lists and serves. */
    List<SandboxAccount> accountsIn(String region) {
        return accounts.stream().filter(a -> region.equals(regions.get(a.accountId()))).toList();
    }

    /** Whether {@code region}'s host serves the account. */
    boolean isIn(String accountId, String region) {
        return accountId != null && region.equals(regions.get(accountId));
    }

    Instant now() {
        return clock.instant();
    }

    Optional<SandboxAccountState> account(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(accountStates.get(accountId));
    }

    /** The account an invitation belongs to; get and redeem name only the invitation. */
    Optional<SandboxAccountState> accountOfInvitation(String invitationId) {
        return accountStates.values().stream().filter(a -> a.invitation(invitationId).isPresent()).findFirst();
    }

    /** The account an invitation belongs to, as {@code region}'s host sees it: only its own accounts' invitations. */
    Optional<SandboxAccountState> accountOfInvitation(String invitationId, String region) {
        return accountOfInvitation(invitationId).filter(a -> isIn(a.accountId(), region));
    }
}
