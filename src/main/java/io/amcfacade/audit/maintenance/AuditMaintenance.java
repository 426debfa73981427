package io.amcfacade.audit.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.storage.AuditConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The audit trail's one maintenance schedule: every {@code amc.audit.seal-interval} it seals (also when
 * nothing happened, so a missing tail of seals shows); hourly, first, it creates the coming months'
 * partitions and applies retention. One direction: maintenance calls retention and sealing, never the
 * other way round.
 */
@ApplicationScoped
public class AuditMaintenance {

    private static final Logger LOG = Logger.getLogger(AuditMaintenance.class);
    private static final int MONTHS_AHEAD = 3;
    /** Partitions are made months ahead and retention works on whole months: hourly is plenty. */
    private static final Duration UPKEEP = Duration.ofHours(1);

    private final AgroalDataSource dataSource;
    private final AuditSealer sealer;
    private final AuditRetention retention;
    private final AuditConfig config;
    private volatile Instant nextUpkeep = Instant.MIN;

    AuditMaintenance(AgroalDataSource dataSource, AuditSealer sealer, AuditRetention retention, AuditConfig config) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.retention = retention;
        this.config = config;
    }

    /** Partitions and a first seal before the first request. */
    void start(@Observes StartupEvent event) throws SQLException {
        ensurePartitions();
        sealer.sealNow();
    }

    @Scheduled(every = "${amc.audit.seal-interval}", delayed = "${amc.audit.seal-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (Instant.now().isAfter(nextUpkeep)) {
            nextUpkeep = Instant.now().plus(UPKEEP);
            try {
                ensurePartitions();
                retention.purgeExpired();
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "Audit partition upkeep or retention failed; retried in %s", UPKEEP);
            }
        }
        try {
            sealer.sealNow();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Sealing the audit trail failed; it is retried in %s", config.sealInterval());
        }
    }

    private void ensurePartitions() throws SQLException {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT audit_ensure_partition(?)")) {
            for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
                statement.setObject(1, month.plusMonths(ahead));
                statement.execute();
            }
        }
    }
}
