package io.amcfacade.upstream;

import java.util.HashMap;
import java.util.Map;

import io.amcfacade.api.model.Problem;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** AMC or Login with Amazon did not give a usable answer. Messages never carry credentials. */
public class UpstreamException extends ProblemException {

    private UpstreamException(Problem problem, Map<String, String> headers, Throwable cause) {
        super(problem, headers, cause);
    }

    static UpstreamException errorResponse(String operation, int status, String requestId, String message,
            String retryAfter) {
        Map<String, String> headers = new HashMap<>();
        Problem problem;
        if (status == 429) {
            problem = Problems.of(503, "UPSTREAM_THROTTLED", "AMC is throttling",
                    "AMC throttled " + operation + "; retry later.");
            if (retryAfter != null) {
                headers.put("Retry-After", retryAfter);
            }
        } else {
            problem = Problems.of(502, "UPSTREAM_ERROR", "Upstream error",
                    "AMC answered " + status + " to " + operation + (message == null ? "." : ": " + message));
        }
        return new UpstreamException(problem.upstreamStatus(status).upstreamRequestId(requestId), headers, null);
    }

    static UpstreamException pagingLoop(String operation, int pages, String requestId) {
        return new UpstreamException(Problems.of(502, "UPSTREAM_ERROR", "Upstream error",
                "AMC kept returning nextToken for " + operation + " after " + pages + " pages.")
                .upstreamRequestId(requestId), Map.of(), null);
    }

    /**
     * No answer came back. Only a refused connection proves AMC never saw the request (503: nothing was
     * done); a timeout or a connection lost after sending leaves the outcome unknown (504 / 502).
     */
    static UpstreamException unreachable(String operation, Throwable cause) {
        if (causedBy(cause, "Timeout")) {
            return new UpstreamException(Problems.of(504, "UPSTREAM_TIMEOUT", "Upstream timeout",
                    "AMC did not answer " + operation + " in time; the outcome is unknown."), Map.of(), cause);
        }
        if (causedBy(cause, "ConnectException")) {
            return new UpstreamException(Problems.of(503, "UPSTREAM_UNAVAILABLE", "Upstream unavailable",
                    "Could not connect to AMC for " + operation + "; nothing was sent."), Map.of(), cause);
        }
        return new UpstreamException(Problems.of(502, "UPSTREAM_CONNECTION_LOST", "Upstream connection lost",
                "The connection to AMC failed during " + operation + "; the outcome is unknown."), Map.of(), cause);
    }

    static UpstreamException credentialsRefused(String error) {
        return new UpstreamException(Problems.of(502, "UPSTREAM_CREDENTIALS", "Upstream credentials refused",
                "Login with Amazon refused the facade's credentials (" + error
                        + "); an operator must renew amc.lwa.refresh-token or the client credentials."),
                Map.of(), null);
    }

    private static boolean causedBy(Throwable error, String simpleNamePart) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains(simpleNamePart)) {
                return true;
            }
        }
        return false;
    }
}
