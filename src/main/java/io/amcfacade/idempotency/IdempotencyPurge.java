package io.amcfacade.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes expired idempotency keys every {@code amc.idempotency.purge-interval}, in small batches so no
 * request waits behind a long delete. Every replica runs it; deleting what another already deleted is
 * harmless. A key that expires between two runs is also replaced when it is reused.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    private static final int BATCH = 5000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IdempotencyConfig config;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "idempotency-purge");
        thread.setDaemon(true);
        return thread;
    });

    void start(@Observes StartupEvent event) {
        long interval = config.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** @return how many expired keys were deleted */
    public long purgeExpired() throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_keys WHERE ctid IN "
                        + "(SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT " + BATCH + ")")) {
            int batch;
            do {
                batch = delete.executeUpdate();
                deleted += batch;
            } while (batch == BATCH);
        }
        return deleted;
    }

    private void purgeQuietly() {
        try {
            long deleted = purgeExpired();
            if (deleted > 0) {
                LOG.debugf("Deleted %d expired idempotency keys", deleted);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Deleting expired idempotency keys failed (%s); retried in %s", e.getMessage(), config.purgeInterval());
        }
    }
}
