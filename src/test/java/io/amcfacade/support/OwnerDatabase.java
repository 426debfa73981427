package io.amcfacade.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connections as the database owner, who can do what the service's role cannot (create triggers,
 * bypass them to tamper with the trail), for tests that play the attacker or break the database.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /**
     * Runs these statements as the owner in one transaction with triggers off ({@code session_replication_role =
     * replica}), past the trail's append-only triggers, as an attacker holding the owner's credentials would.
     */
    public static void executeTriggersOff(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    public static void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
