package io.amcfacade.audit.integrity.verifying;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.VerifyAcknowledgement;
import io.amcfacade.api.model.VerifyProblem;
import io.amcfacade.api.model.VerifyResult;
import io.amcfacade.audit.storage.AuditConfig;
import io.amcfacade.audit.storage.AuditUnavailableException;
import io.amcfacade.audit.integrity.AcknowledgedTruncation;
import io.amcfacade.audit.integrity.IntegrityAnswers;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.audit.integrity.VerifyReport;
import io.amcfacade.audit.integrity.sealing.AuditSealer;

/** {@code GET /v1/audit/verify}: the verifier on the service's own database, key and anchor. */
@ApplicationScoped
public class AuditVerification {

    /** A running service seals every few seconds; this much silence means seals were removed. */
    private static final Duration MIN_SILENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SealPublicKey publicKey;
    @Inject
    SealKey legacyKey;
    @Inject
    AuditSealer sealer;
    @Inject
    AuditConfig config;

    public VerifyResult verify(Instant from, Instant to) {
        Duration silence = config.sealInterval().multipliedBy(3);
        try (Connection connection = dataSource.getConnection()) {
            VerifyReport report = new AuditVerifier(connection, publicKey, legacyKey).verify(from, to, sealer.anchor().orElse(null),
                    silence.compareTo(MIN_SILENCE) > 0 ? silence : MIN_SILENCE);
            return toApi(report);
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }

    static VerifyResult toApi(VerifyReport report) {
        VerifyResult result = new VerifyResult(report.intact(), report.sealsChecked(), report.recordsChecked(),
                report.unsealedRecords());
        if (report.lastSeal() != null) {
            result.lastSealId(report.lastSeal().sealId()).lastSealDigest(report.lastSeal().digest())
                    .lastSealedAt(report.lastSeal().sealedAt().atOffset(ZoneOffset.UTC));
        }
        report.purges().forEach(p -> result.addPurgesItem(new io.amcfacade.api.model.VerifyPurge(p.month(), p.records(),
                p.lastSealId(), java.time.OffsetDateTime.parse(p.purgedAt()))));
        report.acknowledgedTruncations().forEach(a -> result.addAcknowledgedTruncationsItem(acknowledgement(a)));
        VerifyReport.Problem problem = report.firstProblem();
        if (problem != null) {
            result.firstProblem(new VerifyProblem(problem.kind().name(), problem.detail()).sealId(problem.sealId())
                    .seq(problem.seq()).eventId(problem.eventId()));
        }
        return result;
    }

    private static VerifyAcknowledgement acknowledgement(AcknowledgedTruncation acknowledged) {
        VerifyAcknowledgement answer = new VerifyAcknowledgement().eventId(acknowledged.eventId())
                .acknowledgedAt(acknowledged.acknowledgedAt().atOffset(ZoneOffset.UTC)).acknowledgedBy(acknowledged.acknowledgedBy())
                .onBehalfOf(acknowledged.onBehalfOf()).reason(acknowledged.reason())
                .integrity(IntegrityAnswers.of(acknowledged.integrity()));
        if (acknowledged.loss() != null) {
            answer.lostSealId(acknowledged.loss().lostSealId()).lostSealDigest(acknowledged.loss().lostSealDigest())
                    .continuesFromSealId(acknowledged.loss().continuesFromSealId());
        }
        return answer;
    }
}
