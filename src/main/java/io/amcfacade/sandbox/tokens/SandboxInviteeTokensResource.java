package io.amcfacade.sandbox.tokens;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * Mints an invited user's token: {@code POST /sandbox/invitee-tokens {"emailAddress"}}. It stands in
 * for the invitee's own Login with Amazon login, which is what AMC's get and redeem act as.
 */
@Path("/sandbox/invitee-tokens")
public class SandboxInviteeTokensResource {

    @Inject
    SandboxTokens tokens;
    @Inject
    SandboxConfig config;

    /** Whose token to mint. */
    public record InviteeTokenRequest(String emailAddress) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SandboxTokensResource.TokenResponse mint(InviteeTokenRequest request) {
        if (request == null || !SandboxRequests.isPlausibleEmail(request.emailAddress())) {
            throw new ProblemException(Problems.invalidField("emailAddress",
                    "is required: an email address of at most 254 characters"));
        }
        String token = tokens.issueInviteeToken(request.emailAddress(), config.accessTokenTtl());
        return new SandboxTokensResource.TokenResponse(token, "bearer", config.accessTokenTtl().toSeconds());
    }
}
