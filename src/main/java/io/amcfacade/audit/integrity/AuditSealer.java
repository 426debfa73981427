package io.amcfacade.audit.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.AuditConfig;
import io.amcfacade.audit.AuditRetention;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals the trail every {@code amc.audit.seal-interval}, also when nothing happened (a missing tail of
 * seals then shows), and writes the newest seal to an anchor file and the log, both outside the
 * database. Hourly it creates the coming months' partitions and applies retention.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final int MONTHS_AHEAD = 3;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;
    @Inject
    SealKey key;
    @Inject
    AuditRetention retention;
    private Path anchorFile;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audit-sealer");
        thread.setDaemon(true);
        return thread;
    });

    void start(@Observes StartupEvent event) throws SQLException {
        anchorFile = Path.of(config.anchorFile());
        ensurePartitions();
        sealNow();
        long interval = config.sealInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sealQuietly, interval, interval, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::maintainQuietly, 1, 1, TimeUnit.HOURS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** Seals everything finished so far; empty when another replica is sealing at this moment. */
    public Optional<Seal> sealNow() throws SQLException {
        Optional<Seal> seal;
        try (Connection connection = dataSource.getConnection()) {
            seal = Sealing.sealNext(connection, key);
        }
        seal.ifPresent(this::anchor);
        return seal;
    }

    /** The newest seal this process made or saw, as kept outside the database. */
    public Optional<AuditVerifier.Anchor> anchor() {
        try {
            if (!Files.exists(anchorFile)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(anchorFile, StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new AuditVerifier.Anchor(Long.parseLong(parts[0]), parts[1]));
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Unreadable audit anchor file %s", anchorFile);
            return Optional.empty();
        }
    }

    private void anchor(Seal seal) {
        if (seal.rowCount() > 0) {
            LOG.infof("Audit seal %d covers %d records: digest %s signature %s", seal.sealId(), seal.rowCount(),
                    seal.digest(), seal.signature());
        }
        try {
            Files.createDirectories(anchorFile.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(anchorFile.toAbsolutePath().getParent(), "seal-head", ".tmp");
            Files.writeString(temporary, seal.sealId() + " " + seal.digest() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, anchorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warnf(e, "Could not write the audit anchor file %s", anchorFile);
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

    private void sealQuietly() {
        try {
            sealNow();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Sealing the audit trail failed; it is retried in %s", config.sealInterval());
        }
    }

    private void maintainQuietly() {
        try {
            ensurePartitions();
            retention.purgeExpired();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Audit partition upkeep or retention failed; retried in an hour");
        }
    }
}
