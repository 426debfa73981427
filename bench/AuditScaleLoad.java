import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.sealing.Sealing;

/**
 * Loads N synthetic audited actions into an embedded database that the service has migrated: 50
 * accounts, 2,000 actors, two years in time order, half of them invitations with an invitee email target. Records
 * get real content hashes and MACs and are sealed batch by batch, each seal dated just after its batch (a loader
 * of the past may set a seal's time; the service never does), so the trail verifies. While it loads it holds
 * the sealing lock, so the running service does not seal meanwhile; it first removes the service's own
 * startup seals (a fresh trail: nothing else is in it) and at the end moves the service's anchor to its last seal.
 * Usage: java -cp <app jars> bench/AuditScaleLoad.java JDBC_URL KEY_FILE EVENTS
 */
public class AuditScaleLoad {

    private static final int BATCH_EVENTS = 20_000;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        SealKey key = SealKey.readExisting(Path.of(args[1]));
        mac = new RecordMac(key);
        Sealing sealing = new Sealing(SealSigner.loadOrCreate(Path.of(args[1]).resolveSibling("audit-seal-ed25519.key")), mac);
        Path anchor = Path.of(args[1]).toAbsolutePath().getParent().getParent().resolve("audit").resolve("seal-head");
        long events = Long.parseLong(args[2]);
        Random random = new Random(42);
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant start = end.minus(730, ChronoUnit.DAYS);
        long span = end.getEpochSecond() - start.getEpochSecond();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + Sealing.LOCK + ")");
                connection.setAutoCommit(false);
                statement.execute("SET LOCAL session_replication_role = replica");
                statement.execute("DELETE FROM audit_seals");
                connection.commit();
                connection.setAutoCommit(true);
                for (LocalDate month = LocalDate.ofInstant(start, ZoneOffset.UTC).withDayOfMonth(1);
                        !month.isAfter(LocalDate.now(ZoneOffset.UTC)); month = month.plusMonths(1)) {
                    statement.execute("SELECT audit_ensure_partition('" + month + "')");
                }
            }
            CopyManager copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
            long loaded = 0;
            Instant last = start;
            long started = System.nanoTime();
            while (loaded < events) {
                StringBuilder rows = new StringBuilder(BATCH_EVENTS * 600);
                int batch = (int) Math.min(BATCH_EVENTS, events - loaded);
                for (int i = 0; i < batch; i++) {
                    // In time order, as a trail grows: action k falls at a random moment of its k-th slice of the two years.
                    double slice = (loaded + i + random.nextDouble()) / events;
                    Instant at = start.plusNanos((long) (slice * span * 1_000_000_000L));
                    appendAction(rows, random, at);
                    last = at;
                }
                connection.setAutoCommit(false);
                copy.copyIn("COPY audit_records (" + io.amcfacade.audit.storage.TrailRecordSql.CONTENT_COLUMNS + ") FROM STDIN",
                        new StringReader(rows.toString()));
                connection.commit();
                connection.setAutoCommit(true);
                sealing.sealNext(connection, last.plusSeconds(1)).orElseThrow();
                loaded += batch;
                if (loaded % 500_000 == 0 || loaded == events) {
                    System.err.printf("loaded %,d actions in %d s%n", loaded, (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE audit_records");
            }
            Seal head = sealing.sealNext(connection).orElseThrow();
            java.nio.file.Files.createDirectories(anchor.getParent());
            java.nio.file.Files.writeString(anchor, head.sealId() + " " + head.digest() + "\n");
        }
    }

    private static RecordMac mac;

    private static void appendAction(StringBuilder rows, Random random, Instant at) {
        UUID eventId = UUID.randomUUID();
        boolean invite = random.nextBoolean();
        String account = "ENTITYBENCH" + random.nextInt(50);
        TrailRecord intent = record(TrailRecord.Kind.INTENT, eventId, at);
        intent.occurredAt = intent.recordedAt;
        intent.actorSubject = "svc-" + random.nextInt(2000);
        intent.actorRoles = "amc-admin";
        intent.onBehalfOf = "person" + random.nextInt(5000) + "@example.com";
        intent.clientIp = "10.0." + random.nextInt(255) + "." + random.nextInt(255);
        intent.userAgent = "bench/1.0";
        intent.correlationId = eventId.toString();
        intent.action = invite ? "INVITATIONS_CREATE" : "ACCOUNTS_LIST";
        intent.httpMethod = invite ? "POST" : "GET";
        intent.path = invite ? "/v1/accounts/" + account + "/invitations" : "/v1/accounts";
        intent.accountId = invite ? account : null;
        append(rows, intent);
        if (invite) {
            TrailRecord target = record(TrailRecord.Kind.TARGET, eventId, at.plusNanos(1000));
            target.targetKind = "EMAIL";
            target.targetId = "invitee" + random.nextInt(1_000_000) + "@example.com";
            target.position = 100;
            target.role = "viewer";
            append(rows, target);
        }
        TrailRecord outcome = record(TrailRecord.Kind.OUTCOME, eventId, at.plusMillis(20));
        outcome.outcome = "SUCCEEDED";
        outcome.httpStatus = 200;
        outcome.upstreamStatus = 200;
        outcome.upstreamRequestId = "REQ" + random.nextInt(1_000_000);
        outcome.upstreamAttempts = 1;
        outcome.latencyMs = 20L;
        append(rows, outcome);
    }

    private static TrailRecord record(TrailRecord.Kind kind, UUID eventId, Instant at) {
        TrailRecord record = new TrailRecord();
        record.kind = kind;
        record.eventId = eventId;
        record.recordedAt = at.truncatedTo(ChronoUnit.MICROS);
        return record;
    }

    private static void append(StringBuilder rows, TrailRecord r) {
        r.contentHash = CanonicalRecord.hashV2(r);
        r.recordMac = mac.of(r.contentHash);
        Object[] values = { r.recordedAt, r.eventId, r.kind, r.occurredAt, r.actorSubject, r.actorName, r.actorRoles,
                r.onBehalfOf, r.clientIp, r.userAgent, r.correlationId, r.action, r.httpMethod, r.path, r.accountId,
                r.idempotencyKey, r.targetKind, r.targetId, r.position, r.role, r.outcome, r.errorCode, r.requestSummary,
                r.httpStatus, r.detail, r.upstreamStatus, r.upstreamRequestId, r.upstreamAttempts, r.latencyMs, r.contentHash,
                r.recordMac };
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            rows.append(values[i] == null ? "\\N" : values[i].toString());
        }
        rows.append('\n');
    }
}
