package io.amcfacade.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditClient;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.AuditUpstream;

/** Audit rows to the API's audit event. */
final class AuditEventMapper {

    private AuditEventMapper() {
    }

    static AuditEvent toApi(AuditTrailRow row, List<AuditTargetEntity> targets) {
        AuditActor actor = new AuditActor(row.actorRoles == null ? List.of() : Arrays.asList(row.actorRoles))
                .subject(row.actorSubject)
                .name(row.actorName)
                .onBehalfOf(row.onBehalfOf);
        AuditEvent event = new AuditEvent(row.eventId, utc(row.occurredAt), actor, row.correlationId, row.action,
                AuditOutcome.fromValue(row.outcome))
                .client(new AuditClient().ip(row.clientIp).userAgent(row.userAgent))
                .method(row.httpMethod)
                .path(row.path)
                .accountId(row.accountId)
                .targetId(row.targetId)
                .completedAt(utc(row.completedAt))
                .httpStatus(row.httpStatus)
                .errorCode(row.errorCode)
                .detail(row.detail)
                .latencyMs(row.latencyMs)
                .idempotencyKey(row.idempotencyKey)
                .requestSummary(row.requestSummary)
                .targets(targets.isEmpty() ? null : targets.stream().map(AuditEventMapper::toApi).toList());
        if (row.upstreamAttempts != null && row.upstreamAttempts > 0) {
            event.upstream(new AuditUpstream().status(row.upstreamStatus).requestId(row.upstreamRequestId)
                    .attempts(row.upstreamAttempts));
        }
        return event;
    }

    private static AuditTarget toApi(AuditTargetEntity target) {
        return new AuditTarget(target.kind, target.targetId).role(target.role).outcome(target.outcome)
                .errorCode(target.errorCode);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
