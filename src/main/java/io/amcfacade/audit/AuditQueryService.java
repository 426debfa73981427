package io.amcfacade.audit;

import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.AuditOutcome;
import io.quarkus.panache.common.Sort;

/** Reads the audit trail: filtered, newest first, keyset-paginated. */
@ApplicationScoped
public class AuditQueryService {

    /** Filters of {@code GET /v1/audit/events}; {@code null} means "any". */
    public record Filter(String action, AuditOutcome outcome, String actor, String accountId, String targetId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditEventPage page(Filter filter, int limit, String cursor) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        Long before = AuditCursor.decode(cursor);
        if (before != null) {
            query.append(" and seq < :before");
            params.put("before", before);
        }
        if (filter.action() != null) {
            query.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.outcome() != null) {
            query.append(" and outcome = :outcome");
            params.put("outcome", filter.outcome().toString());
        }
        if (filter.actor() != null) {
            query.append(" and actorSubject = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.accountId() != null) {
            query.append(" and accountId = :account");
            params.put("account", filter.accountId());
        }
        if (filter.targetId() != null) {
            query.append(" and eventId in (select t.eventId from AuditTargetEntity t where t.targetId = :target)");
            params.put("target", filter.targetId().contains("@") ? filter.targetId().toLowerCase(Locale.ROOT)
                    : filter.targetId());
        }
        List<AuditTrailRow> rows = AuditTrailRow.<AuditTrailRow> find(query.toString(), Sort.descending("seq"), params)
                .range(0, limit).list(); // inclusive: one row more than a page tells whether another page follows
        List<AuditTrailRow> shown = rows.subList(0, Math.min(limit, rows.size()));
        AuditEventPage page = new AuditEventPage(withTargets(shown));
        if (rows.size() > limit) {
            page.nextCursor(AuditCursor.encode(shown.get(limit - 1).seq));
        }
        return page;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AuditEvent> find(UUID eventId) {
        return AuditTrailRow.<AuditTrailRow> find("eventId", eventId).firstResultOptional()
                .map(row -> withTargets(List.of(row)).get(0));
    }

    /** One query for the targets of a whole page, not one per event. */
    private static List<AuditEvent> withTargets(List<AuditTrailRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AuditTargetEntity>> targets = AuditTargetEntity.<AuditTargetEntity> find(
                "eventId in ?1", Sort.ascending("phase", "position"), rows.stream().map(r -> r.eventId).toList())
                .stream().collect(Collectors.groupingBy(t -> t.eventId));
        return rows.stream().map(row -> AuditEventMapper.toApi(row, targets.getOrDefault(row.eventId, List.of())))
                .toList();
    }
}
