package io.amcfacade.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditClient;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditUpstream;

/** Audit rows to the API's audit event. */
final class AuditEventMapper {

    private AuditEventMapper() {
    }

    static AuditEvent toApi(AuditTrailRow row) {
        AuditActor actor = new AuditActor(row.actorRoles == null ? java.util.List.of() : Arrays.asList(row.actorRoles))
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
                .latencyMs(row.latencyMs);
        if (row.upstreamAttempts != null && row.upstreamAttempts > 0) {
            event.upstream(new AuditUpstream().status(row.upstreamStatus).requestId(row.upstreamRequestId)
                    .attempts(row.upstreamAttempts));
        }
        return event;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
