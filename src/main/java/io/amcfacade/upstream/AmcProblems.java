package io.amcfacade.upstream;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** The answers several AMC APIs share for the same error: a refusal of the request, a refusal of the caller. */
final class AmcProblems {

    private AmcProblems() {
    }

    static ProblemException rejected(String amcMessage) {
        return new ProblemException(Problems.of(ProblemCode.UPSTREAM_REJECTED,
                "AMC rejected the request" + (amcMessage == null ? "." : ": " + amcMessage))
                // AMC's 400 stays a 400: what AMC found invalid is the caller's request.
                .status(400));
    }

    static ProblemException accessDenied(String accountId) {
        return new ProblemException(Problems.of(ProblemCode.AMC_ACCESS_DENIED,
                "The facade's Amazon identity is not an administrator of AMC account " + accountId + "."));
    }
}
