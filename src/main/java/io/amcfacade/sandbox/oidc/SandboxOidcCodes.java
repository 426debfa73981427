package io.amcfacade.sandbox.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorization codes between the sign-in page and the token endpoint. A code is used once, expires
 * quickly, and is bound to its client, redirect URI and PKCE challenge (S256 only: the provider refuses
 * a sign-in without one, so the console cannot fall back to a plain code flow unnoticed).
 */
@ApplicationScoped
public class SandboxOidcCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SandboxOidcConfig config;

    public SandboxOidcCodes(SandboxOidcConfig config) {
        this.config = config;
    }

    /** Who signed in, and the request they signed in for. */
    public record Grant(String subject, String name, List<String> roles, String clientId, String redirectUri,
            String nonce, String codeChallenge, Instant expiresAt) {
    }

    String issue(String subject, String name, List<String> roles, String clientId, String redirectUri, String nonce,
            String codeChallenge) {
        grants.values().removeIf(g -> g.expiresAt().isBefore(Instant.now()));
        String code = random();
        grants.put(code, new Grant(subject, name, roles, clientId, redirectUri, nonce, codeChallenge,
                Instant.now().plus(config.codeTtl())));
        return code;
    }

    /** The grant of {@code code} if it is still valid for this exchange; the code is spent either way. */
    Optional<Grant> redeem(String code, String clientId, String redirectUri, String codeVerifier) {
        Grant grant = code == null ? null : grants.remove(code);
        if (grant == null || grant.expiresAt().isBefore(Instant.now()) || !grant.clientId().equals(clientId)
                || !grant.redirectUri().equals(redirectUri) || codeVerifier == null
                || !MessageDigest.isEqual(s256(codeVerifier).getBytes(StandardCharsets.US_ASCII),
                        grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
