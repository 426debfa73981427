package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.support.OwnerDatabase;

/** Writes intent records with no outcome, as a process that died right after committing one leaves behind. */
final class OrphanIntents {

    private OrphanIntents() {
    }

    static void insert(String subject, UUID eventId, Instant when, String action) throws SQLException {
        insertAll(List.of(intent(subject, eventId, when, action)));
    }

    static TrailRecord intent(String subject, UUID eventId, Instant when, String action) {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, eventId);
        intent.recordedAt = TrailRecord.micros(when);
        intent.occurredAt = intent.recordedAt;
        intent.actorSubject = subject;
        intent.actorRoles = "amc-admin";
        intent.correlationId = "orphan-" + eventId;
        intent.action = action;
        intent.httpMethod = "POST";
        intent.path = "/v1/accounts/ENTITY1ACMERETAIL0/invitations";
        intent.accountId = "ENTITY1ACMERETAIL0";
        return intent;
    }

    /** Writes records as they are (hashing them first), in one batch. */
    static void insertAll(List<TrailRecord> records) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement insert = connection.prepareStatement(TrailRecordSql.INSERT)) {
            for (TrailRecord record : records) {
                record.contentHash = CanonicalRecord.hash(record);
                TrailRecordSql.bind(insert, record);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
