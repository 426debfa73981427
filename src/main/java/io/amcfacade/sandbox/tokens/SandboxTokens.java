package io.amcfacade.sandbox.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, InviteeToken> inviteeTokens = new ConcurrentHashMap<>();
    /** The regions whose token endpoint refuses every grant ({@code PUT /sandbox/<region>/lwa/refusal}). */
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    /** An access token, and the region whose token endpoint issued it (it works in every region). */
    private record AccessToken(Instant expiry, String region) {
    }

    /** An invitee's stand-in for their own Login with Amazon token: it says who the caller is. */
    private record InviteeToken(String emailAddress, Instant expiry) {
    }

    public SandboxTokens() {
        this(Clock.systemUTC());
    }

    SandboxTokens(Clock clock) {
        this.clock = clock;
    }

    public String issueAccessToken(Duration ttl, String region) {
        String token = newToken();
        accessTokens.put(token, new AccessToken(clock.instant().plus(ttl), region));
        return token;
    }

    /** Any region's live access token: a token from any Login with Amazon host works in every region. */
    public boolean isValidAccessToken(String token) {
        AccessToken issued = token == null ? null : accessTokens.get(token);
        return issued != null && issued.expiry().isAfter(clock.instant());
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

    /**
     * Forgets the access tokens {@code region}'s endpoint issued and every invitee token, as if they had expired;
     * answers how many.
     */
    public int expire(String region) {
        int count = inviteeTokens.size();
        inviteeTokens.clear();
        for (Map.Entry<String, AccessToken> issued : accessTokens.entrySet()) {
            if (region.equals(issued.getValue().region()) && accessTokens.remove(issued.getKey()) != null) {
                count++;
            }
        }
        return count;
    }

    /** Makes {@code region}'s token endpoint refuse every grant, or grant again. */
    public void refuseGrants(String region, boolean refuse) {
        if (refuse) {
            refusing.add(region);
        } else {
            refusing.remove(region);
        }
    }

    public boolean refusesGrants(String region) {
        return refusing.contains(region);
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "Atza|" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
