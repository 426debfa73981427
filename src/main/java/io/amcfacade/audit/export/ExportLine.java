package io.amcfacade.audit.export;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One line of an export: an action with its outcome, intended targets and what the seals say of it
 * ({@code integrity}, signed with the line, so {@code bin/audit-verify --export} reports a marked action).
 * {@code occurredAt} is the database's time of the intent. The export's columns are declared once, here,
 * each beside the accessor it reads; both formats write exactly these.
 */
record ExportLine(UUID eventId, String occurredAt, String action, String outcome, String actorSubject, String actorName,
        String actorRoles, String onBehalfOf, String clientIp, String correlationId, String accountId, String targetId,
        String targets, Integer httpStatus, String errorCode, Integer upstreamStatus, String upstreamRequestId,
        String upstreamRegion, Long latencyMs, String idempotencyKey, String integrity) {

    static final List<ExportColumn<ExportLine>> COLUMNS = List.of(new ExportColumn<>("eventId", ExportLine::eventId),
            new ExportColumn<>("occurredAt", ExportLine::occurredAt), new ExportColumn<>("action", ExportLine::action),
            new ExportColumn<>("outcome", ExportLine::outcome), new ExportColumn<>("actorSubject", ExportLine::actorSubject),
            new ExportColumn<>("actorName", ExportLine::actorName), new ExportColumn<>("actorRoles", ExportLine::actorRoles),
            new ExportColumn<>("onBehalfOf", ExportLine::onBehalfOf), new ExportColumn<>("clientIp", ExportLine::clientIp),
            new ExportColumn<>("correlationId", ExportLine::correlationId), new ExportColumn<>("accountId", ExportLine::accountId),
            new ExportColumn<>("targetId", ExportLine::targetId), new ExportColumn<>("targets", ExportLine::targets),
            new ExportColumn<>("httpStatus", ExportLine::httpStatus), new ExportColumn<>("errorCode", ExportLine::errorCode),
            new ExportColumn<>("upstreamStatus", ExportLine::upstreamStatus),
            new ExportColumn<>("upstreamRequestId", ExportLine::upstreamRequestId),
            new ExportColumn<>("upstreamRegion", ExportLine::upstreamRegion), new ExportColumn<>("latencyMs", ExportLine::latencyMs),
            new ExportColumn<>("idempotencyKey", ExportLine::idempotencyKey),
            new ExportColumn<>("integrity", ExportLine::integrity));

    /** An action's intent as read, before its outcome and targets are known; {@code recordedAt} orders and bounds the look-ups. */
    record Intent(UUID eventId, String occurredAt, String action, String actorSubject, String actorName, String actorRoles,
            String onBehalfOf, String clientIp, String correlationId, String accountId, String targetId,
            String idempotencyKey, OffsetDateTime recordedAt, long seq, long txid, java.time.Instant claimedAt) {
    }

    /** The outcome record's part of a line. */
    record Outcome(String outcome, Integer httpStatus, String errorCode, Integer upstreamStatus, String upstreamRequestId,
            String upstreamRegion, Long latencyMs) {
    }

    /** @param integrity what the seals say of the action ({@code TrailVerdicts.Verdict#line()}): VERIFIED, UNSEALED, or a mark */
    static ExportLine of(Intent i, Outcome o, String targets, String integrity) {
        return new ExportLine(i.eventId(), i.occurredAt(), i.action(), o.outcome(), i.actorSubject(), i.actorName(),
                i.actorRoles(), i.onBehalfOf(), i.clientIp(), i.correlationId(), i.accountId(), i.targetId(), targets,
                o.httpStatus(), o.errorCode(), o.upstreamStatus(), o.upstreamRequestId(), o.upstreamRegion(), o.latencyMs(),
                i.idempotencyKey(), integrity);
    }
}
