package io.amcfacade.audit.storage;

import java.util.Map;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** The trail cannot be written (the action is refused: fail closed) or read. */
public class AuditUnavailableException extends ProblemException {

    public AuditUnavailableException(Throwable cause) {
        this("The action could not be recorded in the audit trail, so it was not performed.", cause);
    }

    private AuditUnavailableException(String detail, Throwable cause) {
        super(Problems.of(ProblemCode.AUDIT_UNAVAILABLE, detail), Map.of("Retry-After", "5"), cause);
    }

    /** The trail could not be read (queries, exports, verification). */
    public static AuditUnavailableException forReading(Throwable cause) {
        return new AuditUnavailableException("The audit trail could not be read; retry shortly.", cause);
    }
}
