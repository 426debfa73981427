package io.amcfacade.db;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static EmbeddedDatabase running;

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
        EmbeddedDatabase database = startOnce(dataDirectory(context), port(context));
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", ""), "embedded-postgresql", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    /** One server per JVM: dev-mode restarts and test profiles rebuild the configuration, not the database. */
    private static synchronized EmbeddedDatabase startOnce(Path dataDirectory, int port) {
        if (running == null) {
            try {
                running = EmbeddedDatabase.start(dataDirectory, port);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
            }
        }
        return running;
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
