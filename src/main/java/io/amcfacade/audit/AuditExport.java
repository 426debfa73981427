package io.amcfacade.audit;

import io.amcfacade.audit.storage.AuditConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Streams actions oldest first straight from the database to the response: memory stays flat however
 * many rows. The last line is a manifest with the count and the SHA-256 of every byte before it.
 * {@link AuditExportReader} reads a batch ahead on its own thread while this one writes.
 */
@ApplicationScoped
public class AuditExport {

    private static final Logger LOG = Logger.getLogger(AuditExport.class);

    static final String[] COLUMNS = { "eventId", "occurredAt", "action", "outcome", "actorSubject", "actorName",
            "actorRoles", "onBehalfOf", "clientIp", "correlationId", "accountId", "targetId", "targets", "httpStatus",
            "errorCode", "upstreamStatus", "upstreamRequestId", "latencyMs", "idempotencyKey" };

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;

    /** @param callerGone true once the caller has closed the connection: the reading stops at the next batch */
    StreamingOutput stream(AuditFilterSql filter, boolean csv, BooleanSupplier callerGone) {
        return output -> {
            MessageDigest sha256 = sha256();
            DigestOutputStream digesting = new DigestOutputStream(output, sha256);
            ExportWriter writer = csv ? new CsvExportWriter(digesting) : new NdjsonExportWriter(digesting);
            writer.header(COLUMNS);
            long count = 0;
            try (AuditExportReader reader = AuditExportReader.start(dataSource, filter, config.pendingTimeout())) {
                for (List<Object[]> batch = reader.next(count); batch != null; batch = reader.next(count)) {
                    if (callerGone.getAsBoolean()) { // writes to a closed connection may not fail; stop reading
                        LOG.infof("Audit export stopped after %d rows: the caller closed the connection", count);
                        return;
                    }
                    for (Object[] row : batch) {
                        writer.row(row);
                    }
                    count += batch.size();
                }
            }
            writer.flush();
            writer.manifest(count, HexFormat.of().formatHex(sha256.digest()), output);
            output.flush();
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one export format. */
    interface ExportWriter {
        void header(String[] columns) throws IOException;

        /** @param values the line's columns in {@link #COLUMNS} order; entries after them are not written */
        void row(Object[] values) throws IOException;

        void flush() throws IOException;

        /** Written past the digest: the manifest is not part of what it hashes. */
        void manifest(long count, String sha256, OutputStream raw) throws IOException;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
