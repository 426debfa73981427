package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** PostgreSQL itself keeps the trail append-only: the service's role lacks the rights, and a trigger stops even the owner. */
@QuarkusTest
class AppendOnlyTest {

    @Inject
    AgroalDataSource serviceRole;

    @Test
    void theServicesRoleCannotChangeDeleteOrTruncateAuditRecords() {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200);

        assertRefused(serviceRole::getConnection, "UPDATE audit_records SET actor_subject = 'mallory'", "permission denied");
        assertRefused(serviceRole::getConnection, "DELETE FROM audit_records", "permission denied");
        assertRefused(serviceRole::getConnection, "TRUNCATE audit_records", "permission denied");
        assertRefused(serviceRole::getConnection, "UPDATE audit_seals SET signature = 'x'", "permission denied");
        assertRefused(serviceRole::getConnection, "DELETE FROM audit_seals", "permission denied");
    }

    @Test
    void eventheOwnerIsStoppedByTheTrigger() {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200);

        assertRefused(OwnerDatabase::connect, "UPDATE audit_records SET actor_subject = 'mallory'", "append-only");
        assertRefused(OwnerDatabase::connect, "DELETE FROM audit_records", "append-only");
        assertRefused(OwnerDatabase::connect, "DELETE FROM audit_seals", "append-only");
        assertRefused(OwnerDatabase::connect, "TRUNCATE audit_seals", "append-only");
        assertRefused(OwnerDatabase::connect, "TRUNCATE audit_records_" + java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                .toString().replace('-', '_'), "append-only");
    }

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static void assertRefused(ConnectionSource source, String sql, String reason) {
        assertThatThrownBy(() -> {
            try (Connection connection = source.open(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(reason);
    }
}
