package io.amcfacade.sandbox.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bearer tokens the simulated AMC APIs accept: the Login with Amazon access tokens the sandbox's
 * token endpoint issued (the facade's own identity) and the invitee tokens minted for invited users.
 * Kept apart, so an invitee token never passes as the facade's own and the reverse.
 */
@ApplicationScoped
public class SandboxTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, InviteeToken> inviteeTokens = new ConcurrentHashMap<>();
    private final Clock clock;

    /** An invitee's stand-in for their own Login with Amazon token: it says who the caller is. */
    private record InviteeToken(String emailAddress, Instant expiry) {
    }

    public SandboxTokens() {
        this(Clock.systemUTC());
    }

    SandboxTokens(Clock clock) {
        this.clock = clock;
    }

    public String issueAccessToken(Duration ttl) {
        String token = newToken();
        accessTokens.put(token, clock.instant().plus(ttl));
        return token;
    }

    public boolean isValidAccessToken(String token) {
        Instant expiry = token == null ? null : accessTokens.get(token);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    public String issueInviteeToken(String emailAddress, Duration ttl) {
        String token = newToken();
        inviteeTokens.put(token, new InviteeToken(emailAddress, clock.instant().plus(ttl)));
        return token;
    }

    /** The email address a live invitee token was minted for. */
    public Optional<String> inviteeOf(String token) {
        InviteeToken invitee = token == null ? null : inviteeTokens.get(token);
        return invitee != null && invitee.expiry().isAfter(clock.instant())
                ? Optional.of(invitee.emailAddress())
                : Optional.empty();
    }

    /** Forgets every issued access and invitee token, as if they had all expired; answers how many. */
    public int expireAll() {
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
