package io.amcfacade.audit.export;

import io.amcfacade.audit.integrity.ExportChain;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.TrailVerdicts;
import io.amcfacade.audit.storage.AuditConfig;
import io.amcfacade.audit.query.AuditCriteria;

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
 * many rows. Each line ends in its link of a hash chain; the last line is a manifest with the count,
 * the SHA-256 of every byte before it and the chain's last value, signed with the seal key (Ed25519),
 * so {@code bin/audit-verify --export} checks a file offline with the public key and names its first bad line.
 * {@link AuditExportReader} reads a batch ahead on its own thread while this one writes.
 */
@ApplicationScoped
public class AuditExport {

    private static final Logger LOG = Logger.getLogger(AuditExport.class);

    /** The last line's content. */
    public record Manifest(long count, String sha256, String chain, String keyId, String signature) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;
    @Inject
    SealSigner signer;
    @Inject
    TrailVerdicts verdicts;

    /** @param callerGone true once the caller has closed the connection: the reading stops at the next batch */
    public StreamingOutput stream(AuditCriteria criteria, boolean csv, BooleanSupplier callerGone) {
        return output -> {
            MessageDigest sha256 = sha256();
            DigestOutputStream digesting = new DigestOutputStream(output, sha256);
            ExportWriter<ExportLine> writer = writer(digesting, csv, ExportLine.COLUMNS);
            writer.header();
            long count = 0;
            try (AuditExportReader reader = AuditExportReader.start(dataSource, criteria, config.pendingTimeout(), verdicts)) {
                for (List<ExportLine> batch = reader.next(count); batch != null; batch = reader.next(count)) {
                    if (callerGone.getAsBoolean()) { // writes to a closed connection may not fail; stop reading
                        LOG.infof("Audit export stopped after %d rows: the caller closed the connection", count);
                        return;
                    }
                    for (ExportLine row : batch) {
                        writer.row(row);
                    }
                    count += batch.size();
                }
            }
            writer.flush();
            String digest = HexFormat.of().formatHex(sha256.digest());
            String chain = writer.chainHead();
            writer.manifest(signedManifest(count, digest, chain), output);
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
    public interface ExportWriter<T> {
        void header() throws IOException;

        void row(T line) throws IOException;

        void flush() throws IOException;

        /** The hash chain's value after the last line. */
        String chainHead();

        /** Written past the digest: the manifest is not part of what it hashes. */
        void manifest(Manifest manifest, OutputStream raw) throws IOException;
    }

    /**
     * The writer of {@code csv} or NDJSON lines with their hash chain, for the audit export and for other
     * exports the facade signs the same way (the access-review pack).
     */
    public static <T> ExportWriter<T> writer(OutputStream out, boolean csv, List<ExportColumn<T>> columns) {
        return csv ? new CsvExportWriter<>(out, columns) : new NdjsonExportWriter<>(out, columns);
    }

    /** The manifest of {@code count} lines, signed with the seal key: checked offline by {@code bin/audit-verify --export}. */
    public Manifest signedManifest(long count, String sha256, String chain) {
        return new Manifest(count, sha256, chain, signer.publicKey().id(), signer.sign(ExportChain.signed(count, sha256, chain)));
    }

    /** A SHA-256 digest, for an export's manifest. */
    public static MessageDigest manifestDigest() {
        return sha256();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
