package io.amcfacade.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two replicas of the packaged jar on loopback sharing one PostgreSQL (the first one's embedded cluster)
 * and one upstream (the first one's sandbox), started once for every integration test that needs them
 * (their start is most of such a test's time) and stopped when the test JVM ends. The settings are the
 * union of what those tests need; each test uses callers and accounts of its own.
 */
public final class TwoReplicas {

    /** The fleet's {@code instances} budget, low enough for SharedBudgetIT to exceed. */
    public static final int INSTANCES_PER_SECOND = 5;
    /** High enough that a replica leases several tokens at a time (a tenth of a second's worth). */
    public static final int INVITATIONS_PER_SECOND = 200;
    /** Each caller's auditor limit a minute, low enough for SharedBudgetIT to reach. */
    public static final int AUDITS_PER_MINUTE = 4;

    /**
     * How long a replica holds an event subscription it delivers, so a killed replica's subscription is taken over
     * within seconds; a whole attempt stays well within it.
     */
    public static final String EVENTS_LEASE = "PT8S";

    private static List<FacadeProcess> replicas;
    private static final List<Map<String, String>> ENVIRONMENTS = new java.util.ArrayList<>();

    private TwoReplicas() {
    }

    public static synchronized List<FacadeProcess> shared() throws Exception {
        if (replicas == null) {
            replicas = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (int i = replicas.size() - 1; i >= 0; i--) {
                    try {
                        replicas.get(i).close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
        }
        return replicas;
    }

    /**
     * Starts replica {@code index} again, on its work directory, port and settings, after a test killed it; the first
     * replica's PostgreSQL outlives a {@code kill -9} of its JVM (an orphan the restart shuts down and starts again).
     */
    public static synchronized void restart(int index) throws Exception {
        FacadeProcess replica = replicas.get(index);
        if (!replica.process().isAlive()) {
            replica.start("replica-restarted", ENVIRONMENTS.get(index));
        }
    }

    /** The first replica's database, as its owner. */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    private static String jdbcUrl;

    private static List<FacadeProcess> start() throws Exception {
        int databasePort = FacadeProcess.freePort();
        Path firstDir = Files.createTempDirectory("amc-facade-replica-a");
        FacadeProcess first = replica(firstDir, Map.of("AMC_DB_EMBEDDED_PORT", Integer.toString(databasePort)));
        jdbcUrl = "jdbc:postgresql://localhost:" + databasePort + "/postgres";
        FacadeProcess second = replica(Files.createTempDirectory("amc-facade-replica-b"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", "amc_app",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_FLYWAY_JDBC_URL", jdbcUrl,
                "QUARKUS_FLYWAY_USERNAME", "postgres",
                "QUARKUS_FLYWAY_PASSWORD", "trust",
                "AMC_AUDIT_SIGNING_KEY_FILE", firstDir.resolve("data/keys/audit-seal.key").toString(),
                "AMC_AUDIT_SEAL_KEY_FILE", firstDir.resolve("data/keys/audit-seal-ed25519.key").toString(),
                "AMC_SANDBOX_BASE_URL", "http://localhost:" + first.port() + "/sandbox"));
        return List.of(first, second);
    }

    private static FacadeProcess replica(Path workDir, Map<String, String> environment) throws Exception {
        FacadeProcess replica = new FacadeProcess(workDir, FacadeProcess.freePort());
        Map<String, String> all = new HashMap<>(environment);
        all.put("AMC_UPSTREAM_RATE_LIMIT_INSTANCES_REQUESTS_PER_SECOND", Integer.toString(INSTANCES_PER_SECOND));
        all.put("AMC_UPSTREAM_DEADLINE", "PT2S");
        all.put("AMC_INBOUND_RATE_LIMIT_VIEWER_REQUESTS_PER_MINUTE", "100000");
        all.put("AMC_INBOUND_RATE_LIMIT_AUDITOR_REQUESTS_PER_MINUTE", Integer.toString(AUDITS_PER_MINUTE));
        all.put("AMC_INBOUND_RATE_LIMIT_AUDITOR_BURST", Integer.toString(AUDITS_PER_MINUTE));
        // The access reconciler runs only when a test asks, with room for a quick complete pass.
        all.put("AMC_ACCESS_SCHEDULED", "false");
        all.put("AMC_ACCESS_REQUESTS_PER_SECOND", "200");
        all.put("AMC_UPSTREAM_RATE_LIMIT_USERS_REQUESTS_PER_SECOND", "200");
        all.put("AMC_UPSTREAM_RATE_LIMIT_INVITATIONS_REQUESTS_PER_SECOND", Integer.toString(INVITATIONS_PER_SECOND));
        all.put("AMC_EVENTS_LEASE", EVENTS_LEASE);
        all.put("AMC_EVENTS_REQUEST_TIMEOUT", "PT3S");
        all.put("AMC_EVENTS_RETRY_BASE", "PT0.2S");
        ENVIRONMENTS.add(Map.copyOf(all));
        replica.start("replica", all);
        return replica;
    }
}
