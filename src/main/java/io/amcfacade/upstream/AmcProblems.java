package io.amcfacade.upstream;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** The answers several AMC APIs share for the same error: a refusal of the request, a refusal of the caller. */
final class AmcProblems {

    private AmcProblems() {
    }

    static ProblemException rejected(String amcMessage) {
        return new ProblemException(Problems.of(400, "UPSTREAM_REJECTED", "AMC rejected the request",
                "AMC rejected the request" + (amcMessage == null ? "." : ": " + amcMessage)));
    }

    static ProblemException accessDenied(String accountId) {
        return new ProblemException(Problems.of(403, "AMC_ACCESS_DENIED", "AMC access denied",
                "The facade's Amazon identity is not an administrator of AMC account " + accountId + "."));
    }
}
