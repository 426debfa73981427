package io.amcfacade.audit.integrity;

import io.amcfacade.api.model.AuditFinding;
import io.amcfacade.api.model.AuditFindingCode;
import io.amcfacade.api.model.AuditIntegrity;
import io.amcfacade.api.model.AuditIntegrityStatus;

/** The seals' verdict on an action as the API tells it ({@code AuditIntegrity}), for every reader and for verify. */
public final class IntegrityAnswers {

    private IntegrityAnswers() {
    }

    public static AuditIntegrity of(TrailVerdicts.Verdict verdict) {
        return new AuditIntegrity(AuditIntegrityStatus.fromValue(verdict.status().name()), verdict.sealIds(),
                verdict.findings().stream().map(f -> new AuditFinding(AuditFindingCode.fromValue(f.code().name()), f.seq(),
                        f.detail()).sealId(f.sealId())).toList());
    }
}
