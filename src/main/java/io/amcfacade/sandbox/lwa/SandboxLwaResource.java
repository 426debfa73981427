package io.amcfacade.sandbox.lwa;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.tokens.SandboxTokens;

/**
 * Simulates the Login with Amazon token endpoint ({@code POST /auth/o2/token}) for the
 * refresh-token grant, including {@code invalid_client} and {@code invalid_grant} refusals (OAuth's
 * {@code {"error","error_description"}}), and lets tests expire what it issued. Each region has its own
 * ({@code /sandbox/eu/auth/o2/token}, …), which a test can make refuse every grant, as a revoked identity's would.
 */
@Path("/sandbox")
public class SandboxLwaResource {

    public static final String ENDPOINT = "POST /auth/o2/token";

    @Inject
    SandboxTokens tokens;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxConfig config;
    @Inject
    SandboxRegion region;

    @POST
    @Path("/auth/o2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret) {
        if (!"refresh_token".equals(grantType)) {
            throw new SandboxRejection(ENDPOINT, 400, "unsupported_grant_type", "Only the refresh_token grant is supported");
        }
        if (!SandboxCredentials.CLIENT_ID.equals(clientId) || !SandboxCredentials.CLIENT_SECRET.equals(clientSecret)) {
            throw new SandboxRejection(ENDPOINT, 401, "invalid_client", "Client authentication failed");
        }
        if (!SandboxCredentials.REFRESH_TOKEN.equals(refreshToken) || tokens.refusesGrants(region.id())) {
            throw new SandboxRejection(ENDPOINT, 400, "invalid_grant",
                    "The request has an invalid grant parameter : refresh_token");
        }
        String accessToken = tokens.issueAccessToken(config.accessTokenTtl(), region.id());
        return replies.ok(ENDPOINT, Map.of(
                "access_token", accessToken,
                "token_type", "bearer",
                "expires_in", config.accessTokenTtl().toSeconds(),
                "refresh_token", refreshToken));
    }

    /**
     * Makes every access token this region's endpoint issued, and every invitee token, invalid, so the next upstream
     * call with one meets a 401.
     */
    @POST
    @Path("/lwa/expire-tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> expireAccessTokens() {
        return Map.of("expired", tokens.expire(region.id()));
    }

    /** From now on this region's token endpoint refuses every refresh with {@code invalid_grant}. */
    @PUT
    @Path("/lwa/refusal")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> refuseGrants() {
        return refusing(true);
    }

    /** This region's token endpoint grants again. */
    @DELETE
    @Path("/lwa/refusal")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> grantAgain() {
        return refusing(false);
    }

    private Map<String, Object> refusing(boolean refuse) {
        tokens.refuseGrants(region.id(), refuse);
        return Map.of("region", region.id(), "refusing", refuse);
    }
}
