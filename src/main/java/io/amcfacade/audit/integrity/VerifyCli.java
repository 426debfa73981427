package io.amcfacade.audit.integrity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies an audit trail without the service, e.g. a dump restored into any PostgreSQL:
 * <pre>bin/audit-verify --jdbc-url jdbc:postgresql://host/db --user auditor [--password …]
 *     (--key-file FILE | --key BASE64) [--from ISO] [--to ISO] [--anchor SEAL_ID:DIGEST]</pre>
 * Exit status 0 when intact, 1 when a problem was found, 2 on bad usage.
 */
public final class VerifyCli {

    private VerifyCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    public static int run(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--jdbc-url") || !(options.containsKey("--key-file") || options.containsKey("--key"))) {
            System.err.println("usage: audit-verify --jdbc-url URL [--user U] [--password P] (--key-file FILE | --key BASE64)"
                    + " [--from ISO-INSTANT] [--to ISO-INSTANT] [--anchor SEAL_ID:DIGEST]");
            return 2;
        }
        SealKey key = options.containsKey("--key") ? SealKey.fromBase64(options.get("--key"))
                : SealKey.readExisting(Path.of(options.get("--key-file")));
        AuditVerifier.Anchor anchor = null;
        if (options.containsKey("--anchor")) {
            String[] parts = options.get("--anchor").split(":", 2);
            anchor = new AuditVerifier.Anchor(Long.parseLong(parts[0]), parts[1]);
        }
        try (Connection connection = DriverManager.getConnection(options.get("--jdbc-url"),
                options.getOrDefault("--user", System.getProperty("user.name")), options.getOrDefault("--password", ""))) {
            VerifyReport report = new AuditVerifier(connection, key).verify(instant(options.get("--from")),
                    instant(options.get("--to")), anchor, null);
            System.out.printf("seals checked: %d%nrecords checked: %d%nunsealed records: %d%n", report.sealsChecked(),
                    report.recordsChecked(), report.unsealedRecords());
            if (report.lastSeal() != null) {
                System.out.printf("last seal: %d %s (%s)%n", report.lastSeal().sealId(), report.lastSeal().digest(),
                        report.lastSeal().sealedAt());
            }
            if (report.intact()) {
                System.out.println("INTACT");
                return 0;
            }
            VerifyReport.Problem problem = report.firstProblem();
            System.out.printf("NOT INTACT: %s (seal %s, record %s, event %s)%n%s%n", problem.kind(), problem.sealId(),
                    problem.seq(), problem.eventId(), problem.detail());
            return 1;
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
