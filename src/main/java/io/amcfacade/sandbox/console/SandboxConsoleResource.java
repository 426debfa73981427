package io.amcfacade.sandbox.console;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.sandbox.amc.SandboxConsole;
import io.amcfacade.sandbox.amc.SandboxConsole.ConsoleUser;

/**
 * Drift on demand, sandbox only: {@code POST /sandbox/accounts/{accountId}/console-changes} changes an
 * account as AMC's own console would, behind the facade's back. The facade finds it with a reconciliation
 * pass ({@code POST /v1/access/reconciliations}).
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxConsoleResource {

    private static final Set<String> ROLES = Set.of("admin", "viewer");

    @Inject
    SandboxConsole console;

    /** One console change: a role, a removal ({@code remove: true}) or a new user ({@code addUser: true}). */
    public record ConsoleChange(String userId, String role, Boolean remove, String emailAddress, String userName,
            Boolean addUser) {
    }

    /** The user after the change (for a removal, as they were). */
    public record ConsoleChangeResult(String accountId, String change, ConsoleUser user) {
    }

    @POST
    @Path("/accounts/{accountId}/console-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsoleChangeResult change(@PathParam("accountId") String accountId, ConsoleChange change) {
        if (change == null) {
            throw invalid("body", "must be a console change");
        }
        if (!console.hasAccount(accountId)) {
            throw new ProblemException(Problems.of(ProblemCode.NOT_FOUND, "No account " + accountId + "."));
        }
        try {
            if (Boolean.TRUE.equals(change.addUser())) {
                require("emailAddress", change.emailAddress());
                return new ConsoleChangeResult(accountId, "addUser",
                        console.addUser(accountId, change.emailAddress(), role(change)));
            }
            require("userId", change.userId());
            if (Boolean.TRUE.equals(change.remove())) {
                return new ConsoleChangeResult(accountId, "remove", console.remove(accountId, change.userId()));
            }
            return new ConsoleChangeResult(accountId, "role", console.setRole(accountId, change.userId(), role(change)));
        } catch (SandboxConsole.Refused refused) {
            throw new ProblemException(switch (refused.code()) {
                case "NOT_FOUND" -> Problems.of(ProblemCode.USER_NOT_FOUND, refused.getMessage());
                case "LAST_ADMIN" -> Problems.of(ProblemCode.LAST_ADMIN, refused.getMessage());
                default -> Problems.invalidField("emailAddress", refused.getMessage());
            });
        }
    }

    private static String role(ConsoleChange change) {
        require("role", change.role());
        if (!ROLES.contains(change.role())) {
            throw invalid("role", "must be admin or viewer");
        }
        return change.role();
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalidField(field, message));
    }
}
