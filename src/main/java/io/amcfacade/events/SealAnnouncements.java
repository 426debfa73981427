package io.amcfacade.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.amcfacade.audit.query.SealedActions;

/**
 * Listens for new seals ({@code LISTEN} on {@link SealedActions#SEALED_CHANNEL}, announced by the database at each
 * seal's commit, whichever replica sealed) and wakes the deliverer. It holds one connection of its own, outside the
 * pool, as the service's role (LISTEN needs no privilege), and waits on it with pgjdbc's
 * {@link PGConnection#getNotifications(int)}. An announcement's payload is not read: it is only a reason to look
 * now, so a spurious one (anyone holding the credentials can NOTIFY) costs one extra read of the sealed trail. When the
 * connection is lost it connects again, backing off up to {@link #MAX_BACKOFF}, and wakes the deliverer once
 * listening again (a seal may have come meanwhile); the deliverer's poll covers the time in between.
 */
final class SealAnnouncements implements Runnable {

    private static final Logger LOG = Logger.getLogger(SealAnnouncements.class);
    /** How long one wait for an announcement lasts before the connection is checked with a query. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String jdbcUrl;
    private final Properties properties = new Properties();
    private final Runnable wake;
    private volatile boolean running = true;
    private volatile Connection connection;

    SealAnnouncements(String jdbcUrl, String user, String password, Runnable wake) {
        this.jdbcUrl = jdbcUrl;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "amc-events-seal-listener");
        properties.setProperty("tcpKeepAlive", "true");
        this.wake = wake;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofSeconds(1);
        boolean warned = false;
        while (running) {
            try (Connection listener = DriverManager.getConnection(jdbcUrl, properties)) {
                connection = listener;
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN " + SealedActions.SEALED_CHANNEL);
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                if (warned) {
                    LOG.infof("Listening for seals on %s again", SealedActions.SEALED_CHANNEL);
                }
                warned = false;
                backoff = Duration.ofSeconds(1);
                wake.run(); // a seal made while not listening
                while (running) {
                    PGNotification[] announced = pg.getNotifications((int) CHECK_EVERY.toMillis());
                    if (announced != null && announced.length > 0) {
                        wake.run();
                    } else if (running) {
                        try (Statement statement = listener.createStatement()) {
                            statement.execute("SELECT 1"); // a connection lost without a word fails here
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!warned) {
                    LOG.warnf("Not listening for seals (%s); events are delivered on the poll until it is back", e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    /** Stops listening: the connection is aborted under the wait (its socket closed), so the thread ends at once. */
    void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // closing anyway
            }
        }
    }
}
