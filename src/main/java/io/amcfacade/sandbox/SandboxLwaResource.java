package io.amcfacade.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Simulates the Login with Amazon token endpoint ({@code POST /auth/o2/token}) for the
 * refresh-token grant, including {@code invalid_client} and {@code invalid_grant} refusals.
 */
@Path("/sandbox/auth/o2/token")
public class SandboxLwaResource {

    static final String ENDPOINT = "POST /auth/o2/token";

    @Inject
    SandboxState state;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret) {
        if (!"refresh_token".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "Only the refresh_token grant is supported");
        }
        if (!SandboxCredentials.CLIENT_ID.equals(clientId) || !SandboxCredentials.CLIENT_SECRET.equals(clientSecret)) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        if (!SandboxCredentials.REFRESH_TOKEN.equals(refreshToken)) {
            return oauthError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }
        String accessToken = state.issueAccessToken(config.accessTokenTtl());
        return replies.ok(ENDPOINT, Map.of(
                "access_token", accessToken,
                "token_type", "bearer",
                "expires_in", config.accessTokenTtl().toSeconds(),
                "refresh_token", refreshToken));
    }

    private Response oauthError(int status, String error, String description) {
        return replies.reply(ENDPOINT, status, Map.of("error", error, "error_description", description));
    }
}
