package io.amcfacade.audit;

import java.util.Map;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** The intent of an action could not be committed, so the action is refused (fail closed). */
public class AuditUnavailableException extends ProblemException {

    AuditUnavailableException(Throwable cause) {
        super(Problems.of(503, "AUDIT_UNAVAILABLE", "Audit trail unavailable",
                "The action could not be recorded in the audit trail, so it was not performed."),
                Map.of("Retry-After", "5"), cause);
    }
}
