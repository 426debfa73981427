package io.amcfacade.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    public record Filter(String action, AuditOutcome outcome, String actor) {
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
        List<AuditTrailRow> rows = AuditTrailRow.<AuditTrailRow> find(query.toString(), Sort.descending("seq"), params)
                .range(0, limit).list(); // inclusive: one row more than a page tells whether another page follows
        AuditEventPage page = new AuditEventPage(rows.stream().map(AuditEventMapper::toApi).toList());
        if (rows.size() > limit) {
            page.setEvents(page.getEvents().subList(0, limit));
            page.nextCursor(AuditCursor.encode(rows.get(limit - 1).seq));
        }
        return page;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AuditEvent> find(UUID eventId) {
        return AuditTrailRow.<AuditTrailRow> find("eventId", eventId).firstResultOptional().map(AuditEventMapper::toApi);
    }
}
