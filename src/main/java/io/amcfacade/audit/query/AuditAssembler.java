package io.amcfacade.audit.query;

import io.amcfacade.audit.storage.TrailRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditClient;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.api.model.Region;

/**
 * Puts the records of one action together as the API's one-line audit event, dated by the database's
 * clock ({@code recorded_at} of the intent), never by the time the writer claimed.
 */
final class AuditAssembler {

    private AuditAssembler() {
    }

    /** @param related the action's non-intent records, in any order */
    static AuditEvent toApi(TrailRecord intent, List<TrailRecord> related, Instant pendingSince) {
        TrailRecord outcome = related.stream().filter(r -> r.kind == TrailRecord.Kind.OUTCOME).findFirst().orElse(null);
        AuditActor actor = new AuditActor(intent.actorRoles == null || intent.actorRoles.isEmpty() ? List.of()
                : Arrays.asList(intent.actorRoles.split(",")))
                .subject(intent.actorSubject).name(intent.actorName).onBehalfOf(intent.onBehalfOf);
        AuditEvent event = new AuditEvent(intent.eventId, utc(intent.recordedAt), actor, intent.correlationId,
                intent.action, outcome != null ? outcome(outcome.outcome)
                        : intent.recordedAt.isAfter(pendingSince) ? AuditOutcome.PENDING : AuditOutcome.UNKNOWN)
                .client(new AuditClient().ip(intent.clientIp).userAgent(intent.userAgent))
                .traceId(intent.traceId)
                .method(intent.httpMethod)
                .path(intent.path)
                .accountId(intent.accountId)
                .targetId(intent.targetId)
                .idempotencyKey(intent.idempotencyKey);
        related.stream().filter(r -> r.kind == TrailRecord.Kind.DETAILS).findFirst()
                .ifPresent(details -> event.requestSummary(details.requestSummary));
        List<AuditTarget> targets = related.stream().filter(r -> r.kind == TrailRecord.Kind.TARGET)
                .sorted(Comparator.comparing(r -> r.position))
                .map(t -> new AuditTarget(t.targetKind, t.targetId).role(t.role).outcome(t.outcome).errorCode(t.errorCode))
                .toList();
        event.targets(targets.isEmpty() ? null : targets);
        if (outcome != null) {
            event.completedAt(utc(outcome.recordedAt)).httpStatus(outcome.httpStatus).errorCode(outcome.errorCode)
                    .detail(outcome.detail).latencyMs(outcome.latencyMs);
            if (outcome.upstreamAttempts != null && outcome.upstreamAttempts > 0) {
                event.upstream(new AuditUpstream().status(outcome.upstreamStatus)
                        .requestId(outcome.upstreamRequestId).attempts(outcome.upstreamAttempts)
                        .region(outcome.upstreamRegion == null ? null : Region.fromValue(outcome.upstreamRegion)));
            }
        }
        return event;
    }

    /**
     * The stored outcome as the API names it. The service writes only the API's own values; anything else
     * was written behind its back (a forged row, which the event's {@code integrity} names), and reads
     * {@code UNKNOWN} rather than failing the whole page with a 500.
     */
    static AuditOutcome outcome(String stored) {
        for (AuditOutcome known : AuditOutcome.values()) {
            if (known.toString().equals(stored)) {
                return known;
            }
        }
        return AuditOutcome.UNKNOWN;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
