package io.amcfacade.audit.query;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.audit.storage.AuditConfig;
import io.amcfacade.audit.integrity.IntegrityAnswers;
import io.amcfacade.audit.integrity.TrailVerdicts;
import io.amcfacade.audit.storage.AuditUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.AuditRecord;
import io.amcfacade.api.model.AuditTimeline;

/** Reads actions from the trail: a filtered page newest first, one action with its records, one invitation's history. */
@ApplicationScoped
public class AuditQueries {

    private static final int TIMELINE_LIMIT = 1000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;
    @Inject
    TrailVerdicts verdicts;

    public AuditEventPage page(AuditCriteria criteria, int limit, String cursor) {
        AuditCursor after = AuditCursor.decode(cursor);
        AuditCriteriaSql.Where where = AuditCriteriaSql.where(criteria, pendingSince());
        String sql = "SELECT " + columns("i") + " FROM audit_records i WHERE " + where.sql()
                + (after == null ? "" : " AND (i.recorded_at, i.seq) < (?, ?)")
                + " ORDER BY i.recorded_at DESC, i.seq DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = where.bind(statement, 1);
            if (after != null) {
                statement.setObject(next++, after.recordedAt().atOffset(ZoneOffset.UTC));
                statement.setLong(next++, after.seq());
            }
            statement.setInt(next, limit + 1);
            List<TrailRecord> intents = read(statement);
            List<TrailRecord> shown = intents.subList(0, Math.min(limit, intents.size()));
            AuditEventPage page = new AuditEventPage(assemble(connection, shown));
            if (intents.size() > limit) {
                TrailRecord last = shown.get(limit - 1);
                page.nextCursor(new AuditCursor(last.recordedAt, last.seq).encode());
            }
            return page;
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    public Optional<AuditEvent> find(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + columns("r")
                        + " FROM audit_records r WHERE r.event_id = ? ORDER BY r.seq")) {
            statement.setObject(1, eventId);
            List<TrailRecord> records = read(statement);
            Optional<TrailRecord> intent = records.stream()
                    .filter(r -> r.kind == TrailRecord.Kind.INTENT).findFirst();
            if (intent.isEmpty()) {
                return Optional.empty();
            }
            TrailVerdicts.Verdict verdict = verdicts.judge(connection, records.stream().map(TrailVerdicts.Rec::of).toList())
                    .getOrDefault(eventId, TrailVerdicts.Verdict.NONE);
            return Optional.of(AuditAssembler.toApi(intent.get(), records, pendingSince())
                    .integrity(IntegrityAnswers.of(verdict))
                    .records(records.stream()
                            .map(r -> new AuditRecord(r.seq, r.kind.name(), AuditAssembler.utc(r.recordedAt), r.contentHash))
                            .toList()));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /**
     * Several actions as {@link #find} shows each, in one read: every record of the given actions in one query and
     * one verdict pass over them, not a query and a verdict per action (event delivery reads a page of sealed actions
     * this way). Actions without an intent are left out.
     */
    public Map<UUID, AuditEvent> findAll(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + columns("r")
                        + " FROM audit_records r WHERE r.event_id = ANY (?) ORDER BY r.seq")) {
            statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            List<TrailRecord> records = read(statement);
            Map<UUID, List<TrailRecord>> byEvent = records.stream().collect(Collectors.groupingBy(r -> r.eventId,
                    LinkedHashMap::new, Collectors.toList()));
            Map<UUID, TrailVerdicts.Verdict> judged = verdicts.judge(connection,
                    records.stream().map(TrailVerdicts.Rec::of).toList());
            Instant pendingSince = pendingSince();
            Map<UUID, AuditEvent> found = new LinkedHashMap<>();
            for (Map.Entry<UUID, List<TrailRecord>> entry : byEvent.entrySet()) {
                List<TrailRecord> own = entry.getValue();
                Optional<TrailRecord> intent = own.stream().filter(r -> r.kind == TrailRecord.Kind.INTENT).findFirst();
                if (intent.isPresent()) {
                    found.put(entry.getKey(), AuditAssembler.toApi(intent.get(), own, pendingSince)
                            .integrity(IntegrityAnswers.of(judged.getOrDefault(entry.getKey(), TrailVerdicts.Verdict.NONE)))
                            .records(own.stream().map(r -> new AuditRecord(r.seq, r.kind.name(), AuditAssembler.utc(r.recordedAt),
                                    r.contentHash)).toList()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    public AuditTimeline timeline(String invitationId) {
        String sql = "SELECT " + columns("i") + " FROM audit_records i WHERE i.kind = 'INTENT' AND i.event_id IN "
                + "(SELECT t.event_id FROM audit_records t WHERE t.kind = 'TARGET' AND t.target_id = ?) "
                + "ORDER BY i.recorded_at, i.seq LIMIT " + TIMELINE_LIMIT;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, invitationId);
            return new AuditTimeline(invitationId, assemble(connection, read(statement)));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static AuditUnavailableException unreadable(SQLException e) {
        return AuditUnavailableException.forReading(e);
    }

    private Instant pendingSince() {
        return Instant.now().minus(config.pendingTimeout());
    }

    /**
     * One query for the other records of a whole page, not one per action. An action's other records
     * are written within its request (minutes at most), so each is looked up within a day of its
     * intent: PostgreSQL then probes at most two monthly partitions per action instead of all of them.
     */
    private List<AuditEvent> assemble(Connection connection, List<TrailRecord> intents) throws SQLException {
        if (intents.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TrailRecord>> related;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + columns("r")
                + " FROM unnest(?::uuid[], ?::timestamptz[]) AS k(event_id, at) JOIN LATERAL (SELECT * FROM audit_records x "
                + "WHERE x.event_id = k.event_id AND x.kind <> 'INTENT' AND x.recorded_at >= k.at "
                + "AND x.recorded_at < k.at + interval '1 day') r ON true")) {
            statement.setArray(1, connection.createArrayOf("uuid", intents.stream().map(i -> i.eventId).toArray()));
            statement.setArray(2, connection.createArrayOf("timestamptz", intents.stream()
                    .map(i -> i.recordedAt.atOffset(ZoneOffset.UTC)).toArray()));
            related = read(statement).stream().collect(Collectors.groupingBy(r -> r.eventId, LinkedHashMap::new,
                    Collectors.toList()));
        }
        Instant pendingSince = pendingSince();
        List<TrailVerdicts.Rec> all = new ArrayList<>();
        intents.forEach(i -> all.add(TrailVerdicts.Rec.of(i)));
        related.values().forEach(records -> records.forEach(r -> all.add(TrailVerdicts.Rec.of(r))));
        Map<UUID, TrailVerdicts.Verdict> judged = verdicts.judge(connection, all);
        return intents.stream().map(i -> AuditAssembler.toApi(i, related.getOrDefault(i.eventId, List.of()), pendingSince)
                .integrity(IntegrityAnswers.of(judged.getOrDefault(i.eventId, TrailVerdicts.Verdict.NONE))))
                .toList();
    }

    private static List<TrailRecord> read(PreparedStatement statement) throws SQLException {
        List<TrailRecord> records = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                records.add(TrailRecordSql.read(rs));
            }
        }
        return records;
    }

    static String columns(String alias) {
        return alias + "." + TrailRecordSql.ALL_COLUMNS.replace(", ", ", " + alias + ".");
    }
}
