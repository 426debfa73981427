package io.amcfacade.upstream;

import io.amcfacade.problem.ProblemException;

/**
 * Turns an AMC error answer into the facade's, per operation, or {@code null} for the generic mapping
 * ({@link UpstreamException#errorResponse}). Most operations only need the status and AMC's message;
 * those whose API puts a code in its error body ({@code {"code","message"}}, {@code {"code","details"}})
 * use {@link #withCode}.
 */
@FunctionalInterface
interface ErrorMapping {

    ErrorMapping NONE = (status, message) -> null;

    ProblemException map(int status, String amcMessage);

    default ProblemException map(int status, String amcCode, String amcMessage) {
        return map(status, amcMessage);
    }

    static ErrorMapping withCode(Coded mapping) {
        return new ErrorMapping() {
            @Override
            public ProblemException map(int status, String amcMessage) {
                return mapping.map(status, null, amcMessage);
            }

            @Override
            public ProblemException map(int status, String amcCode, String amcMessage) {
                return mapping.map(status, amcCode, amcMessage);
            }
        };
    }

    /** A mapping that also reads AMC's error code. */
    @FunctionalInterface
    interface Coded {
        ProblemException map(int status, String amcCode, String amcMessage);
    }
}
