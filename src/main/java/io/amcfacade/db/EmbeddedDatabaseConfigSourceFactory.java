package io.amcfacade.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the datasource of the embedded default: when no {@code quarkus.datasource.jdbc.url} is
 * configured, it starts the embedded PostgreSQL (once per JVM) and points the datasource at it.
 * <p>
 * Runs while the runtime configuration is built, which is before Flyway, Hibernate ORM and the
 * connection pool start, in every launch mode ({@code java -jar}, {@code quarkus:dev}, tests).
 * It does nothing during the build, when there is no runtime to serve.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    private static final String RUNNING_PREFIX = "io.amcfacade.embedded-postgresql.running:";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        if (context.getValue(JDBC_URL).getValue() != null
                || "false".equalsIgnoreCase(context.getValue("amc.db.embedded.enabled").getValue())) {
            return List.of();
        }
        String appRole = value(context, "amc.db.app-role", "amc_app");
        String retentionRole = value(context, "amc.db.retention-role", "amc_retention");
        String jdbcUrl = startOnce(dataDirectory(context), port(context), appRole, retentionRole);
        Path keys = dataDirectory(context).toAbsolutePath().getParent().resolve("keys");
        // Migrations run as the cluster's owner; the service itself connects as the restricted role.
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, jdbcUrl,
                "quarkus.datasource.username", appRole,
                "quarkus.datasource.password", "",
                "quarkus.flyway.jdbc-url", jdbcUrl,
                "quarkus.flyway.username", EmbeddedDatabase.OWNER,
                // Local trust authentication ignores it, but Quarkus wants one beside a Flyway URL.
                "quarkus.flyway.password", "trust",
                // The embedded default keeps its keys beside the database, never inside it.
                "amc.audit.signing-key-file", keys.resolve("audit-seal.key").toString(),
                "amc.audit.seal-key-file", keys.resolve("audit-seal-ed25519.key").toString()), "embedded-postgresql", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    /**
     * One server per JVM and data directory. Dev-mode restarts and test profiles rebuild the
     * configuration in a new class loader, so the running server is remembered in a system
     * property rather than a static field.
     */
    private static synchronized String startOnce(Path dataDirectory, int port, String appRole, String retentionRole) {
        String key = RUNNING_PREFIX + dataDirectory.toAbsolutePath().normalize();
        String running = System.getProperty(key);
        if (running == null) {
            try {
                EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port);
                database.ensureLoginRole(appRole);
                database.ensureLoginRole(retentionRole);
                running = database.jdbcUrl();
            } catch (IOException | java.sql.SQLException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
            }
            System.setProperty(key, running);
        }
        return running;
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        String value = context.getValue(name).getValue();
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path dataDirectory(ConfigSourceContext context) {
        String configured = context.getValue("amc.db.embedded.data-dir").getValue();
        if (configured != null) {
            return Path.of(configured);
        }
        String base = context.getValue("amc.data-dir").getValue();
        return Path.of(base == null ? "data" : base, "postgres");
    }

    private static int port(ConfigSourceContext context) {
        String configured = context.getValue("amc.db.embedded.port").getValue();
        return configured == null ? 0 : Integer.parseInt(configured.trim());
    }
}
