package io.amcfacade.console;

import io.amcfacade.api.model.VerifyProblem;
import io.amcfacade.api.model.VerifyResult;
import io.quarkus.qute.TemplateData;

/**
 * A verify result as the Verify page shows it: in words ({@link VerifyExplanation}), the first problem the
 * verifier named ({@code null}: none) and how much it checked.
 */
@TemplateData
public record VerifySummary(VerifyExplanation explanation, Finding firstProblem, long sealsChecked, long recordsChecked,
        long unsealedRecords, Long lastSealId, Moment lastSealedAt) {

    /** The verifier's first problem: its kind, the record, action or seal it is about, in its own words. */
    @TemplateData
    public record Finding(String kind, Long seq, String eventId, Long sealId, String detail) {
    }

    static VerifySummary of(VerifyResult result) {
        VerifyProblem problem = result.getFirstProblem();
        Finding finding = problem == null ? null : new Finding(problem.getKind(), problem.getSeq(),
                problem.getEventId() == null ? null : problem.getEventId().toString(), problem.getSealId(), problem.getDetail());
        return new VerifySummary(VerifyExplanation.of(result), finding, count(result.getSealsChecked()),
                count(result.getRecordsChecked()), count(result.getUnsealedRecords()), result.getLastSealId(),
                Moment.of(result.getLastSealedAt()));
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }
}
