package io.amcfacade.audit.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import io.amcfacade.audit.integrity.TrailVerdicts;
import io.amcfacade.audit.storage.AuditPartitions;

/**
 * Turns a batch of an export's intents into its lines: each action's outcome (or PENDING/UNKNOWN) and
 * intended targets, fetched for the whole batch in one or two statements. An action's other records
 * follow its intent within its request, so a day after the batch's last intent bounds any look-up to
 * one or two partitions.
 */
final class ExportBatches {

    private static final String RELATED_COLUMNS = "SELECT event_id, kind, outcome, http_status, error_code, "
            + "upstream_status, upstream_request_id, latency_ms, target_id, position, seq, txid, recorded_at, occurred_at, "
            + "upstream_region "
            + "FROM audit_records WHERE ";
    /**
     * Other records of the given actions (details too: the seals' verdict covers every record), up to a
     * day after the last of them: one index probe per action.
     */
    private static final String RELATED_BY_ID = RELATED_COLUMNS + "event_id = ANY (?) "
            + "AND kind <> 'INTENT' AND recorded_at >= ? AND recorded_at < ? + interval '1 day'";
    /** Every other record recorded in a time range: one ordered range read, for dense batches. */
    private static final String RELATED_IN_RANGE = RELATED_COLUMNS + "recorded_at >= ? AND recorded_at < ? "
            + "AND kind <> 'INTENT'";
    /** A range read pays when it reads at most this many records per action of the batch. */
    private static final int RANGE_RECORDS_PER_ACTION = 8;

    private final Instant pendingSince;
    private final Duration pendingTimeout;
    private final TrailVerdicts verdicts;

    /** @param pendingSince an intent recorded after it with no outcome reads PENDING, before it UNKNOWN */
    ExportBatches(Instant pendingSince, Duration pendingTimeout, TrailVerdicts verdicts) {
        this.pendingSince = pendingSince;
        this.pendingTimeout = pendingTimeout;
        this.verdicts = verdicts;
    }

    /** Adds each action's outcome (or PENDING/UNKNOWN) and intended targets: the batch's lines. */
    List<ExportLine> complete(Connection connection, List<ExportLine.Intent> batch, double recordsPerSecond)
            throws SQLException {
        Map<UUID, Related> related = related(connection, batch, recordsPerSecond);
        List<TrailVerdicts.Rec> records = new ArrayList<>(batch.size() * 4);
        for (ExportLine.Intent intent : batch) {
            records.add(new TrailVerdicts.Rec(intent.eventId(), intent.seq(), intent.txid(), "INTENT", null,
                    intent.recordedAt().toInstant(), intent.claimedAt()));
        }
        related.values().forEach(other -> records.addAll(other.records));
        Map<UUID, TrailVerdicts.Verdict> judged = verdicts.judge(connection, records);
        List<ExportLine> lines = new ArrayList<>(batch.size());
        for (ExportLine.Intent intent : batch) {
            Related other = related.get(intent.eventId());
            ExportLine.Outcome outcome = other != null && other.outcome != null ? other.outcome
                    : new ExportLine.Outcome(intent.recordedAt().toInstant().isAfter(pendingSince) ? "PENDING" : "UNKNOWN",
                            null, null, null, null, null, null);
            lines.add(ExportLine.of(intent, outcome, other == null ? null : other.targets(),
                    judged.getOrDefault(intent.eventId(), TrailVerdicts.Verdict.NONE).line()));
        }
        return lines;
    }

    /**
     * The outcomes and intended targets of a batch of actions, by event id. A batch whose actions are
     * dense in time (a broad filter) reads every outcome and target from its first intent to
     * {@code amc.audit.pending-timeout} after its last, in one range read; a sparse batch (a narrow
     * filter over months) probes the event index per action instead, as does every action whose outcome
     * the range did not hold (still running, died, or answered very late).
     */
    private Map<UUID, Related> related(Connection connection, List<ExportLine.Intent> batch, double recordsPerSecond)
            throws SQLException {
        Map<UUID, Related> related = new HashMap<>(batch.size() * 2);
        batch.forEach(intent -> related.put(intent.eventId(), new Related()));
        OffsetDateTime first = batch.get(0).recordedAt();
        OffsetDateTime last = batch.get(batch.size() - 1).recordedAt();
        OffsetDateTime rangeEnd = last.plus(pendingTimeout);
        double seconds = Duration.between(first, rangeEnd).toMillis() / 1000.0;
        List<ExportLine.Intent> unresolved = batch;
        if (recordsPerSecond > 0 && recordsPerSecond * seconds <= RANGE_RECORDS_PER_ACTION * batch.size()) {
            try (PreparedStatement statement = connection.prepareStatement(RELATED_IN_RANGE)) {
                statement.setObject(1, first);
                statement.setObject(2, rangeEnd);
                read(statement, related);
            }
            unresolved = batch.stream().filter(intent -> related.get(intent.eventId()).outcome == null).toList();
        }
        if (!unresolved.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(RELATED_BY_ID)) {
                statement.setArray(1, connection.createArrayOf("uuid", unresolved.stream().map(ExportLine.Intent::eventId).toArray()));
                statement.setObject(2, unresolved.get(0).recordedAt());
                statement.setObject(3, unresolved.get(unresolved.size() - 1).recordedAt());
                read(statement, related);
            }
        }
        return related;
    }

    /** Adds the outcome and targets the statement finds to the actions of the batch; ignores other actions. */
    private static void read(PreparedStatement statement, Map<UUID, Related> related) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Related other = related.get(rs.getObject(1, UUID.class));
                if (other == null) {
                    continue;
                }
                long seq = rs.getLong(11);
                if (!other.seqs.add(seq)) {
                    continue; // read by the range and again by its event
                }
                OffsetDateTime claimed = rs.getObject(14, OffsetDateTime.class);
                other.records.add(new TrailVerdicts.Rec(rs.getObject(1, UUID.class), seq, rs.getLong(12), rs.getString(2),
                        rs.getObject(10, Integer.class), rs.getObject(13, OffsetDateTime.class).toInstant(),
                        claimed == null ? null : claimed.toInstant()));
                if ("OUTCOME".equals(rs.getString(2))) {
                    if (other.outcome == null) {
                        other.outcome = new ExportLine.Outcome(rs.getString(3), rs.getObject(4, Integer.class), rs.getString(5),
                                rs.getObject(6, Integer.class), rs.getString(7), rs.getString(15), rs.getObject(8, Long.class));
                    }
                } else if ("TARGET".equals(rs.getString(2)) && rs.getString(3) == null) { // named up front; per-item results carry an outcome
                    other.target(rs.getInt(10), rs.getString(9));
                }
            }
        }
    }

    /** How many records a second the month's partition holds on average, by PostgreSQL's statistics (0: unknown). */
    static double recordsPerSecond(Connection connection, LocalDate month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            statement.setString(1, AuditPartitions.name(month));
            try (ResultSet rs = statement.executeQuery()) {
                double records = rs.next() ? rs.getDouble(1) : 0;
                return Math.max(0, records) / Duration.between(month.atStartOfDay(), month.plusMonths(1).atStartOfDay()).toSeconds();
            }
        }
    }

    /** What an action's other records add to its line: the outcome's columns and the intended targets. */
    private static final class Related {
        ExportLine.Outcome outcome;
        /** Every other record of the action, for the seals' verdict. */
        final List<TrailVerdicts.Rec> records = new ArrayList<>(4);
        final java.util.Set<Long> seqs = new java.util.HashSet<>(8);
        /** By position; most actions have none, so it is made on the first. */
        SortedMap<Integer, String> targets;

        void target(int position, String id) {
            if (targets == null) {
                targets = new TreeMap<>();
            }
            targets.put(position, id);
        }

        String targets() {
            return targets == null ? null : String.join(" ", targets.values());
        }
    }
}
