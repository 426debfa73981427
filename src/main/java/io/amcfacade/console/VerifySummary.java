package io.amcfacade.console;

import java.util.List;

import io.amcfacade.api.model.VerifyAcknowledgement;
import io.amcfacade.api.model.VerifyProblem;
import io.amcfacade.api.model.VerifyResult;
import io.quarkus.qute.TemplateData;

/**
 * A verify result as the Verify page shows it: in words ({@link VerifyExplanation}), the first problem the
 * verifier named ({@code null}: none), how much it checked, and every cut tail an operator acknowledged.
 */
@TemplateData
public record VerifySummary(VerifyExplanation explanation, Finding firstProblem, long sealsChecked, long recordsChecked,
        long unsealedRecords, Long lastSealId, Moment lastSealedAt, List<Acknowledged> acknowledged) {

    /** The verifier's first problem: its kind, the record, action or seal it is about, in its own words. */
    @TemplateData
    public record Finding(String kind, Long seq, String eventId, Long sealId, String detail) {
    }

    /** A cut tail an operator accepted: the seal lost, the one sealing continued from, who, when, why, and the seals' word on it. */
    @TemplateData
    public record Acknowledged(Long lostSealId, String lostSealDigest, Long continuesFromSealId, String by, String onBehalfOf,
            Moment at, String reason, String eventId, String integrity) {

        static Acknowledged of(VerifyAcknowledgement a) {
            return new Acknowledged(a.getLostSealId(), a.getLostSealDigest(), a.getContinuesFromSealId(), a.getAcknowledgedBy(),
                    a.getOnBehalfOf(), Moment.of(a.getAcknowledgedAt()), a.getReason(), a.getEventId().toString(),
                    a.getIntegrity() == null ? null : a.getIntegrity().getStatus().toString());
        }
    }

    static VerifySummary of(VerifyResult result) {
        VerifyProblem problem = result.getFirstProblem();
        Finding finding = problem == null ? null : new Finding(problem.getKind(), problem.getSeq(),
                problem.getEventId() == null ? null : problem.getEventId().toString(), problem.getSealId(), problem.getDetail());
        return new VerifySummary(VerifyExplanation.of(result), finding, count(result.getSealsChecked()),
                count(result.getRecordsChecked()), count(result.getUnsealedRecords()), result.getLastSealId(),
                Moment.of(result.getLastSealedAt()), result.getAcknowledgedTruncations() == null ? List.of()
                        : result.getAcknowledgedTruncations().stream().map(Acknowledged::of).toList());
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }
}
