package io.amcfacade.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * Finds and stops a postmaster left running on a data directory by a process that died without
 * shutting it down. Only called while holding the data directory's lock, so a live postmaster
 * found here has no owner.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = Logger.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory, Duration wait) throws IOException {
        Optional<ProcessHandle> orphan = find(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        LOG.warnf("Stopping orphaned PostgreSQL postmaster (pid %d) left running on %s by a previous process",
                postmaster.pid(), dataDirectory);
        // SIGTERM is a smart shutdown: the dead owner's sessions are gone, so it checkpoints and exits.
        postmaster.destroy();
        try {
            postmaster.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("Orphaned postmaster %d did not stop within %s; killing it (WAL recovery follows)",
                    postmaster.pid(), wait);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping orphaned postmaster", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Could not wait for orphaned postmaster", e);
        }
    }

    static Optional<ProcessHandle> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOn(process, dataDirectory));
    }

    /** Guards against a reused pid: the process must be a postgres serving this very directory. */
    private static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String args = Files.readString(cmdline, StandardCharsets.UTF_8).replace('\0', ' ');
            return args.contains("postgres") && args.contains(dataDirectory.toString());
        } catch (IOException e) {
            // No procfs (not Linux): fall back to the command name.
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }
}
