package io.amcfacade.audit.integrity.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;
import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.Seal;

/**
 * This replica's copies of the newest seal outside the database: the anchor file (the one head,
 * replaced atomically, moved only forward) and the optional witness (every head and every acknowledged
 * truncation, appended; see {@link Witness}).
 */
final class SealAnchor {

    private static final Logger LOG = Logger.getLogger(SealAnchor.class);

    private final Path anchorFile;
    private final Path witnessFile;

    SealAnchor(Path anchorFile, Path witnessFile) {
        this.anchorFile = anchorFile;
        this.witnessFile = witnessFile;
    }

    Optional<Anchor> read() {
        try {
            if (!Files.exists(anchorFile)) {
                return Optional.empty();
            }
            return Optional.of(Anchor.parse(Files.readString(anchorFile, StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Unreadable audit anchor file %s", anchorFile);
            return Optional.empty();
        }
    }

    void write(Seal seal) {
        try {
            Files.createDirectories(anchorFile.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(anchorFile.toAbsolutePath().getParent(), "seal-head", ".tmp");
            Files.writeString(temporary, seal.sealId() + " " + seal.digest() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, anchorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.errorf(e, "Could not write the audit anchor file %s", anchorFile);
        }
        witness(Witness.seal(seal));
    }

    /** After an operator accepted the loss of the seals after {@code continuesFrom} (null: all of them). */
    void acknowledged(Anchor lost, Seal continuesFrom, UUID eventId) {
        witness(Witness.acknowledgement(lost, continuesFrom, eventId));
        if (continuesFrom != null) {
            write(continuesFrom);
            return;
        }
        try {
            Files.deleteIfExists(anchorFile);
        } catch (IOException e) {
            LOG.errorf(e, "Could not remove the audit anchor file %s", anchorFile);
        }
    }

    private void witness(String line) {
        if (witnessFile == null) {
            return;
        }
        try {
            Files.createDirectories(witnessFile.toAbsolutePath().getParent());
            Files.writeString(witnessFile, line + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            LOG.errorf(e, "Could not append to the audit witness %s", witnessFile);
        }
    }
}
