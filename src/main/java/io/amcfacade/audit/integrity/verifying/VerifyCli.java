package io.amcfacade.audit.integrity.verifying;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.audit.integrity.VerifyReport;
import io.amcfacade.audit.integrity.sealing.Witness;

/**
 * Verifies an audit trail without the service and without any secret, e.g. a dump restored into any
 * PostgreSQL, with the seal public key alone:
 * <pre>bin/audit-verify --jdbc-url jdbc:postgresql://host/db --user auditor [--password …] --public-key FILE
 *     [--key-file HMAC_FILE] [--from ISO] [--to ISO] [--anchor "SEAL_ID DIGEST"] [--anchor-file FILE] [--witness FILE]</pre>
 * {@code --key-file} (the previous version's HMAC secret) also checks its seals' own signatures. Offline, an export
 * ({@code --export FILE}, {@link ExportCheck}) or delivered events ({@code --events FILE [--secret whsec_…]},
 * {@link EventCheck}).
 * Exit status 0 when intact, 1 when a problem was found, 2 on bad usage.
 */
public final class VerifyCli {

    private static final String USAGE = "usage: audit-verify --jdbc-url URL [--user U] [--password P] --public-key FILE"
            + " [--key-file HMAC_FILE] [--from ISO-INSTANT] [--to ISO-INSTANT] [--anchor 'SEAL_ID DIGEST'] [--anchor-file FILE]"
            + " [--witness FILE]\n       audit-verify --export FILE --public-key FILE"
            + "\n       audit-verify --events FILE --public-key FILE [--secret whsec_…]";

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
        PrintStream out = System.out;
        if (!options.containsKey("--public-key") || !(options.containsKey("--jdbc-url") || options.containsKey("--export")
                || options.containsKey("--events"))) {
            System.err.println(USAGE);
            return 2;
        }
        SealPublicKey publicKey = SealPublicKey.read(Path.of(options.get("--public-key")));
        if (options.containsKey("--events")) {
            return EventCheck.run(Path.of(options.get("--events")), publicKey, options.get("--secret"), out);
        }
        if (options.containsKey("--export")) {
            return ExportCheck.run(Path.of(options.get("--export")), publicKey, out);
        }
        SealKey legacyKey = options.containsKey("--key-file") ? SealKey.readExisting(Path.of(options.get("--key-file"))) : null;
        Anchor anchor = anchor(options);
        try (Connection connection = DriverManager.getConnection(options.get("--jdbc-url"),
                options.getOrDefault("--user", System.getProperty("user.name")), options.getOrDefault("--password", ""))) {
            VerifyReport report = new AuditVerifier(connection, publicKey, legacyKey).verify(instant(options.get("--from")),
                    instant(options.get("--to")), anchor, null);
            out.printf("seals checked: %d%nrecords checked: %d%nunsealed records: %d%n", report.sealsChecked(),
                    report.recordsChecked(), report.unsealedRecords());
            report.purges().forEach(p -> out.printf("purged: %s, %d records, checked against seal %d, at %s%n", p.month(),
                    p.records(), p.lastSealId(), p.purgedAt()));
            if (report.lastSeal() != null) {
                out.printf("last seal: %d %s (%s)%n", report.lastSeal().sealId(), report.lastSeal().digest(),
                        report.lastSeal().sealedAt());
            }
            report.acknowledgedTruncations().forEach(a -> out.printf("acknowledged truncation: %s%n", a.line()));
            if (report.intact()) {
                out.println("INTACT");
                return 0;
            }
            VerifyReport.Problem problem = report.firstProblem();
            out.printf("NOT INTACT: %s (seal %s, record %s, event %s)%n%s%n", problem.kind(), problem.sealId(), problem.seq(),
                    problem.eventId(), problem.detail());
            return 1;
        }
    }

    /** The newest of the anchors given: on the command line, in an anchor file, or the witness's last head. */
    private static Anchor anchor(Map<String, String> options) throws java.io.IOException {
        Anchor anchor = options.containsKey("--anchor") ? Anchor.parse(options.get("--anchor")) : null;
        if (options.containsKey("--anchor-file")) {
            anchor = newer(anchor, Anchor.parse(Files.readString(Path.of(options.get("--anchor-file")))));
        }
        if (options.containsKey("--witness")) {
            TreeMap<Long, String> heads = Witness.expected(Path.of(options.get("--witness")));
            if (!heads.isEmpty()) {
                anchor = newer(anchor, new Anchor(heads.lastKey(), heads.lastEntry().getValue()));
            }
        }
        return anchor;
    }

    private static Anchor newer(Anchor a, Anchor b) {
        return a == null || b.sealId() > a.sealId() ? b : a;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
