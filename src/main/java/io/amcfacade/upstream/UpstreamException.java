package io.amcfacade.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.amcfacade.api.model.Problem;
import io.amcfacade.regions.Region;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.resilience.AttemptFailure;
import io.amcfacade.resilience.ClassifiedFailure;
import io.amcfacade.web.RetryAfter;

/**
 * AMC or Login with Amazon did not give a usable answer. Says how the attempt failed, so the retry
 * policy can tell a request AMC provably did not process from one it may have. Messages never carry
 * credentials.
 */
public class UpstreamException extends ProblemException implements ClassifiedFailure {

    private final transient AttemptFailure failure;
    private final transient Duration retryAfter;

    private UpstreamException(Problem problem, Map<String, String> headers, Throwable cause, AttemptFailure failure,
            Duration retryAfter) {
        super(problem, headers, cause);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    private UpstreamException(Problem problem, Throwable cause, AttemptFailure failure) {
        this(problem, Map.of(), cause, failure, null);
    }

    @Override
    public AttemptFailure failure() {
        return failure;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * An error status no operation-specific mapping took. A 5xx to an operation that must not be repeated
     * blindly (a create) leaves its outcome unknown, and the problem says how to find out.
     */
    static UpstreamException errorResponse(AmcOperation operation, int status, String requestId, String message,
            String retryAfter) {
        Map<String, String> headers = new HashMap<>();
        Problem problem;
        AttemptFailure failure = null;
        if (status == 429) {
            failure = AttemptFailure.THROTTLED;
            problem = Problems.of(ProblemCode.UPSTREAM_THROTTLED,
                    "AMC throttled " + operation + "; retry later.");
            if (retryAfter != null) {
                headers.put("Retry-After", retryAfter);
            }
        } else if (status >= 500 && operation.howToCheck() != null) {
            failure = AttemptFailure.SERVER_ERROR;
            problem = Problems.of(ProblemCode.UPSTREAM_OUTCOME_UNKNOWN,
                    "AMC answered " + status + " to " + operation + "; it may have acted all the same, so the "
                            + "facade did not send it again. " + operation.howToCheck());
        } else {
            failure = status >= 500 ? AttemptFailure.SERVER_ERROR : null;
            problem = Problems.of(ProblemCode.UPSTREAM_ERROR,
                    "AMC answered " + status + " to " + operation + (message == null ? "." : ": " + message));
        }
        return new UpstreamException(problem.upstreamStatus(status).upstreamRequestId(requestId), headers, null,
                failure, RetryAfter.parse(retryAfter, Clock.systemUTC()).orElse(null));
    }

    /**
     * AMC answered 2xx with a body the facade cannot read. After a call that changes something AMC may
     * well have acted, so that is an unknown outcome (never a 500, never repeated); after a read it is an
     * upstream error.
     */
    static UpstreamException unreadable(AmcOperation operation, int status, String requestId, String why) {
        Problem problem = operation.changesState()
                ? Problems.of(ProblemCode.UPSTREAM_OUTCOME_UNKNOWN,
                        "AMC answered " + status + " to " + operation + " with a body the facade cannot read (" + why
                                + "); AMC may have acted, so the facade did not send it again."
                                + (operation.howToCheck() == null ? " Read the current state before retrying."
                                        : " " + operation.howToCheck()))
                : Problems.of(ProblemCode.UPSTREAM_ERROR,
                        "AMC answered " + status + " to " + operation + " with a body the facade cannot read (" + why
                                + ").");
        return new UpstreamException(problem.upstreamStatus(status).upstreamRequestId(requestId), null, null);
    }

    static UpstreamException pagingRepeat(AmcOperation operation, String requestId) {
        return new UpstreamException(Problems.of(ProblemCode.UPSTREAM_ERROR,
                "AMC answered " + operation + " with the nextToken it was just sent: the same page would come back "
                        + "for ever.").upstreamRequestId(requestId), null, null);
    }

    static UpstreamException pagingLoop(AmcOperation operation, int pages, String requestId) {
        return new UpstreamException(Problems.of(ProblemCode.UPSTREAM_ERROR,
                "AMC kept returning nextToken for " + operation + " after " + pages + " pages.")
                .upstreamRequestId(requestId), null, null);
    }

    /**
     * No answer came back. Only a refused connection proves AMC never saw the request (503: nothing was
     * done); a timeout or a connection lost after sending leaves the outcome unknown (504 / 502).
     */
    static UpstreamException unreachable(AmcOperation operation, Throwable cause) {
        String check = operation.howToCheck() == null ? "" : " " + operation.howToCheck();
        if (causedBy(cause, "Timeout")) {
            return new UpstreamException(timeout(operation.operationName(), check), cause, AttemptFailure.TIMEOUT);
        }
        if (causedBy(cause, "ConnectException")) {
            return new UpstreamException(refused(operation.operationName()), cause, AttemptFailure.REFUSED);
        }
        return new UpstreamException(lost(operation.operationName(), check), cause, AttemptFailure.CONNECTION_LOST);
    }

    /**
     * Login with Amazon did not answer a token refresh. AMC was not asked, but the retry policy leaves
     * it alone: it is not AMC's failure, and the next call refreshes anyway.
     */
    static UpstreamException tokenEndpointUnreachable(String operation, Throwable cause) {
        Problem problem = causedBy(cause, "Timeout") ? timeout(operation, "")
                : causedBy(cause, "ConnectException") ? refused(operation) : lost(operation, "");
        return new UpstreamException(problem, cause, null);
    }

    private static Problem timeout(String operation, String check) {
        return Problems.of(ProblemCode.UPSTREAM_TIMEOUT,
                "AMC did not answer " + operation + " in time; the outcome is unknown." + check);
    }

    private static Problem refused(String operation) {
        return Problems.of(ProblemCode.UPSTREAM_UNAVAILABLE,
                "Could not connect to AMC for " + operation + "; nothing was sent.");
    }

    private static Problem lost(String operation, String check) {
        return Problems.of(ProblemCode.UPSTREAM_CONNECTION_LOST,
                "The connection to AMC failed during " + operation + "; the outcome is unknown." + check);
    }

    /** The caller's deadline passed before this AMC call could be sent: nothing more was sent. */
    static UpstreamException deadlineExceeded(AmcOperation operation) {
        return new UpstreamException(Problems.of(ProblemCode.DEADLINE_EXCEEDED,
                "The request's time ran out before " + operation + " could be sent to AMC."), null, null);
    }

    static UpstreamException credentialsRefused(Region region, String error) {
        return new UpstreamException(Problems.of(ProblemCode.UPSTREAM_CREDENTIALS,
                "Login with Amazon refused the facade's credentials for region " + region + " (" + error
                        + "); an operator must renew amc.lwa.refresh-token (amc.regions." + region.id()
                        + ".lwa.refresh-token where the region has its own) or the client credentials."),
                null, null);
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
