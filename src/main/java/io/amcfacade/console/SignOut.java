package io.amcfacade.console;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.quarkus.oidc.OidcSession;
import io.smallrye.common.annotation.Blocking;

/**
 * Sign-out: a form post carrying the session's CSRF token (a cross-site page cannot sign anyone out),
 * which removes the console session cookie. Recorded as {@code CONSOLE_SIGN_OUT}; any signed-in viewer
 * may sign out, including one the console refused.
 */
@Path("/console/sign-out")
public class SignOut {

    @Inject
    OidcSession session;
    @Inject
    ConsoleViewer viewer;

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("**")
    @Audited(action = AuditAction.CONSOLE_SIGN_OUT)
    public Response signOut(@FormParam("csrf") String csrf) {
        if (!viewer.csrfMatches(csrf)) {
            throw new ProblemException(Problems.of(ProblemCode.BAD_REQUEST,
                    "This form was not sent from a page of your current session. Reload the page and try again."));
        }
        session.logout().await().indefinitely();
        return Response.seeOther(URI.create(ConsolePaths.SIGNED_OUT)).build();
    }
}
