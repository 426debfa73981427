package io.amcfacade.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One line of an export: an action with its outcome and intended targets. The export's columns are
 * declared once, here, each beside the accessor it reads; both formats write exactly these.
 */
record ExportLine(UUID eventId, String occurredAt, String action, String outcome, String actorSubject, String actorName,
        String actorRoles, String onBehalfOf, String clientIp, String correlationId, String accountId, String targetId,
        String targets, Integer httpStatus, String errorCode, Integer upstreamStatus, String upstreamRequestId,
        Long latencyMs, String idempotencyKey) {

    /** A column: its name in the header (CSV) or as the key (NDJSON), and its value on a line. */
    record Column(String name, Function<ExportLine, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(new Column("eventId", ExportLine::eventId),
            new Column("occurredAt", ExportLine::occurredAt), new Column("action", ExportLine::action),
            new Column("outcome", ExportLine::outcome), new Column("actorSubject", ExportLine::actorSubject),
            new Column("actorName", ExportLine::actorName), new Column("actorRoles", ExportLine::actorRoles),
            new Column("onBehalfOf", ExportLine::onBehalfOf), new Column("clientIp", ExportLine::clientIp),
            new Column("correlationId", ExportLine::correlationId), new Column("accountId", ExportLine::accountId),
            new Column("targetId", ExportLine::targetId), new Column("targets", ExportLine::targets),
            new Column("httpStatus", ExportLine::httpStatus), new Column("errorCode", ExportLine::errorCode),
            new Column("upstreamStatus", ExportLine::upstreamStatus),
            new Column("upstreamRequestId", ExportLine::upstreamRequestId), new Column("latencyMs", ExportLine::latencyMs),
            new Column("idempotencyKey", ExportLine::idempotencyKey));

    /** An action's intent as read, before its outcome and targets are known; {@code recordedAt} orders and bounds the look-ups. */
    record Intent(UUID eventId, String occurredAt, String action, String actorSubject, String actorName, String actorRoles,
            String onBehalfOf, String clientIp, String correlationId, String accountId, String targetId,
            String idempotencyKey, OffsetDateTime recordedAt) {
    }

    /** The outcome record's part of a line. */
    record Outcome(String outcome, Integer httpStatus, String errorCode, Integer upstreamStatus, String upstreamRequestId,
            Long latencyMs) {
    }

    static ExportLine of(Intent i, Outcome o, String targets) {
        return new ExportLine(i.eventId(), i.occurredAt(), i.action(), o.outcome(), i.actorSubject(), i.actorName(),
                i.actorRoles(), i.onBehalfOf(), i.clientIp(), i.correlationId(), i.accountId(), i.targetId(), targets,
                o.httpStatus(), o.errorCode(), o.upstreamStatus(), o.upstreamRequestId(), o.latencyMs(), i.idempotencyKey());
    }
}
