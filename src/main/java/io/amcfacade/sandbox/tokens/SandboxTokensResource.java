package io.amcfacade.sandbox.tokens;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxSigningKeys;
import io.amcfacade.security.Roles;
import io.amcfacade.security.SimulatorTokens;
import io.smallrye.jwt.build.Jwt;

/**
 * Mints caller tokens for local use: {@code POST /sandbox/tokens {"subject","roles":[…]}}. They carry
 * the sandbox issuer and are signed with the sandbox key, so only a facade in sandbox mode accepts them.
 */
@Path("/sandbox/tokens")
public class SandboxTokensResource {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:+\\-]{1,128}");

    @Inject
    SandboxConfig config;

    private volatile PrivateKey signingKey;

    /** What a caller asks for; {@code name} becomes {@code preferred_username}. */
    public record TokenRequest(String subject, List<String> roles, String name) {
    }

    /** Shaped like an OAuth token response. */
    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse mint(TokenRequest request) {
        if (request == null || request.subject() == null || !SUBJECT.matcher(request.subject()).matches()) {
            throw new ProblemException(Problems.invalidField("subject",
                    "is required: 1 to 128 letters, digits or ._@:+-"));
        }
        Set<String> roles = new LinkedHashSet<>(request.roles() == null ? List.of() : request.roles());
        if (!Roles.ALL.containsAll(roles)) {
            throw new ProblemException(Problems.invalidField("roles", "each role must be one of " + Roles.ALL));
        }
        long ttl = config.callerTokenTtl().toSeconds();
        String token = Jwt.issuer(SimulatorTokens.ISSUER)
                .subject(request.subject())
                .claim("preferred_username", request.name() == null ? request.subject() : request.name())
                .groups(roles)
                .expiresIn(ttl)
                .jws().keyId("sandbox")
                .sign(signingKey());
        return new TokenResponse(token, "Bearer", ttl);
    }

    private PrivateKey signingKey() {
        PrivateKey key = signingKey;
        if (key == null) {
            String location = config.signingKeyLocation().orElseThrow(() -> new IllegalStateException(
                    "amc.sandbox.signing-key-location is not set; the sandbox is not initialised"));
            key = signingKey = readPkcs8(java.nio.file.Path.of(location));
        }
        return key;
    }

    private static PrivateKey readPkcs8(java.nio.file.Path pem) {
        try {
            String base64 = SandboxSigningKeys.pemBody(pem);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the sandbox signing key " + pem, e);
        }
    }
}
