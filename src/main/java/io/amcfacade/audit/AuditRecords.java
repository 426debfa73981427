package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds the records of an action from what features and filters report. */
final class AuditRecords {

    /** Request summaries are capped so one request cannot bloat the trail. */
    /** Room for a 50-item batch with both roles of every user (about 7.5 KiB), and no more. */
    static final int MAX_SUMMARY = 16384;

    private AuditRecords() {
    }

    static List<TrailRecord> targets(UUID eventId, List<AuditTargetEntry> targets, int firstPosition) {
        List<TrailRecord> records = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            AuditTargetEntry entry = targets.get(i);
            TrailRecord record = TrailRecord.of(TrailRecord.Kind.TARGET, eventId);
            record.targetKind = entry.kind().name();
            record.targetId = entry.normalizedId();
            record.position = firstPosition + i;
            record.role = entry.role();
            record.outcome = entry.outcome() == null ? null : entry.outcome().stored();
            record.errorCode = entry.errorCode();
            records.add(record);
        }
        return records;
    }

    static TrailRecord details(UUID eventId, String summary) {
        TrailRecord record = TrailRecord.of(TrailRecord.Kind.DETAILS, eventId);
        record.requestSummary = summary.length() <= MAX_SUMMARY ? summary
                : summary.substring(0, MAX_SUMMARY - 12) + "…[truncated]";
        return record;
    }
}
