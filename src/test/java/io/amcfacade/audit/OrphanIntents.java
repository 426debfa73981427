package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.integrity.SealKey;
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

    /**
     * Writes records as they are, times included, in one batch, as the database owner (the service's role
     * may not set a time). They carry a genuine MAC: the test holds the service's key, as an operator
     * with the key could. Their times lie outside their seal's window, so tests that verify a trail
     * holding them verify from a later seal on.
     */
    static void insertAll(List<TrailRecord> records) throws SQLException {
        RecordMac mac = mac();
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement insert = connection.prepareStatement(TrailRecordSql.INSERT_WITH_TIME)) {
            for (TrailRecord record : records) {
                record.contentHash = CanonicalRecord.hashV2(record);
                record.recordMac = mac.of(record.contentHash);
                TrailRecordSql.bindWithTime(insert, record);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static RecordMac mac() {
        try {
            return new RecordMac(SealKey.readExisting(java.nio.file.Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("amc.audit.signing-key-file", String.class))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
