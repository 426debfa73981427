package io.amcfacade.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The simulator's state: AMC accounts, the Login with Amazon access tokens it issued, and what it
 * was asked. Per-account state (invitations, users, instances) hangs off {@link SandboxAccount}.
 */
@ApplicationScoped
public class SandboxState {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SandboxAccount> accounts = new CopyOnWriteArrayList<>(List.of(
            new SandboxAccount("ENTITY1ACMERETAIL0", "Acme Retail AMC", "ATVPDKIKX0DER"),
            new SandboxAccount("ENTITY2GLOBEXEU000", "Globex Europe AMC", "A1PA6795UKMFR9"),
            new SandboxAccount("ENTITY3INITECHJP00", "Initech Japan AMC", "A1VC38T7YXB528")));
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final SandboxStats stats;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public SandboxState(SandboxStats stats) {
        this.stats = stats;
    }

    public List<SandboxAccount> accounts() {
        return List.copyOf(accounts);
    }

    public SandboxStats stats() {
        return stats;
    }

    String issueAccessToken(java.time.Duration ttl) {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        String token = "Atza|" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accessTokens.put(token, clock.instant().plus(ttl));
        return token;
    }

    boolean isValidAccessToken(String token) {
        Instant expiry = token == null ? null : accessTokens.get(token);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    /** Forgets every issued access token, as if they had all expired. */
    int expireAccessTokens() {
        int count = accessTokens.size();
        accessTokens.clear();
        return count;
    }
}
