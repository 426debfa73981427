package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes audit records, each batch in its own committed transaction so that neither the action's own
 * work nor its failure can take an audit record with it. Every record gets its content hash here.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    /** Commits records that must exist before the action runs; throws {@link AuditUnavailableException} if it cannot. */
    void commitIntent(List<TrailRecord> records) {
        try {
            insert(records);
        } catch (SQLException | RuntimeException e) {
            failed("intent");
            LOG.errorf(e, "Could not record the intent of %s; refusing the action", records.get(0).eventId);
            throw new AuditUnavailableException(e);
        }
    }

    /** Appends records after the answer is decided. A failure leaves the action without outcome (read as UNKNOWN). */
    void append(List<TrailRecord> records) {
        try {
            insert(records);
        } catch (SQLException | RuntimeException e) {
            failed("outcome");
            LOG.errorf(e, "Could not record the outcome of audit event %s", records.get(0).eventId);
        }
    }

    private void insert(List<TrailRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(TrailRecordSql.INSERT)) {
                for (TrailRecord record : records) {
                    record.contentHash = CanonicalRecord.hash(record);
                    TrailRecordSql.bind(insert, record);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void failed(String phase) {
        registry.counter("amc.audit.write.failures", "phase", phase).increment();
    }
}
