package io.amcfacade.sandbox.oidc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * The machine side of the sandbox's OpenID Connect provider: discovery, JWK set and token endpoint
 * (authorization code with PKCE, client secret by HTTP Basic or in the form). The human side, the
 * sign-in page, is {@link SandboxSignInPage}.
 */
@Path("/sandbox/oidc")
public class SandboxOidcProvider {

    private final String issuer;
    private final SandboxOidcCodes codes;
    private final SandboxOidcKeys keys;
    private final SandboxOidcConfig config;

    public SandboxOidcProvider(@ConfigProperty(name = "amc.sandbox.base-url") String sandboxBaseUrl,
            SandboxOidcCodes codes, SandboxOidcKeys keys, SandboxOidcConfig config) {
        this.issuer = sandboxBaseUrl + SandboxOidcClient.PATH;
        this.codes = codes;
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/token");
        metadata.put("jwks_uri", issuer + "/jwks");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("claims_supported", List.of("sub", "preferred_username", "groups", "nonce"));
        return metadata;
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam("Authorization") String authorization, @FormParam("grant_type") String grantType,
            @FormParam("code") String code, @FormParam("redirect_uri") String redirectUri,
            @FormParam("code_verifier") String codeVerifier, @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String formClientSecret) {
        String[] client = basic(authorization).orElse(new String[] { formClientId, formClientSecret });
        if (!SandboxOidcClient.CLIENT_ID.equals(client[0]) || !SandboxOidcClient.CLIENT_SECRET.equals(client[1])) {
            return error(401, "invalid_client", "Unknown client or wrong secret.");
        }
        if (!"authorization_code".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Only authorization_code is supported.");
        }
        Optional<SandboxOidcCodes.Grant> grant = codes.redeem(code, client[0], redirectUri, codeVerifier);
        if (grant.isEmpty()) {
            return error(400, "invalid_grant", "The code is unknown, spent, expired, for another redirect URI, "
                    + "or the PKCE code_verifier does not match its challenge.");
        }
        long ttl = config.idTokenTtl().toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", sign(grant.get(), ttl, false));
        body.put("id_token", sign(grant.get(), ttl, true));
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl);
        body.put("scope", "openid profile");
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    private String sign(SandboxOidcCodes.Grant grant, long ttlSeconds, boolean idToken) {
        var claims = Jwt.issuer(issuer).subject(grant.subject()).audience(grant.clientId())
                .claim("preferred_username", grant.name()).groups(new java.util.LinkedHashSet<>(grant.roles()))
                .expiresIn(ttlSeconds);
        if (idToken && grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        return claims.jws().keyId(SandboxOidcKeys.KEY_ID).sign(keys.signingKey());
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        java.util.function.UnaryOperator<String> form = s -> java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        return Optional.of(new String[] { form.apply(decoded.substring(0, colon)), form.apply(decoded.substring(colon + 1)) });
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
