package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.support.OwnerDatabase;

/** Writes an intent record with no outcome, as a process that died right after committing it leaves behind. */
final class OrphanIntents {

    private OrphanIntents() {
    }

    static void insert(String subject, UUID eventId, Instant when, String action) throws SQLException {
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
        intent.contentHash = CanonicalRecord.hash(intent);
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement insert = connection.prepareStatement(TrailRecordSql.INSERT)) {
            TrailRecordSql.bind(insert, intent);
            insert.executeUpdate();
        }
    }
}
