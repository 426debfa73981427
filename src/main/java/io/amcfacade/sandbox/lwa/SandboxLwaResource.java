package io.amcfacade.sandbox.lwa;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.tokens.SandboxTokens;

/**
 * Simulates the Login with Amazon token endpoint ({@code POST /auth/o2/token}) for the
 * refresh-token grant, including {@code invalid_client} and {@code invalid_grant} refusals (OAuth's
 * {@code {"error","error_description"}}), and lets tests expire what it issued.
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
        if (!SandboxCredentials.REFRESH_TOKEN.equals(refreshToken)) {
            throw new SandboxRejection(ENDPOINT, 400, "invalid_grant",
                    "The request has an invalid grant parameter : refresh_token");
        }
        String accessToken = tokens.issueAccessToken(config.accessTokenTtl());
        return replies.ok(ENDPOINT, Map.of(
                "access_token", accessToken,
                "token_type", "bearer",
                "expires_in", config.accessTokenTtl().toSeconds(),
                "refresh_token", refreshToken));
    }

    /** Makes every issued access and invitee token invalid, so the next upstream call meets a 401. */
    @POST
    @Path("/lwa/expire-tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> expireAccessTokens() {
        return Map.of("expired", tokens.expireAll());
    }
}
