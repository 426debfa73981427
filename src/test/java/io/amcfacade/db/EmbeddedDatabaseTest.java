package io.amcfacade.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default database: durable settings, data across restarts, recovery after kill -9. */
class EmbeddedDatabaseTest {

    @TempDir
    Path workDir;

    @Test
    void runsWithFsyncAndSynchronousCommitOn() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(workDir.resolve("postgres"), 0)) {
            assertThat(query(database.jdbcUrl(), "SHOW fsync")).isEqualTo("on");
            assertThat(query(database.jdbcUrl(), "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(database.jdbcUrl(), "SHOW server_version")).startsWith("17.");
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dir = workDir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            execute(database.jdbcUrl(), "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('before restart')");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            assertThat(query(database.jdbcUrl(), "SELECT v FROM kept")).isEqualTo("before restart");
        }
    }

    @Test
    void aDirectoryInUseByALiveProcessIsRefused() throws Exception {
        Path dir = workDir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running process");
            assertThat(query(database.jdbcUrl(), "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void startsCleanlyAfterTheOwningProcessWasKilledAndKeepsItsCommittedData() throws Exception {
        Path dir = workDir.resolve("postgres");
        Process owner = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseOwner.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(EmbeddedDatabaseOwner.READY)) {
                // the owner's start-up log
            }
            assertThat(line).as("the owner process reported ready").isEqualTo(EmbeddedDatabaseOwner.READY);
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());

        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is orphaned
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            assertThat(query(database.jdbcUrl(), "SELECT v FROM kept")).isEqualTo("committed before kill -9");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : List.of(statements)) {
                s.execute(sql);
            }
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
