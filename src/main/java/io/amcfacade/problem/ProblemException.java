package io.amcfacade.problem;

import java.util.Map;

import io.amcfacade.api.model.Problem;

/**
 * A failure that already knows the problem document it answers with. Features throw subclasses;
 * {@link ProblemMappers} turns them into responses.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers, Throwable cause) {
        super(problem.getCode() + ": " + problem.getDetail(), cause);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(Problem problem) {
        this(problem, Map.of(), null);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
