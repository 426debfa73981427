package io.amcfacade.sandbox;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The simulator's state: AMC accounts, the Login with Amazon access tokens it issued, the invitee
 * tokens it minted, and what it was asked. Per-account state (invitations, users) lives in a
 * {@link SandboxAccountState} keyed by account id.
 */
@ApplicationScoped
public class SandboxState {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SandboxAccount> accounts = new CopyOnWriteArrayList<>(List.of(
            new SandboxAccount("ENTITY1ACMERETAIL0", "Acme Retail AMC", "ATVPDKIKX0DER"),
            new SandboxAccount("ENTITY2GLOBEXEU000", "Globex Europe AMC", "A1PA6795UKMFR9"),
            new SandboxAccount("ENTITY3INITECHJP00", "Initech Japan AMC", "A1VC38T7YXB528")));
    private final Map<String, SandboxAccountState> accountStates = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, InviteeToken> inviteeTokens = new ConcurrentHashMap<>();
    private final SandboxStats stats;
    private final Clock clock;

    /** An invitee's stand-in for their own Login with Amazon token: it says who the caller is. */
    private record InviteeToken(String emailAddress, Instant expiry) {
    }

    @Inject
    public SandboxState(SandboxStats stats) {
        this(stats, Clock.systemUTC());
    }

    SandboxState(SandboxStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
        accounts.forEach(a -> accountStates.put(a.accountId(), withSeedAdmin(a.accountId())));
    }

    /** Every account starts with one admin, so rules about the last admin have someone to protect. */
    private static SandboxAccountState withSeedAdmin(String accountId) {
        return new SandboxAccountState(accountId,
                List.of(SandboxUser.create(seedAdminEmail(accountId), SandboxUser.ADMIN)));
    }

    /**
     * Adds an account with its seed admin, as if the facade's identity had just been made its
     * administrator: a test that needs users or admins nobody else touches makes its own account.
     */
    SandboxAccount createAccount(String accountName, String marketplaceId) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String accountId = "ENTITY" + new BigInteger(1, bytes).toString(36).toUpperCase(Locale.ROOT);
        SandboxAccount account = new SandboxAccount(accountId, accountName, marketplaceId);
        accountStates.put(accountId, withSeedAdmin(accountId));
        accounts.add(account);
        return account;
    }

    static String seedAdminEmail(String accountId) {
        return "admin@" + accountId.toLowerCase(Locale.ROOT) + ".example";
    }

    public List<SandboxAccount> accounts() {
        return List.copyOf(accounts);
    }

    public SandboxStats stats() {
        return stats;
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

    String issueAccessToken(Duration ttl) {
        String token = newToken();
        accessTokens.put(token, clock.instant().plus(ttl));
        return token;
    }

    boolean isValidAccessToken(String token) {
        Instant expiry = token == null ? null : accessTokens.get(token);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    /** Kept apart from the access tokens: an invitee token never passes as the facade's own. */
    String issueInviteeToken(String emailAddress, Duration ttl) {
        String token = newToken();
        inviteeTokens.put(token, new InviteeToken(emailAddress, clock.instant().plus(ttl)));
        return token;
    }

    /** The email address a live invitee token was minted for. */
    Optional<String> inviteeOf(String token) {
        InviteeToken invitee = token == null ? null : inviteeTokens.get(token);
        return invitee != null && invitee.expiry().isAfter(clock.instant())
                ? Optional.of(invitee.emailAddress())
                : Optional.empty();
    }

    /** Forgets every issued access and invitee token, as if they had all expired. */
    int expireAccessTokens() {
        int count = accessTokens.size() + inviteeTokens.size();
        accessTokens.clear();
        inviteeTokens.clear();
        return count;
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "Atza|" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
